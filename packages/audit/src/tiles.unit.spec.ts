import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MerkleTree, leafHash } from './merkle.js';
import { tileIndexPath, tilePath, tilesOf } from './tiles.js';

const eventHash = (i: number) => createHash('sha256').update(`event ${i}`).digest();

describe('tlog tiles (c2sp.org/tlog-tiles)', () => {
  it('name tiles as the spec does', () => {
    expect(tileIndexPath(1234067)).toBe('x001/x234/067');
    expect(tileIndexPath(5)).toBe('005');
    expect(tilePath(0, 273, 112)).toBe('tile/0/273.p/112');
    expect(tilePath('entries', 0)).toBe('tile/entries/000');
  });

  it('lay a tree of 70,000 leaves out as the spec’s own example', () => {
    const files = [...tilesOf(70_000, (i) => leafHash(eventHash(i)), eventHash)].map((f) => f.path);
    expect(files.filter((p) => p.startsWith('tile/0/'))).toHaveLength(274);
    expect(files).toContain('tile/0/273.p/112');
    expect(files).toContain('tile/1/000');
    expect(files).toContain('tile/1/001.p/17');
    expect(files).toContain('tile/2/000.p/1');
  });

  it('hold hashes a mirror can rebuild the tree from: a level-1 hash is the root of its 256 leaves', () => {
    const size = 600;
    const tree = new MerkleTree();
    for (let i = 0; i < size; i++) tree.append(leafHash(eventHash(i)));
    const tiles = new Map([...tilesOf(size, (i) => tree.leaf(i), eventHash)].map((f) => [f.path, f.bytes]));
    expect(tiles.get('tile/1/000.p/2')?.subarray(0, 32)).toEqual(tree.root(256));
    const leaves = Buffer.concat(
      [tiles.get('tile/0/000'), tiles.get('tile/0/001'), tiles.get('tile/0/002.p/88')].map(
        (b) => b ?? Buffer.alloc(0),
      ),
    );
    const rebuilt = new MerkleTree();
    for (let i = 0; i < size; i++) rebuilt.append(leaves.subarray(i * 32, i * 32 + 32));
    expect(rebuilt.root()).toEqual(tree.root());
    expect(tiles.get('tile/entries/000')?.readUInt16BE(0)).toBe(32);
  });
});
