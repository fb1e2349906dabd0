import { nodeHash } from './merkle.js';

/** A tile is 256 hashes wide (c2sp.org/tlog-tiles); the rightmost ones at each level may be partial. */
export const TILE_WIDTH = 256;

/** `x001/x234/067` for 1234067: zero-padded 3-digit path elements, all but the last prefixed `x`. */
export function tileIndexPath(index: number): string {
  const parts: string[] = [];
  let rest = index;
  do {
    parts.unshift(String(rest % 1000).padStart(3, '0'));
    rest = Math.floor(rest / 1000);
  } while (rest > 0);
  return parts.map((p, i) => (i < parts.length - 1 ? `x${p}` : p)).join('/');
}

/** `tile/<L>/<N>[.p/<W>]`, or `tile/entries/<N>[.p/<W>]` for the entry bundles. */
export function tilePath(level: number | 'entries', index: number, width = TILE_WIDTH): string {
  return `tile/${level}/${tileIndexPath(index)}${width < TILE_WIDTH ? `.p/${width}` : ''}`;
}

/** The Merkle tree hash of a full tile's 256 hashes: the root of a perfect subtree of height 8. */
function perfectRoot(hashes: readonly Buffer[]): Buffer {
  let layer = [...hashes];
  while (layer.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < layer.length; i += 2) next.push(nodeHash(layer[i] as Buffer, layer[i + 1] as Buffer));
    layer = next;
  }
  return layer[0] as Buffer;
}

/** One file of a tiled log: its path under the prefix and its bytes. */
export interface TileFile {
  path: string;
  bytes: Buffer;
}

/**
 * The tiles of a tree of `size` leaves, level by level, and the entry bundles (each entry the
 * 32-byte event hash the leaf hashes, length-prefixed as a big-endian uint16). Only full tiles are
 * hashed into the level above; partial ones are written as `.p/<W>` for this size.
 */
export function* tilesOf(
  size: number,
  leafHashAt: (index: number) => Buffer,
  eventHashAt: (index: number) => Buffer,
): Generator<TileFile> {
  let below: Buffer[] = [];
  for (let n = 0; n * TILE_WIDTH < size; n++) {
    const width = Math.min(TILE_WIDTH, size - n * TILE_WIDTH);
    const hashes = Array.from({ length: width }, (_, i) => leafHashAt(n * TILE_WIDTH + i));
    yield { path: tilePath(0, n, width), bytes: Buffer.concat(hashes) };
    const entries = Array.from({ length: width }, (_, i) => {
      const hash = eventHashAt(n * TILE_WIDTH + i);
      const prefix = Buffer.alloc(2);
      prefix.writeUInt16BE(hash.length);
      return Buffer.concat([prefix, hash]);
    });
    yield { path: tilePath('entries', n, width), bytes: Buffer.concat(entries) };
    if (width === TILE_WIDTH) below.push(perfectRoot(hashes));
  }
  for (let level = 1; below.length > 0; level++) {
    const above: Buffer[] = [];
    for (let n = 0; n * TILE_WIDTH < below.length; n++) {
      const hashes = below.slice(n * TILE_WIDTH, (n + 1) * TILE_WIDTH);
      yield { path: tilePath(level, n, hashes.length), bytes: Buffer.concat(hashes) };
      if (hashes.length === TILE_WIDTH) above.push(perfectRoot(hashes));
    }
    below = above;
  }
}
