import { describe, expect, it } from 'vitest';
import { getInMemoryEventStore, type EventStore } from '@dacxa/event-store';
import { createProjectionEngine } from '../engine/projectionEngine.js';
import { getInMemoryDocumentStore } from '../inMemoryDocumentStore.js';
import type { DocumentStore } from '../types.js';
import { createDeadlinesProjection, type DeadlineDoc } from './deadlines.js';
import { INVENTED_2027_PUBLICATION } from './testing/invented2027.js';

// Invented cases and an invented 2027 decision (Tết off 05/02–11/02); only the built-in data is real.
const meta = { actor: 'u-1', role: 'commune-police', unit: 'xa-an-khanh/cong-an' };
type Data = Parameters<EventStore['append']>[1][number]['data'];
const append = (store: EventStore, stream: string, type: string, data: Data) =>
  store.append(stream, [{ type, data, metadata: meta }]);
const fact = (rule: string, from: string) => ({
  rule,
  from,
  calendarVersion: 'built-in-2026-12',
  provisional: true,
});
const report = (store: EventStore, caseId: string, on: string) =>
  append(store, `case-${caseId}`, 'PersonReported', {
    reportedOn: on,
    fileDueBy: 'as-recorded',
    supervisorDueBy: 'as-recorded',
    deadlines: [fact('case.open-file', on), fact('case.supervisor-proposal', on)],
  });
const amend2027 = (store: EventStore) =>
  append(store, 'calendar-vn', 'HolidayCalendarPublished', INVENTED_2027_PUBLICATION);

/** A fresh engine (and a fresh projection object) over the stores, caught up with the log. */
async function caughtUp(events: EventStore, documents: DocumentStore) {
  const engine = createProjectionEngine({
    events,
    documents,
    projections: [createDeadlinesProjection()],
    batchSize: 2,
    lingerMs: 1,
  });
  engine.start();
  await engine.waitFor((await events.headPosition()) ?? 0n, 5000);
  const doc = async (id: string) =>
    (await documents.get<DeadlineDoc>(engine.collection('deadlines', 'deadlines'), id))?.doc;
  return { engine, doc };
}

describe('the deadlines view across a restart from its checkpoint', () => {
  it('recomputes every open deadline opened before the restart, and counts new ones on the published calendar', async () => {
    const events = getInMemoryEventStore();
    const documents = getInMemoryDocumentStore();
    // More openings than one batch holds, so they are spread over several commits before the stop.
    for (const id of ['a', 'b', 'c']) await report(events, id, '2027-02-03');
    await report(events, 'met', '2027-02-03');
    await append(events, 'case-met', 'SupervisorAssignmentProposed', { proposedOn: '2027-02-05' });
    await report(events, 'missed', '2027-02-01');
    const first = await caughtUp(events, documents);
    expect(await first.doc('case-a/case.supervisor-proposal')).toMatchObject({
      dueDate: '2027-02-08',
      provisional: true,
    });
    await append(events, 'case-missed', 'CaseDeadlineMissed', {
      rule: 'case.supervisor-proposal',
      dueOn: '2027-02-04',
      detectedOn: '2027-02-05',
    });
    await first.engine.waitFor((await events.headPosition()) ?? 0n, 5000);
    await first.engine.stop();

    const second = await caughtUp(events, documents);
    await amend2027(events);
    await report(events, 'after', '2027-02-04');
    await second.engine.waitFor((await events.headPosition()) ?? 0n, 5000);
    for (const id of ['a', 'b', 'c']) {
      expect(await second.doc(`case-${id}/case.supervisor-proposal`), id).toMatchObject({
        dueDate: '2027-02-15',
        provisional: false,
        calendarVersion: 'built-in-2026-12+1',
        status: 'open',
      });
      expect((await second.doc(`case-${id}/case.open-file`))?.dueDate).toBe('2027-02-17');
    }
    expect(await second.doc('case-after/case.supervisor-proposal')).toMatchObject({
      dueDate: '2027-02-16',
      provisional: false,
      calendarVersion: 'built-in-2026-12+1',
    });
    // A met deadline keeps the date it was met against; so does one the clock recorded missed.
    expect(await second.doc('case-met/case.supervisor-proposal')).toMatchObject({
      status: 'met',
      dueDate: '2027-02-08',
      provisional: true,
    });
    expect(await second.doc('case-missed/case.supervisor-proposal')).toMatchObject({
      status: 'missed-recorded',
      missedOn: '2027-02-05',
      dueDate: '2027-02-04',
    });
    // Its open sibling, on the same case, is recomputed.
    expect((await second.doc('case-missed/case.open-file'))?.calendarVersion).toBe('built-in-2026-12+1');
    await second.engine.stop();
  });
});
