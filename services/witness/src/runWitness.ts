import { createPublicKey } from 'node:crypto';
import type { Logger } from 'pino';
import { COSIGNATURE_ED25519, formatVerifierKey, parseVerifierKey, type NoteVerifier } from '@dacxa/audit';
import { buildWitnessApp } from './app.js';
import { loadWitnessKey } from './witnessKey.js';
import { openWitnessStore } from './witnessStore.js';

export interface WitnessOptions {
  /** The witness's key name, e.g. `vks-ha-noi.example/witness`. */
  name: string;
  keyFile: string;
  dbFile: string;
  /** The verifier keys (vkeys) of the logs it witnesses; each log's origin is its key name. */
  logs: readonly string[];
  host: string;
  port: number;
}

/** Starts the witness; resolves with its URL, its verifier key and a stop function. */
export async function runWitness(options: WitnessOptions, logger: Logger) {
  const key = loadWitnessKey(options.keyFile);
  const verifierKey = formatVerifierKey(options.name, createPublicKey(key), COSIGNATURE_ED25519);
  const logs = new Map<string, NoteVerifier[]>();
  for (const vkey of options.logs) {
    const verifier = parseVerifierKey(vkey);
    logs.set(verifier.name, [...(logs.get(verifier.name) ?? []), verifier]);
  }
  const store = openWitnessStore(options.dbFile);
  const app = buildWitnessApp({
    store,
    logs,
    name: options.name,
    key,
    now: () => new Date(),
    logger,
    verifierKey,
  });
  const url = await app.listen({ host: options.host, port: options.port });
  return {
    url,
    verifierKey,
    async stop() {
      await app.close();
      store.close();
    },
  };
}
