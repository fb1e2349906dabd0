import { Command } from 'commander';
import { runDemo } from './demo.js';
import { runVerifyStore } from './verifyStore.js';

const DEFAULT_FILE = 'data/dacxa.sqlite';
const print = (line: string): void => void process.stdout.write(`${line}\n`);

const program = new Command('dacxa').description('dacxa — đặc xá và tái hòa nhập cộng đồng');

program
  .command('demo')
  .description('ghi một hồ sơ minh họa vào kho nhúng, đọc lại và kiểm tra chuỗi băm')
  .option('-f, --file <path>', 'tệp SQLite', DEFAULT_FILE)
  .action(async ({ file }: { file: string }) => {
    process.exitCode = (await runDemo(file, print)) ? 0 : 1;
  });

program
  .command('verify-store')
  .description('tính lại mọi mã băm trong tệp kho sự kiện và báo liên kết hỏng đầu tiên')
  .option('-f, --file <path>', 'tệp SQLite', DEFAULT_FILE)
  .action(async ({ file }: { file: string }) => {
    process.exitCode = (await runVerifyStore(file, print)) ? 0 : 1;
  });

await program.parseAsync();
