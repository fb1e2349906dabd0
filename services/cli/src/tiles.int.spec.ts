import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { MerkleTree, openNote, parseCheckpointText, parseVerifierKey } from '@dacxa/audit';
import { auditSigner, loadConfig, openStores } from '@dacxa/runtime';
import { runTiles } from './tiles.js';

const root = mkdtempSync(join(tmpdir(), 'dacxa-tiles-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('dacxa tiles', () => {
  it('writes a checkpoint and tiles from which a mirror rebuilds the same root', async () => {
    const config = loadConfig({ DACXA_DATA_DIR: join(root, 'data'), DACXA_LOG_ORIGIN: 'dacxa.test/log' });
    const stores = await openStores(config, pino({ level: 'silent' }));
    for (let i = 0; i < 300; i++)
      await stores.store.append(`probe-${i % 7}`, [
        { type: 'Probe', data: { i }, metadata: { actor: 'u', role: 'admin', unit: 'x' } },
      ]);
    await stores.close();
    const out = join(root, 'mirror');
    const lines: string[] = [];
    await runTiles(config, pino({ level: 'silent' }), out, (l) => lines.push(l));
    const vkey = auditSigner(config).verifierKey('dacxa.test/log');
    const { text } = openNote(readFileSync(join(out, 'checkpoint'), 'utf8'), [parseVerifierKey(vkey)]);
    const checkpoint = parseCheckpointText(text);
    expect(checkpoint.size).toBeGreaterThanOrEqual(300);
    // A mirror holding only the files: the leaf hashes of level 0 give back the checkpoint's root.
    const level0 = readdirSync(join(out, 'tile', '0'), { recursive: true })
      .map(String)
      .filter((f) => !f.endsWith('.p') && /\d{3}(\.p\/\d+)?$/.test(f))
      .sort()
      .map((f) => readFileSync(join(out, 'tile', '0', f)));
    const tree = new MerkleTree();
    for (const tile of level0)
      for (let i = 0; i < tile.length; i += 32) tree.append(tile.subarray(i, i + 32));
    expect(tree.size).toBe(checkpoint.size);
    expect(tree.root()).toEqual(Buffer.from(checkpoint.rootHash));
    expect(lines.at(-1)).toContain(vkey);
  });
});
