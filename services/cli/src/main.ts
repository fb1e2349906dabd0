import { Command } from 'commander';
import { issueDevToken } from '@dacxa/api';
import { Role } from '@dacxa/domain';
import { loadConfig, openStores, tokenSecret, type Config } from '@dacxa/runtime';
import { createLogger } from './logger.js';
import { runRebuild } from './rebuild.js';
import { runServe, seedIfEmpty } from './serve.js';
import { runVerifyStore } from './verifyStore.js';

const print = (line: string): void => void process.stdout.write(`${line}\n`);

/** A person reads this: the Vietnamese message with its code, never a stack trace. */
function fail(error: unknown): void {
  const code = (error as { code?: string }).code ?? 'ERR_UNEXPECTED';
  print(`Lỗi [${code}]: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}

let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  fail(error);
  process.exit();
}
const logger = createLogger(config.LOG_LEVEL);
const program = new Command('dacxa').description('dacxa — đặc xá và tái hòa nhập cộng đồng');

program
  .command('serve')
  .description(
    'chạy API (và bảng trực tiếp /ws); kho trống thì tạo dữ liệu minh họa trước; in mã thử nghiệm cho từng vai trò; Ctrl-C để dừng',
  )
  .action(async () => {
    await runServe(config, logger, print);
  });

program
  .command('seed')
  .description(
    'ghi dữ liệu minh họa (đợt đặc xá 2024 của tỉnh, kế hoạch 13/KH-UBND xã An Khánh) vào kho trống',
  )
  .action(async () => {
    const stores = await openStores(config, logger);
    try {
      if (!(await seedIfEmpty(stores, print))) {
        print('Kho đã có dữ liệu: không ghi thêm dữ liệu minh họa.');
        process.exitCode = 1;
      }
    } finally {
      await stores.close();
    }
  });

program
  .command('rebuild')
  .description('dựng lại một bảng theo dõi từ toàn bộ nhật ký (dừng dịch vụ trước khi chạy)')
  .argument('<view>', 'tên bảng: case-files, tasks, reports, oversight, dossiers, loan-books')
  .action(async (view: string) => {
    process.exitCode = (await runRebuild(config, logger, view, print)) ? 0 : 1;
  });

program
  .command('verify-store')
  .description('tính lại mọi mã băm trong tệp kho sự kiện và báo liên kết hỏng đầu tiên')
  .option('-f, --file <path>', 'tệp SQLite', `${config.DACXA_DATA_DIR}/dacxa.sqlite`)
  .action(async ({ file }: { file: string }) => {
    process.exitCode = (await runVerifyStore(file, print)) ? 0 : 1;
  });

program
  .command('token')
  .description('cấp mã thử nghiệm (JWT HS256) cho một vai trò và đơn vị')
  .requiredOption('-r, --role <role>', `vai trò: ${Role.options.filter((r) => r !== 'system').join(', ')}`)
  .requiredOption('-u, --unit <unit>', 'đơn vị, ví dụ xa-an-khanh/cong-an')
  .option('--ttl <duration>', 'thời hạn, ví dụ 8h, 30m', '8h')
  .action(async ({ role, unit, ttl }: { role: string; unit: string; ttl: string }) => {
    if (config.DACXA_JWKS_URL)
      throw new Error('Đã cấu hình DACXA_JWKS_URL: mã do nhà cung cấp định danh cấp');
    const parsed = Role.exclude(['system']).safeParse(role);
    if (!parsed.success) throw new Error(`Vai trò không hợp lệ: ${role}`);
    print(
      await issueDevToken(tokenSecret(config), { actor: `dev-${parsed.data}`, role: parsed.data, unit }, ttl),
    );
  });

try {
  await program.parseAsync();
} catch (error) {
  fail(error);
  logger.error({ code: (error as { code?: string }).code ?? 'ERR_UNEXPECTED' }, 'command failed');
}
