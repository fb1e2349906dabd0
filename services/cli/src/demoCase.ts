import type { CaseCommand, CommandMeta, Role } from '@dacxa/domain';

const COMMUNE = 'xa-an-khanh';
const doc = (number: string, date: string, form?: string) => ({ number, date, ...(form ? { form } : {}) });
const by = (role: Role, on: string, actor = `demo-${role}`, unit = `${COMMUNE}/${role}`): CommandMeta => ({
  actor,
  role,
  unit: role === 'commune-chair' ? COMMUNE : unit,
  now: `${on}T02:00:00Z`,
});

/**
 * An invented person's first weeks back in An Khánh commune, as commands. No real person: the
 * name and ID number are made up and sealed before they reach the file.
 */
export function demoCaseCommands(caseId: string, personId: string): CaseCommand[] {
  const supervisor = { kind: 'PERSON' as const, ref: 'demo-truong-thon-3', name: 'Trưởng thôn 3 (giả định)' };
  const commands: Array<Pick<CaseCommand, 'type' | 'data'> & { meta: CommandMeta }> = [
    {
      type: 'ReceiveReleaseNotice',
      data: {
        caseId,
        person: {
          personId,
          fullName: 'Người Giả Định Minh Họa',
          birthDate: '1991',
          idNumber: '001091000000',
        },
        source: 'AMNESTY',
        communeCode: COMMUNE,
        releaseDate: '2025-09-01',
        reportBy: '2025-09-10',
        receivedOn: '2025-08-29',
        notice: doc('215/TB-TG', '2025-08-28'),
      },
      meta: by('commune-police', '2025-08-29'),
    },
    {
      type: 'ReceivePerson',
      data: {
        reportedOn: '2025-09-03',
        certificate: doc('1693-0001/GCN', '2025-09-01'),
        reportBy: '2025-09-10',
        minutes: doc('01/BB-CAX', '2025-09-03', 'HCD-05'),
        commitmentSigned: true,
      },
      meta: by('commune-police', '2025-09-03'),
    },
    {
      type: 'ProposeSupervisor',
      data: { supervisor, proposedOn: '2025-09-04', proposal: doc('02/BC-CAX', '2025-09-04', 'HCD-06') },
      meta: by('commune-police', '2025-09-04'),
    },
    {
      type: 'AssignSupervisor',
      data: { supervisor, decision: doc('15/QĐ-UBND', '2025-09-05', 'HCD-07'), decidedOn: '2025-09-05' },
      meta: by('commune-chair', '2025-09-05'),
    },
    {
      type: 'LogVisit',
      data: {
        visitedOn: '2025-10-01',
        place: 'HOME',
        findings: 'Đã có việc làm thời vụ tại hợp tác xã',
        concerns: [],
      },
      meta: by('supervisor', '2025-10-01', supervisor.ref, COMMUNE),
    },
  ];
  return commands as CaseCommand[];
}
