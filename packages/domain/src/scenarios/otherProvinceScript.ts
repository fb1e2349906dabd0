import type { CaseCommand } from '../reintegration/caseCommands.js';
import { GRANT_DECISION_2025, by, id } from './anKhanhPlan.js';
import type { ScenarioRunner } from './scenarioLog.js';

// A second province with one invented commune and a few invented people, so that the demo shows
// what one jurisdiction's bodies never see of another's: Quảng Ninh's cases stay out of every
// Hải Phòng list, board and timeline.
export const OTHER_PROVINCE = 'tinh-quang-ninh';
export const OTHER_COMMUNE = 'xa-thi-diem';
const POLICE = `${OTHER_COMMUNE}/cong-an`;
/** The n-th case of the other province's commune (1…3). */
export const otherProvinceCaseId = (n: number) => id(2, 3000 + n);
const PEOPLE = ['Người Giả Định K', 'Người Giả Định L', 'Người Giả Định M'];
const doc = (number: string, date: string, form?: string) => ({ number, date, ...(form ? { form } : {}) });

/** The three cases: two pardoned in 2025 round 2 (one received, one supervised), one at sentence end. */
export async function runOtherProvince(runner: ScenarioRunner): Promise<void> {
  const onCase = (n: number, type: CaseCommand['type'], data: unknown, meta: ReturnType<typeof by>) =>
    runner.run('case', otherProvinceCaseId(n), { type, data, meta } as CaseCommand);
  for (const [i, fullName] of PEOPLE.entries()) {
    const n = i + 1;
    const amnesty = n <= 2;
    const noticeOn = amnesty ? GRANT_DECISION_2025.date : '2025-09-15';
    const police = by('commune-police', POLICE, noticeOn);
    await onCase(
      n,
      'ReceiveReleaseNotice',
      {
        caseId: otherProvinceCaseId(n),
        person: { personId: id(3, 3000 + n), fullName, birthDate: `${1985 + n}` },
        source: amnesty ? 'AMNESTY' : 'EXPIRY',
        communeCode: OTHER_COMMUNE,
        releaseDate: amnesty ? '2025-09-01' : '2025-11-15',
        ...(amnesty ? { reportBy: '2025-09-10' } : {}),
        receivedOn: noticeOn,
        notice: doc(`${500 + n}/TB-TG`, noticeOn),
      },
      police,
    );
    await onCase(
      n,
      'VerifyResidence',
      {
        address: { communeCode: OTHER_COMMUNE, village: 'Thôn 1' },
        verifiedOn: noticeOn,
        familyContacted: true,
      },
      police,
    );
    if (!amnesty) continue;
    await onCase(
      n,
      'ReceivePerson',
      {
        reportedOn: '2025-09-04',
        certificate: doc(`1693-QN${n}/GCN`, '2025-09-01'),
        reportBy: '2025-09-10',
        minutes: doc(`${n}/BB-CAX`, '2025-09-04', 'HCD-05'),
        commitmentSigned: true,
      },
      by('commune-police', POLICE, '2025-09-04'),
    );
    if (n === 2) await supervise(n, onCase);
  }
}

async function supervise(
  n: number,
  onCase: (
    n: number,
    type: CaseCommand['type'],
    data: unknown,
    meta: ReturnType<typeof by>,
  ) => Promise<unknown>,
): Promise<void> {
  const supervisor = {
    kind: 'PERSON' as const,
    ref: `u-qn-giup-do-${n}`,
    name: `Người được giao quản lý, giám sát, giáo dục, giúp đỡ QN-${n} (giả định)`,
  };
  await onCase(
    n,
    'OpenManagementFile',
    { fileNo: `QN-${n}/2025`, openedOn: '2025-09-08' },
    by('commune-police', POLICE, '2025-09-08'),
  );
  await onCase(
    n,
    'ProposeSupervisor',
    { supervisor, proposedOn: '2025-09-05', proposal: doc(`${n}/BC-CAX`, '2025-09-05', 'HCD-06') },
    by('commune-police', POLICE, '2025-09-05'),
  );
  // The commune's Front agrees to the person proposed before the chair decides (TT10 10(1)).
  await onCase(
    n,
    'GiveFrontSupervisorOpinion',
    { supervisor, agrees: true, givenOn: '2025-09-08', document: doc(`${n}/MTTQ`, '2025-09-08') },
    by('fatherland-front', `${OTHER_COMMUNE}/mat-tran`, '2025-09-08'),
  );
  await onCase(
    n,
    'AssignSupervisor',
    { supervisor, decision: doc(`${70 + n}/QĐ-UBND`, '2025-09-09', 'HCD-07'), decidedOn: '2025-09-09' },
    by('commune-chair', OTHER_COMMUNE, '2025-09-09'),
  );
}
