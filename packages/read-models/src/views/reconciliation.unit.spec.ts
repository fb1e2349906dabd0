import { describe, expect, it } from 'vitest';
import { getInMemoryEventStore, type EventStore } from '@dacxa/event-store';
import { createProjectionEngine } from '../engine/projectionEngine.js';
import { getInMemoryDocumentStore } from '../inMemoryDocumentStore.js';
import {
  reconciliationProjection,
  summariseReconciliation,
  type ReconciliationDoc,
} from './reconciliation.js';

// Invented round, people and communes only.
const ROUND = '0192f5c4-0000-7000-8000-00000000e000';
const uuid = (n: number) => `0192f5c4-0000-7000-8000-${String(n).padStart(12, '0')}`;
const meta = { actor: 'u-1', role: 'facility-warden', unit: 'trai-giam-x' };
type Data = Parameters<EventStore['append']>[1][number]['data'];
const append = (store: EventStore, stream: string, type: string, data: Data) =>
  store.append(stream, [{ type, data, metadata: meta }]);
const person = (n: number) => ({ personId: uuid(100 + n), fullName: '(sealed)', birthDate: '(sealed)' });
const certificate = (n: number) => ({ number: `957-000${n}/GCN`, date: '2024-10-01' });

async function certify(store: EventStore, n: number, commune: string): Promise<void> {
  await append(store, `dossier-${uuid(n)}`, 'AmnestyPetitionSubmitted', {
    dossierId: uuid(n),
    roundId: ROUND,
    person: person(n),
  });
  await append(store, `dossier-${uuid(n)}`, 'AmnestyCertificateIssued', {
    certificate: certificate(n),
    issuedOn: '2024-10-01',
    reportToCommuneBy: '2024-10-11',
    destinationCommune: commune,
  });
}

async function notice(store: EventStore, n: number, commune: string): Promise<void> {
  await append(store, `case-${uuid(200 + n)}`, 'ReleaseNoticeReceived', {
    caseId: uuid(200 + n),
    person: person(n),
    source: 'AMNESTY',
    communeCode: commune,
    releaseDate: '2024-10-01',
    reportBy: '2024-10-11',
    roundId: ROUND,
    receivedOn: '2024-10-01',
    notice: certificate(n),
  });
}

/** A round with certificates to two communes: on time, late, arrived elsewhere, not seen, not yet noticed. */
async function releaseDay() {
  const events = getInMemoryEventStore();
  const documents = getInMemoryDocumentStore();
  for (const [n, commune] of [
    [1, 'xa-a'],
    [2, 'xa-a'],
    [3, 'xa-b'],
    [4, 'xa-b'],
    [5, 'xa-b'],
  ] as const) {
    await certify(events, n, commune);
    if (n !== 5) await notice(events, n, commune);
  }
  await append(events, `case-${uuid(201)}`, 'PersonReported', { reportedOn: '2024-10-03', late: false });
  await append(events, `case-${uuid(202)}`, 'PersonReported', { reportedOn: '2024-10-14', late: true });
  await append(events, `case-${uuid(303)}`, 'ArrivedAtDifferentCommuneAccepted', {
    caseId: uuid(303),
    person: person(3),
    communeCode: 'xa-c',
    originalCommune: 'xa-b',
    certificate: certificate(3),
    reportedOn: '2024-10-04',
  });
  await append(events, `case-${uuid(204)}`, 'ReportingDeadlineMissed', {
    dueDate: '2024-10-11',
    detectedOn: '2024-10-12',
  });
  // A notice at the end of a sentence is no round's: it is not counted.
  await append(events, `case-${uuid(299)}`, 'ReleaseNoticeReceived', {
    caseId: uuid(299),
    person: person(99),
    source: 'EXPIRY',
    communeCode: 'xa-a',
  });
  const engine = createProjectionEngine({
    events,
    documents,
    projections: [reconciliationProjection],
    batchSize: 3,
    lingerMs: 1,
  });
  engine.start();
  await engine.waitFor((await events.headPosition()) ?? 0n, 5000);
  const page = await documents.find<ReconciliationDoc>(engine.collection('reconciliation', 'reconciliation'));
  await engine.stop();
  return page.items.map((i) => i.doc);
}

describe('release-day reconciliation', () => {
  it('follows each expected person from the certificate to reporting in, late, elsewhere or not at all', async () => {
    const docs = await releaseDay();
    const byDossier = new Map(docs.map((d) => [d.dossierId, d]));
    expect(byDossier.get(uuid(1))).toMatchObject({
      communeCode: 'xa-a',
      outcome: 'on-time',
      noticeReceived: true,
    });
    expect(byDossier.get(uuid(2))).toMatchObject({ outcome: 'late' });
    expect(byDossier.get(uuid(3))).toMatchObject({
      communeCode: 'xa-b',
      outcome: 'elsewhere',
      arrivedAt: 'xa-c',
    });
    expect(byDossier.get(uuid(4))).toMatchObject({ outcome: 'not-yet-seen', deadlineMissed: true });
    expect(byDossier.get(uuid(5))).toMatchObject({
      certificateIssued: true,
      noticeReceived: false,
      caseId: null,
      certificate: certificate(5),
    });
    expect(docs).toHaveLength(5);
    expect(JSON.stringify(docs)).not.toContain('sealed');
  });

  it('counts per round and commune, and rolls them up per province, overdue as of the day asked', async () => {
    const docs = await releaseDay();
    const { communes, provinces } = summariseReconciliation(docs, '2024-10-12', () => 'tinh-x');
    expect(communes).toEqual([
      expect.objectContaining({
        communeCode: 'xa-a',
        province: 'tinh-x',
        expected: 2,
        reportedOnTime: 1,
        reportedLate: 1,
        notYetSeen: 0,
      }),
      expect.objectContaining({
        communeCode: 'xa-b',
        expected: 3,
        noticeReceived: 2,
        arrivedElsewhere: 1,
        notYetSeen: 2,
        overdue: 2,
        deadlineMarked: 1,
      }),
    ]);
    expect(provinces).toEqual([
      expect.objectContaining({
        roundId: ROUND,
        province: 'tinh-x',
        communes: 2,
        expected: 5,
        notYetSeen: 2,
      }),
    ]);
    const before = summariseReconciliation(docs, '2024-10-11', () => 'tinh-x');
    expect(before.communes[1]).toMatchObject({ overdue: 0, notYetSeen: 2 });
  });
});
