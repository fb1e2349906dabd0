import { Command } from 'commander';
import { loadConfig } from './config.js';
import { runDemo } from './demo.js';
import { createLogger } from './logger.js';
import { runServe } from './serve.js';
import { runVerifyStore } from './verifyStore.js';
import { issueDevToken } from '@dacxa/api';
import { Role } from '@dacxa/domain';
import { tokenSecret } from './tokenSecret.js';

const print = (line: string): void => void process.stdout.write(`${line}\n`);
const config = loadConfig(process.env);
const logger = createLogger(config.LOG_LEVEL);

const program = new Command('dacxa').description('dacxa — đặc xá và tái hòa nhập cộng đồng');

program
  .command('demo')
  .description(
    'ghi một hồ sơ minh họa (dữ liệu cá nhân được niêm phong), xem theo vai trò và kiểm tra chuỗi băm',
  )
  .action(async () => {
    process.exitCode = (await runDemo(config, logger, print)) ? 0 : 1;
  });

program
  .command('verify-store')
  .description('tính lại mọi mã băm trong tệp kho sự kiện và báo liên kết hỏng đầu tiên')
  .option('-f, --file <path>', 'tệp SQLite', `${config.DACXA_DATA_DIR}/dacxa.sqlite`)
  .action(async ({ file }: { file: string }) => {
    process.exitCode = (await runVerifyStore(file, print)) ? 0 : 1;
  });

program
  .command('serve')
  .description('chạy API trên kho nhúng (SQLite) và in mã thử nghiệm cho từng vai trò; Ctrl-C để dừng')
  .action(async () => {
    await runServe(config, logger, print);
  });

program
  .command('token')
  .description('cấp mã thử nghiệm (JWT HS256) cho một vai trò và đơn vị')
  .requiredOption('-r, --role <role>', `vai trò: ${Role.options.filter((r) => r !== 'system').join(', ')}`)
  .requiredOption('-u, --unit <unit>', 'đơn vị, ví dụ xa-an-khanh/commune-police')
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
  // A person reads this: the Vietnamese message with its code, never a stack trace.
  const code = (error as { code?: string }).code ?? 'ERR_UNEXPECTED';
  print(`Lỗi [${code}]: ${error instanceof Error ? error.message : String(error)}`);
  logger.error({ code }, 'command failed');
  process.exitCode = 2;
}
