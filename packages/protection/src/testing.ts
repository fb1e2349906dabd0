import { randomBytes } from 'node:crypto';
import { getInMemoryEventStore, type NewEvent } from '@dacxa/event-store';
import { createDataKeys } from './dataKeys.js';
import { getInMemoryKeyStore, type KeyStore } from './keyStore.js';
import { localMasterKeys } from './masterKeys.js';
import { createSealer } from './sealer.js';
import { getSealingEventStore } from './sealingEventStore.js';

// Invented people only.
export const PERSON_ID = '0192f5c4-0000-7000-8000-0000000000aa';
export const NAME = 'Nguyễn Văn Giả Định';
export const ID_NUMBER = '001099012345';

/** A release notice about the invented person, as the commune police record it. */
export function notice(subject: string | undefined = PERSON_ID): NewEvent {
  return {
    type: 'ReleaseNoticeReceived',
    data: {
      caseId: '0192f5c4-0000-7000-8000-000000000001',
      person: { personId: PERSON_ID, fullName: NAME, birthDate: '1990-01-01', idNumber: ID_NUMBER },
      source: 'AMNESTY',
      communeCode: 'xa-an-khanh',
      releaseDate: '2025-09-01',
      receivedOn: '2025-08-29',
      verifyBy: '2025-09-04',
      notice: { number: '215/TB-TG', date: '2025-08-29' },
    },
    metadata: { actor: 'u-1', role: 'commune-police', unit: 'xa-an-khanh', ...(subject ? { subject } : {}) },
  };
}

/** A sealer over an in-memory key store with a fresh master key. */
export function testSealer(store: KeyStore = getInMemoryKeyStore()) {
  const keys = createDataKeys(store, localMasterKeys([{ id: 'k1', key: randomBytes(32) }]));
  return { keys, sealer: createSealer(keys), store };
}

/** An in-memory event store that seals as the real one does, with a fresh master key: for tests. */
export function sealedInMemoryStore() {
  const { keys, sealer } = testSealer();
  return { keys, sealer, store: getSealingEventStore(getInMemoryEventStore(), sealer) };
}
