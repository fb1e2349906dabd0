import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openTreeFile } from './treeFile.js';

const root = mkdtempSync(join(tmpdir(), 'dacxa-treefile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let files = 0;
const path = () => join(root, `tree-${files++}.sqlite`);
const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);

describe('the ledger’s tree file', () => {
  it('reads as empty until saved, then gives back the chunks and size of every save, the later over the earlier', () => {
    const file = path();
    const tree = openTreeFile(file);
    expect(tree.load()).toBeNull();
    tree.save({
      size: 3,
      nodes: [{ level: 0, index: 0, bytes: bytes(96, 1) }],
      positions: [{ level: 0, index: 0, bytes: bytes(24, 2) }],
    });
    tree.save({
      size: 4,
      nodes: [
        { level: 0, index: 0, bytes: bytes(128, 3) },
        { level: 2, index: 0, bytes: bytes(32, 4) },
      ],
      positions: [],
    });
    tree.close();
    const again = openTreeFile(file);
    const stored = again.load();
    expect(stored?.size).toBe(4);
    expect(stored?.nodes.map((c) => [c.level, c.index, c.bytes.length])).toEqual([
      [0, 0, 128],
      [2, 0, 32],
    ]);
    expect(Buffer.from(stored?.positions[0]?.bytes ?? [])).toEqual(Buffer.from(bytes(24, 2)));
    again.clear();
    expect(again.load()).toBeNull();
    again.close();
  });

  it('reads a file of another format version as empty, so it is rebuilt', () => {
    const file = path();
    const tree = openTreeFile(file);
    tree.save({ size: 1, nodes: [{ level: 0, index: 0, bytes: bytes(32, 1) }], positions: [] });
    tree.close();
    const db = new Database(file);
    db.prepare("UPDATE meta SET value = 99 WHERE key = 'format'").run();
    db.close();
    const again = openTreeFile(file);
    expect(again.load()).toBeNull();
    again.close();
  });

  it('refuses a SQLite file of another application and a file that is not SQLite', () => {
    const other = path();
    const db = new Database(other);
    db.pragma('application_id = 7');
    db.close();
    expect(() => openTreeFile(other)).toThrow(/another application/);
    const junk = path();
    writeFileSync(junk, 'không phải SQLite '.repeat(100));
    expect(() => openTreeFile(junk)).toThrow();
  });
});
