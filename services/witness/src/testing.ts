import { createPublicKey, type KeyObject } from 'node:crypto';
import { pino } from 'pino';
import { COSIGNATURE_ED25519, formatVerifierKey, parseVerifierKey, privateKeyFromSeed } from '@dacxa/audit';
import { buildWitnessApp } from './app.js';
import { openWitnessStore } from './witnessStore.js';

/** A witness the tests and benchmarks run: its key name, seed byte and, optionally, its SQLite file. */
export interface TestWitnessSpec {
  name: string;
  seed: number;
  dbFile?: string;
}

/**
 * Witnesses of one log over real HTTP on 127.0.0.1, each with its key (from a fixed seed byte)
 * and its own store (in memory unless a file is named): for tests and benchmarks, never a fake.
 */
export interface TestWitness {
  name: string;
  key: KeyObject;
  vkey: string;
  url: string;
  close(): Promise<void>;
}

export async function startTestWitnesses(origin: string, logVkey: string, specs: readonly TestWitnessSpec[]) {
  const started: TestWitness[] = [];
  for (const spec of specs) {
    const key = privateKeyFromSeed(Buffer.alloc(32, spec.seed));
    const vkey = formatVerifierKey(spec.name, createPublicKey(key), COSIGNATURE_ED25519);
    const store = openWitnessStore(spec.dbFile ?? ':memory:');
    const app = buildWitnessApp({
      store,
      logs: new Map([[origin, [parseVerifierKey(logVkey)]]]),
      name: spec.name,
      key,
      now: () => new Date(),
      logger: pino({ level: 'silent' }),
      verifierKey: vkey,
    });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    started.push({
      name: spec.name,
      key,
      vkey,
      url,
      close: async () => void (await app.close(), store.close()),
    });
  }
  return {
    witnesses: started,
    close: () => Promise.all(started.map((w) => w.close())),
  };
}
