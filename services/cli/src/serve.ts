import type { Logger } from 'pino';
import { buildApp, issueDevToken } from '@dacxa/api';
import type { Role } from '@dacxa/domain';
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
  const secret = tokenSecret(config);
  const app = buildApp({ store: stores.store, sealer: stores.sealer, tokenKey: secret, logger });
  const url = await app.listen({ host: config.HOST, port: config.PORT });
  out(`dacxa đang chạy tại ${url}`);
  out(`Tài liệu API: ${url}/docs (OpenAPI 3.1: ${url}/docs/openapi.json)`);
  out('Mã thử nghiệm (8 giờ) — gửi kèm tiêu đề "Authorization: Bearer <mã>":');
  for (const caller of DEV_CALLERS) {
    out(
      `  ${caller.role} (${caller.unit}): ${await issueDevToken(secret, { actor: `dev-${caller.role}`, ...caller })}`,
    );
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  out('Đang dừng: chờ các yêu cầu đang xử lý, rồi đóng tệp dữ liệu…');
  await app.close();
  await stores.close();
  out('Đã dừng.');
}
