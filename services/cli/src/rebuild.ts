import type { Logger } from 'pino';
import { ALL_PROJECTIONS, createProjectionEngine } from '@dacxa/read-models';
import { openStores, type Config } from '@dacxa/runtime';

/**
 * Rebuilds one view from the whole log into a new generation, then swaps it in and drops the old
 * one. Run it with the service (or the projector) stopped: a running one keeps reading the old
 * generation.
 */
export async function runRebuild(
  config: Config,
  logger: Logger,
  view: string,
  out: (line: string) => void,
): Promise<boolean> {
  const projection = ALL_PROJECTIONS.find((p) => p.name === view);
  if (!projection) {
    out(`Không có bảng "${view}". Các bảng: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`);
    return false;
  }
  const stores = await openStores(config, logger);
  try {
    const head = (await stores.store.headPosition()) ?? 0n;
    const state = await stores.documents.readState(view);
    if (state) await stores.documents.writeState({ ...state, status: 'rebuilding' });
    out(`Đang dựng lại bảng ${view} từ ${head} sự kiện…`);
    const started = Date.now();
    const engine = createProjectionEngine({
      events: stores.store,
      documents: stores.documents,
      projections: [projection],
      logger,
    });
    engine.start();
    const progress = setInterval(() => {
      out(`  … ${((Date.now() - started) / 1000).toFixed(0)} giây`);
    }, 5_000);
    try {
      await engine.waitFor(head, 24 * 3600_000, view);
    } finally {
      clearInterval(progress);
      await engine.stop();
    }
    const [health] = await engine.health();
    out(
      `Đã dựng lại bảng ${view} (thế hệ ${engine.collection(view, projection.collections[0]?.name ?? '').split('__g')[1]}) đến vị trí ${health?.position} trong ${((Date.now() - started) / 1000).toFixed(1)} giây.`,
    );
    return health?.status === 'running';
  } finally {
    await stores.close();
  }
}
