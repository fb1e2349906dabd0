import type { EventStore } from '@dacxa/event-store';
import { AN_KHANH, OTHER_COMMUNE, anKhanhCaseId, otherProvinceCaseId } from '@dacxa/domain/scenarios';
import { storeRunner } from './scenarioStore.js';

const meta = (role: string, unit: string, on: string) => ({
  actor: `u-${role}`,
  role,
  unit,
  now: `${on}T01:00:00Z`,
});
const REPORT_ID = '0192f5c4-0090-7000-8000-000000000001';

/**
 * The third quarter of 2025 classified, as commune police would after the HCD-08 reports (early
 * October): An Khánh's cases 1–3 as A, B, C, case 1 first as B and then A; case 5 for the second
 * quarter only; the other province's case 2 as A. An Khánh's HCD-09 for 2025-Q3 requested by the
 * city police and submitted late.
 */
export async function seedQuarterClassification(store: EventStore): Promise<void> {
  const runner = storeRunner(store);
  const police = meta('commune-police', `${AN_KHANH}/cong-an`, '2025-10-02');
  const classify = (caseId: string, group: string, quarter: string, by = police) =>
    runner.run('case', caseId, {
      type: 'ClassifyPerson',
      data: { group, quarter, classifiedOn: by.now.slice(0, 10) },
      meta: by,
    } as never);
  await classify(anKhanhCaseId(1), 'B', '2025-Q3');
  await classify(anKhanhCaseId(1), 'A', '2025-Q3');
  await classify(anKhanhCaseId(2), 'B', '2025-Q3');
  await classify(anKhanhCaseId(3), 'C', '2025-Q3');
  await classify(anKhanhCaseId(5), 'A', '2025-Q2');
  await classify(
    otherProvinceCaseId(2),
    'A',
    '2025-Q3',
    meta('commune-police', `${OTHER_COMMUNE}/cong-an`, '2025-10-03'),
  );
  await runner.run('report', REPORT_ID, {
    type: 'RequestReport',
    data: {
      reportId: REPORT_ID,
      template: 'HCD-09',
      period: '2025-Q3',
      reportingUnit: `${AN_KHANH}/cong-an`,
      recipientUnit: 'tp-hai-phong',
      dueDate: '2025-10-05',
      requestedOn: '2025-09-25',
    },
    meta: meta('provincial-police', 'tp-hai-phong', '2025-09-25'),
  } as never);
  await runner.run('report', REPORT_ID, {
    type: 'SubmitReport',
    data: { submittedOn: '2025-10-07', document: { number: '12/BC-CAX', date: '2025-10-07' } },
    meta: meta('commune-police', `${AN_KHANH}/cong-an`, '2025-10-07'),
  } as never);
}
