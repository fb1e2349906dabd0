import { AN_KHANH, caseOfDossier, runProvince2024, type ScenarioRunner } from '@dacxa/domain/scenarios';

/** The province's bodies the 2024 round's script acts for, with its detention camp. */
export const ROUND_UNITS = [
  { code: 'ca-tinh', kind: 'POLICE', name: 'Công an thành phố Hải Phòng', parent: 'tp-hai-phong' },
  { code: 'vks-tinh', kind: 'PROCURACY', name: 'Viện kiểm sát nhân dân thành phố', parent: 'tp-hai-phong' },
  { code: 'toa-an-tinh', kind: 'COURT', name: 'Tòa án nhân dân thành phố', parent: 'tp-hai-phong' },
  {
    code: 'trai-giam-tinh',
    kind: 'FACILITY',
    name: 'Trại tạm giam Công an thành phố',
    parent: 'tp-hai-phong',
  },
] as const;

/** The people released in the round who report in at An Khánh: the first on time, the second late; the third not yet. */
const REPORTED_ON_TIME = 1;
const REPORTED_LATE = 5;

const doc = (number: string, date: string, form?: string) => ({ number, date, ...(form ? { form } : {}) });

/**
 * Hải Phòng's 2024 round (seeds/004…) with two more people granted and released and two petitions
 * pending; their expected cases opened at An Khánh, and two of the three reporting in there.
 */
export async function playRound2024(runner: ScenarioRunner): Promise<void> {
  await runProvince2024(runner, { granted: 2, pending: 2, openCases: true });
  for (const [n, reportedOn] of [
    [REPORTED_ON_TIME, '2024-10-04'],
    [REPORTED_LATE, '2024-10-14'],
  ] as const)
    await runner.run('case', caseOfDossier(n), {
      type: 'ReceivePerson',
      data: {
        reportedOn,
        certificate: doc(`957-${String(n).padStart(4, '0')}/GCN`, '2024-10-01'),
        reportBy: '2024-10-11',
        minutes: doc(`${n}/BB-CAX`, reportedOn, 'HCD-05'),
        commitmentSigned: true,
      },
      meta: {
        actor: 'u-commune-police',
        role: 'commune-police',
        unit: `${AN_KHANH}/cong-an`,
        now: `${reportedOn}T01:00:00Z`,
      },
    } as never);
}
