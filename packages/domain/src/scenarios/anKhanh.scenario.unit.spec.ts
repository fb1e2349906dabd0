import { beforeAll, describe, expect, it } from 'vitest';
import { TASK_GROUPS, XA, by, id } from './anKhanhPlan.js';
import {
  AN_KHANH_PLAN as PLAN,
  CITY_PLAN,
  anKhanhCaseId as caseId,
  runAnKhanh,
  supervisorOf,
} from './anKhanhScript.js';
import { runnerOf, scenarioLog } from './scenarioLog.js';

const log = scenarioLog();

beforeAll(() => runAnKhanh(runnerOf(log)));

describe('An Khánh commune, plan 13/KH-UBND (2025, round 2)', () => {
  it('issues the plan under the city plan 1958/UBND-NC with its six task groups', () => {
    expect(log.state('plan', PLAN)).toMatchObject({
      status: 'issued',
      taskGroups: [1, 2, 3, 4, 5, 6],
      reportDue: '2025-09-04',
    });
    // The parent is a link to the city plan's stream; its paper is copied from there.
    expect(log.state('plan', PLAN)).toMatchObject({ parentPlanId: CITY_PLAN });
    expect(log.state('plan', CITY_PLAN)).toMatchObject({ status: 'issued', level: 'PROVINCE' });
    expect(log.events('plan', PLAN)[0]?.data).toMatchObject({
      parentPlanId: CITY_PLAN,
      parent: { number: '1958/UBND-NC', date: '2025-07-23' },
    });
  });

  it('completes the five orders and leaves the request to the Front awaiting, never overdue', async () => {
    for (const group of TASK_GROUPS) {
      expect(log.state('task', id(4, group.no)).status).toBe(group.type === 'ASSIGN' ? 'completed' : 'open');
    }
    await expect(
      log.run('task', id(4, 5), {
        type: 'MarkTaskOverdue',
        data: { detectedOn: '2025-10-01' },
        meta: by('system', 'system', '2025-10-01'),
      }),
    ).rejects.toThrow(/awaited/);
  });

  it('records on each task the commune that issued its plan, read from the plan’s stream', () => {
    for (const group of TASK_GROUPS)
      expect(log.state('task', id(4, group.no))).toMatchObject({ issuerUnit: XA });
  });

  it('receives five people, each with exactly one supervisor, and hands one over to Lê Chân ward', () => {
    const statuses = [1, 2, 3, 4, 5].map((n) => log.state('case', caseId(n)).status);
    expect(statuses).toEqual(['supervised', 'supervised', 'supervised', 'closed', 'supervised']);
    expect(log.state('case', caseId(4))).toMatchObject({ reason: 'MOVED' });
    expect(log.state('case', id(2, 99))).toMatchObject({
      status: 'received',
      communeCode: 'phuong-le-chan',
      // 5 working days from Lê Chân's receipt on 06/10 (TT10 15(2)).
      supervisorDueBy: '2025-10-13',
    });
    expect(log.events('case', id(2, 99))[0]?.data).toMatchObject({
      fromCommune: XA,
      source: 'AMNESTY',
      releaseDate: '2025-09-01',
    });
    expect(log.state('case', caseId(1))).toMatchObject({ supervisor: supervisorOf(1) });
  });

  it('records the visits, the approved loan and the violation', () => {
    expect(log.all().filter((e) => e.type === 'VisitLogged')).toHaveLength(5);
    expect(log.state('case', caseId(2))).toMatchObject({
      loans: { [id(6, 1)]: { purpose: 'BUSINESS', status: 'APPROVED' } },
    });
    expect(log.events('case', caseId(3)).map((e) => e.type)).toContain('ViolationRecorded');
  });

  it('takes the units’ reports through the commune police: four before 05/09/2025 and one late', () => {
    const submitted = log
      .all()
      .filter((e) => e.type === 'ReportSubmitted')
      .map((e) => (e.data as { late: boolean }).late);
    expect(submitted.filter((late) => !late)).toHaveLength(4);
    expect(submitted.filter((late) => late)).toHaveLength(1);
    expect(log.state('report', id(5, 4))).toMatchObject({ status: 'accepted', overdue: true });
  });
});
