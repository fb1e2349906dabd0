// pnpm bench (protection): seal and unseal cost per event beside plain JSON serialisation, same run.
import { randomBytes } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '@dacxa/event-store';
import { createDataKeys, createSealer, getInMemoryKeyStore, localMasterKeys } from '../src/index.js';

const EVENTS = 20_000;
const PEOPLE = 2_000;

function notice(i: number): NewEvent {
  const personId = `0192f5c4-0000-7000-8000-${String(i % PEOPLE).padStart(12, '0')}`;
  return {
    type: 'ReleaseNoticeReceived',
    data: {
      caseId: personId,
      person: {
        personId,
        fullName: `Người Giả Định ${i}`,
        birthDate: '1990-01-01',
        idNumber: '001099012345',
      },
      source: 'AMNESTY',
      communeCode: 'xa-an-khanh',
      releaseDate: '2025-09-01',
      receivedOn: '2025-08-29',
      verifyBy: '2025-09-04',
      notice: { number: '215/TB-TG', date: '2025-08-29' },
    },
    metadata: { actor: 'u-1', role: 'commune-police', unit: 'xa-an-khanh', subject: personId },
  };
}

const perEvent = async (work: () => unknown): Promise<number> => {
  const started = performance.now();
  await work();
  return ((performance.now() - started) * 1000) / EVENTS;
};

const keys = createDataKeys(getInMemoryKeyStore(), localMasterKeys([{ id: 'k1', key: randomBytes(32) }]));
const sealer = createSealer(keys);
const events = Array.from({ length: EVENTS }, (_, i) => notice(i));
for (let p = 0; p < PEOPLE; p++) await keys.keyFor(events[p]?.metadata.subject as string); // keys exist, as in steady state

const json = await perEvent(() => events.forEach((e) => JSON.parse(JSON.stringify(e.data)) as unknown));
const sealed: NewEvent[] = [];
const seal = await perEvent(async () => {
  for (const e of events) sealed.push(await sealer.sealEvent(e));
});
const recorded = sealed.map((e) => ({ ...e, schemaVersion: 1 }) as RecordedEvent);
const unseal = await perEvent(async () => {
  for (const e of recorded)
    await sealer.unsealEvent(e, { role: 'commune-police', purpose: 'case-management', inScope: true });
});
const redact = await perEvent(async () => {
  for (const e of recorded)
    await sealer.unsealEvent(e, { role: 'auditor', purpose: 'oversight', inScope: true });
});

const row = (name: string, us: number): string =>
  `| ${name} | ${us.toFixed(2)} µs | ${json.toFixed(2)} µs | ${(us / json).toFixed(1)}× |`;
console.log(
  `\n### Sealing (${EVENTS.toLocaleString('en-US')} ReleaseNoticeReceived events, 3 personal fields each, Node ${process.version})\n`,
);
console.log('| operation | per event | JSON stringify + parse (same run) | ratio |');
console.log('| --- | ---: | ---: | ---: |');
console.log(row('seal (AES-256-GCM, key cached)', seal));
console.log(row('unseal for commune police', unseal));
console.log(row('redact for an auditor (no decryption)', redact));
