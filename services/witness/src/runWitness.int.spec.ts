import { createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MerkleTree,
  checkpointText,
  formatVerifierKey,
  leafHash,
  openNote,
  parseVerifierKey,
  privateKeyFromSeed,
  requestCosignature,
  signatureLine,
} from '@dacxa/audit';
import { runWitness } from './runWitness.js';

const dir = mkdtempSync(join(tmpdir(), 'dacxa-witness-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runWitness, as `dacxa witness` starts it', () => {
  it('creates its key 0600, listens, cosigns the configured log and keeps what it cosigned across a restart', async () => {
    const logKey = privateKeyFromSeed(Buffer.alloc(32, 5));
    const logVkey = formatVerifierKey('dacxa.test/log', createPublicKey(logKey));
    const options = {
      name: 'vks.test/witness',
      keyFile: join(dir, 'witness.key'),
      dbFile: join(dir, 'witness.sqlite'),
      logs: [logVkey],
      host: '127.0.0.1',
      port: 0,
    };
    const tree = new MerkleTree();
    for (const leaf of ['a', 'b', 'c']) tree.append(leafHash(Buffer.from(leaf)));
    const text = checkpointText({ origin: 'dacxa.test/log', size: 3, rootHash: tree.root() });
    const note = `${text}\n${signatureLine(text, 'dacxa.test/log', logKey)}`;

    const first = await runWitness(options, pino({ level: 'silent' }));
    expect(statSync(options.keyFile).mode & 0o777).toBe(0o600);
    const { lines } = await requestCosignature(first.url, note, 3, (old) => tree.consistencyProof(old));
    expect(openNote(note + lines, [parseVerifierKey(first.verifierKey)]).signedBy).toEqual([
      'vks.test/witness',
    ]);
    await first.stop();

    const again = await runWitness(options, pino({ level: 'silent' }));
    expect(again.verifierKey).toBe(first.verifierKey);
    // It still holds size 3: a request from 0 is told so, and the client goes on from there.
    const resent = await requestCosignature(again.url, note, 3, (old) => tree.consistencyProof(old));
    expect(resent.oldSize).toBe(3);
    await again.stop();
  });
});
