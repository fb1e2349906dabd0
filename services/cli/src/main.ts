import { Command } from 'commander';
import { loadConfig } from './config.js';
import { runDemo } from './demo.js';
import { createLogger } from './logger.js';
import { runVerifyStore } from './verifyStore.js';

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

try {
  await program.parseAsync();
} catch (error) {
  // A person reads this: the Vietnamese message with its code, never a stack trace.
  const code = (error as { code?: string }).code ?? 'ERR_UNEXPECTED';
  print(`Lỗi [${code}]: ${error instanceof Error ? error.message : String(error)}`);
  logger.error({ code }, 'command failed');
  process.exitCode = 2;
}
