import type { NewEvent } from '@dacxa/event-store';

/** 34 provinces and 3,321 communes after the 2025 reform: codes only, no real names. */
export const COMMUNES = Array.from(
  { length: 3321 },
  (_, i) => `tinh-${String(i % 34).padStart(2, '0')}/xa-${String(i).padStart(4, '0')}`,
);
const meta = (unit: string, subject?: string) => ({
  actor: 'bench',
  role: 'commune-police',
  unit,
  ...(subject ? { subject } : {}),
});
const day = (offset: number): string =>
  new Date(Date.UTC(2025, 8, 1) + offset * 86_400_000).toISOString().slice(0, 10);
const sealedName = { $sealed: 1, p: 'x', v: 'c2VhbGVkLW5hbWUtYnl0ZXMtYXMtc3RvcmVk' };

/**
 * One case's events, shaped like a commune's work: notice, residence, reporting in, file, a
 * supervisor, classifications and visits. Personal values are sealed objects, as stored.
 */
export function caseEvents(n: number, visits: number): NewEvent[] {
  const commune = COMMUNES[n % COMMUNES.length] as string;
  const caseId = `c${n}`;
  const m = meta(commune, `p${n}`);
  const events: NewEvent[] = [
    {
      type: 'ReleaseNoticeReceived',
      data: {
        caseId,
        person: { personId: `p${n}`, fullName: sealedName, birthDate: sealedName },
        source: n % 3 ? 'AMNESTY' : 'EXPIRY',
        communeCode: commune,
        releaseDate: day(0),
        receivedOn: day(-3),
        verifyBy: day(1),
        notice: { number: `${n}/TB`, date: day(-3) },
      },
      metadata: m,
    },
    {
      type: 'ResidenceVerified',
      data: {
        address: { communeCode: commune, village: `thon-${n % 9}`, street: sealedName },
        verifiedOn: day(0),
        familyContacted: true,
      },
      metadata: m,
    },
    {
      type: 'PersonReported',
      data: {
        reportedOn: day(2),
        certificate: { number: `${n}/GCN`, date: day(0) },
        minutes: { number: `${n}/BB`, date: day(2) },
        commitmentSigned: true,
        late: false,
        fileDueBy: day(9),
        supervisorDueBy: day(7),
      },
      metadata: m,
    },
    { type: 'ManagementFileOpened', data: { fileNo: `NV-${n}`, openedOn: day(5), late: false }, metadata: m },
    {
      type: 'SupervisorAssigned',
      data: {
        supervisor: { kind: 'PERSON', ref: `u${n % 500}`, name: sealedName },
        decision: { number: `${n}/QĐ`, date: day(6) },
        decidedOn: day(6),
      },
      metadata: m,
    },
  ];
  for (let v = 0; v < visits; v++) {
    events.push(
      v % 2 === 0
        ? {
            type: 'VisitLogged',
            data: {
              visitedOn: day(30 + v * 30),
              visitorRole: 'supervisor',
              place: 'HOME',
              findings: sealedName,
              concerns: [],
            },
            metadata: m,
          }
        : {
            type: 'PersonClassified',
            data: { group: 'ABCD'[n % 4], quarter: '2025-Q4', classifiedOn: day(30 + v * 30) },
            metadata: m,
          },
    );
  }
  return events;
}

/** A plan's tasks for every hundredth commune: the tracker's share of the log. */
export function taskEvents(n: number): NewEvent[] {
  const commune = COMMUNES[n % COMMUNES.length] as string;
  return [
    {
      type: 'TaskAssigned',
      data: {
        taskId: `t${n}`,
        planId: `plan-${n % 50}`,
        group: (n % 6) + 1,
        leadUnit: `${commune}/cong-an`,
        coordinatingUnits: [],
        requestType: n % 6 === 4 ? 'REQUEST' : 'ASSIGN',
        description: 'Nhiệm vụ',
        dueDate: day(4),
        assignedOn: day(-30),
      },
      metadata: meta(commune),
    },
    {
      type: 'TaskCompleted',
      data: { completedOn: day(3), evidence: [{ number: `${n}/BC`, date: day(3) }], late: false },
      metadata: meta(commune),
    },
  ];
}
