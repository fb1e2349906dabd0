import type { Logger } from 'pino';
import { buildApp, issueDevToken } from '@dacxa/api';
import { createRemoteJWKSet } from 'jose';
import type { Role } from '@dacxa/domain';
import { caseFilesProjection, createProjectionEngine } from '@dacxa/read-models';
import { getSqliteDocumentStore } from '@dacxa/read-models-sqlite';
import { join } from 'node:path';
import type { CliConfig } from './config.js';
import { openStores } from './openStores.js';
import { tokenSecret } from './tokenSecret.js';

/** The roles a newcomer tries first, with units in the demo commune. */
const DEV_CALLERS: Array<{ role: Role; unit: string }> = [
  { role: 'commune-police', unit: 'xa-an-khanh/commune-police' },
  { role: 'commune-chair', unit: 'xa-an-khanh' },
  { role: 'village-head', unit: 'xa-an-khanh/thon-3' },
  { role: 'procuracy', unit: 'xa-an-khanh' },
];

/**
 * Serves the API on the embedded default until SIGINT or SIGTERM, then stops taking requests,
 * lets those in flight finish and closes the files.
 */
export async function runServe(
  config: CliConfig,
  logger: Logger,
  out: (line: string) => void,
): Promise<void> {
  const stores = await openStores(config, logger);
  const secret = config.DACXA_JWKS_URL ? null : tokenSecret(config);
  const documents = getSqliteDocumentStore({ path: join(config.DACXA_DATA_DIR, 'views.sqlite') });
  const engine = createProjectionEngine({
    events: stores.store,
    documents,
    projections: [caseFilesProjection],
    logger,
  });
  engine.start();
  const app = buildApp({
    store: stores.store,
    sealer: stores.sealer,
    tokenKey: secret ?? createRemoteJWKSet(new URL(config.DACXA_JWKS_URL ?? '')),
    logger,
    views: { engine, documents, keys: stores.keys },
  });
  const url = await app.listen({ host: config.HOST, port: config.PORT });
  out(`dacxa đang chạy tại ${url}`);
  out(`Tài liệu API: ${url}/docs (OpenAPI 3.1: ${url}/docs/openapi.json)`);
  if (secret) {
    out('Mã thử nghiệm (8 giờ) — gửi kèm tiêu đề "Authorization: Bearer <mã>":');
    for (const caller of DEV_CALLERS) {
      out(
        `  ${caller.role} (${caller.unit}): ${await issueDevToken(secret, { actor: `dev-${caller.role}`, ...caller })}`,
      );
    }
  } else out(`Xác thực qua nhà cung cấp định danh: ${config.DACXA_JWKS_URL ?? ''}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  out('Đang dừng: chờ các yêu cầu đang xử lý, rồi đóng tệp dữ liệu…');
  await app.close();
  await engine.stop();
  await documents.close();
  await stores.close();
  out('Đã dừng.');
}
