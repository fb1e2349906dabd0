import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import { leafHash, tilesOf } from '@dacxa/audit';
import type { Config } from '@dacxa/runtime';
import { withLedger } from './audit.js';

/**
 * Writes the ledger as a static tiled log (c2sp.org/tlog-tiles) into `out`: `checkpoint` (the
 * C2SP checkpoint of a head signed now), `tile/<L>/<N>` and `tile/entries/<N>` for that size, so an
 * oversight body can mirror the whole tree and serve it read-only with any static file server.
 */
export async function runTiles(
  config: Config,
  logger: Logger,
  out: string,
  print: (line: string) => void,
): Promise<void> {
  await withLedger(config, logger, print, async (stores, { ledger, signer }) => {
    const head = await ledger.headCovering();
    const hashes: Buffer[] = [];
    for await (const event of stores.store.readAll()) {
      if (hashes.length >= head.treeSize) break;
      hashes.push(Buffer.from(event.hash, 'hex'));
    }
    let files = 0;
    for (const tile of tilesOf(
      head.treeSize,
      (i) => leafHash(hashes[i] ?? Buffer.alloc(0)),
      (i) => hashes[i] ?? Buffer.alloc(0),
    )) {
      const path = join(out, tile.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, tile.bytes);
      if (++files % 1000 === 0) print(`  … ${files.toLocaleString('vi-VN')} tệp`);
    }
    writeFileSync(
      join(out, 'checkpoint'),
      signer.signCheckpoint(config.DACXA_LOG_ORIGIN, head.treeSize, head.rootHash),
    );
    print(
      `Đã ghi ${files.toLocaleString('vi-VN')} tệp ô cây cho ${head.treeSize.toLocaleString('vi-VN')} sự kiện vào ${out}`,
    );
    print(`Khóa xác minh: ${signer.verifierKey(config.DACXA_LOG_ORIGIN)}`);
  });
}
