import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { issueDevToken } from '@dacxa/api';
import { Role } from '@dacxa/domain';
import { loadConfig, openStores, tokenSecret, type Config } from '@dacxa/runtime';
import { createLogger } from './logger.js';
import { runExport, runProof, runVerify, type ProofRequest } from './audit.js';
import { runRebuild } from './rebuild.js';
import { runServe, seedIfEmpty } from './serve.js';
import { publicKeyOf, runVerifyStore } from './verifyStore.js';
import { runWitness } from '@dacxa/witness';
import { runBackup } from './backup.js';
import { runRestore } from './restore.js';
import { runMigrate, type MigrateOptions } from './migrate.js';
import { runTiles } from './tiles.js';
import { reportingErrors, runErase, type EraseOptions } from './erase.js';
import { runRotateMasterKey } from './rotateMasterKey.js';
import { runSubjectAccess, type SubjectAccessOptions } from './subjectAccess.js';
import { listReports, runReport, type ReportOptions } from './report.js';

const print = (line: string): void => void process.stdout.write(`${line}\n`);

/** A person reads this, on stderr: the Vietnamese message with its code, never a stack trace. */
function fail(error: unknown): void {
  const code = (error as { code?: string }).code ?? 'ERR_UNEXPECTED';
  process.stderr.write(`Lỗi [${code}]: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}

const VERSION = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  fail(error);
  process.exit();
}
const logger = createLogger(config.LOG_LEVEL);
const program = new Command('dacxa')
  .description('dacxa — đặc xá và tái hòa nhập cộng đồng')
  .version(VERSION, '-V, --version', 'in số phiên bản');

program
  .command('serve')
  .description(
    'chạy API (và bảng trực tiếp /ws); kho trống thì tạo dữ liệu minh họa trước; in mã thử nghiệm cho từng vai trò; Ctrl-C để dừng',
  )
  .option(
    '--read-only',
    'chỉ đọc để điều tra: từ chối mọi lệnh (503), không ký, chạy cả khi kho không qua kiểm tra',
  )
  .action(async ({ readOnly }: { readOnly?: boolean }) => {
    await runServe(config, logger, print, { readOnly: readOnly === true });
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
  .description(
    'kiểm tra toàn bộ tệp kho: mã băm, vị trí 1…n, cây Merkle và mọi gốc cây đã ký cùng chữ ký; báo lỗi đầu tiên',
  )
  .option('-f, --file <path>', 'tệp SQLite', `${config.DACXA_DATA_DIR}/dacxa.sqlite`)
  .option('--public-key <pem>', 'khóa công khai kiểm toán (PEM); mặc định: khóa đã cấu hình')
  .action(async ({ file, publicKey }: { file: string; publicKey?: string }) => {
    const publicKeyPem = publicKeyOf(config, publicKey);
    process.exitCode = (await runVerifyStore(file, { publicKeyPem, out: print })) ? 0 : 1;
  });

const list = (value: string, previous: string[] = []) => [...previous, value];

program
  .command('export')
  .description('xuất gói kiểm toán (NDJSON, CSV, bằng chứng, gốc cây đã ký, bản kê) để kiểm tra độc lập')
  .requiredOption('-o, --out <folder>', 'thư mục của gói')
  .option('--unit <unit>', 'chỉ sự kiện của đơn vị này và đơn vị trực thuộc')
  .option('--from <yyyy-mm-dd>', 'từ ngày')
  .option('--to <yyyy-mm-dd>', 'đến ngày')
  .option('--period-of <field>', 'lọc theo occurredAt (mặc định) hoặc recordedAt')
  .option('--stream <name>', 'một luồng (lặp lại được)', list)
  .option('--case <id>', 'chỉ hồ sơ này (công bố một hồ sơ)', list)
  .option('--category <name>', 'nhóm luồng, ví dụ case, dossier (lặp lại được)', list)
  .option('--type <type>', 'loại sự kiện (lặp lại được)', list)
  .action(async (o: Record<string, string | string[] | undefined>) => {
    const streams = [
      ...((o.stream as string[] | undefined) ?? []),
      ...((o.case as string[] | undefined) ?? []).map((id) => `case-${id}`),
    ];
    const filter = {
      ...(o.from ? { from: o.from as string } : {}),
      ...(o.to ? { to: o.to as string } : {}),
      ...(o.periodOf === 'recordedAt' ? { periodOf: 'recordedAt' as const } : {}),
      ...(streams.length ? { streams } : {}),
      ...(o.category ? { categories: o.category as string[] } : {}),
      ...(o.type ? { types: o.type as string[] } : {}),
    };
    await runExport(
      config,
      logger,
      o.out as string,
      { ...(o.unit ? { unit: o.unit as string } : {}), filter },
      print,
    );
  });

program
  .command('verify')
  .description('kiểm tra một gói kiểm toán, ngoại tuyến, không cần cơ sở dữ liệu; báo lỗi đầu tiên và vị trí')
  .argument('<bundle>', 'thư mục của gói')
  .option('--public-key <file>', 'khóa công khai tin cậy (PEM), lấy từ /audit/public-key')
  .option(
    '--policy <file>',
    'chính sách nhân chứng (c2sp.org/tlog-policy): khóa nhật ký và khóa nhân chứng, nhận trực tiếp',
  )
  .action(async (bundle: string, o: { publicKey?: string; policy?: string }) => {
    process.exitCode = (await runVerify(bundle, o.publicKey, print, o.policy)) ? 0 : 1;
  });

program
  .command('proof')
  .description(
    'bằng chứng bao hàm (--position) hoặc nhất quán từ gốc cây kiểm toán viên đã lưu (--from <tệp>) trên nhật ký cục bộ',
  )
  .option('--position <n>', 'vị trí của sự kiện')
  .option('--from <file>', 'tệp gốc cây đã lưu lần trước (tree-head.json của gói, hoặc tệp --save)')
  .option(
    '--to <size|file>',
    'gốc cây mới: kích thước của một gốc đã ký, hoặc tệp; mặc định gốc phủ nhật ký hiện tại',
  )
  .option('--public-key <file>', 'khóa công khai tin cậy (PEM); mặc định khóa của nhật ký này')
  .option('--save <file>', 'khi nhất quán, lưu gốc cây mới vào tệp này: điểm kiểm tra cho lần sau')
  .action(async (o: ProofRequest) => {
    process.exitCode = (await runProof(config, logger, o, print)) ? 0 : 1;
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
    const lifetime = /^(\d{1,5})(m|h)$/.exec(ttl);
    const seconds = lifetime ? Number(lifetime[1]) * (lifetime[2] === 'h' ? 3600 : 60) : NaN;
    if (!(seconds > 0 && seconds <= config.DACXA_TOKEN_MAX_HOURS * 3600))
      throw new Error(
        `Thời hạn không hợp lệ: ${ttl} (dạng 30m hoặc 8h, tối đa ${config.DACXA_TOKEN_MAX_HOURS}h theo DACXA_TOKEN_MAX_HOURS)`,
      );
    print(
      await issueDevToken(tokenSecret(config), { actor: `dev-${parsed.data}`, role: parsed.data, unit }, ttl),
    );
  });

program
  .command('tiles')
  .description(
    'ghi cây Merkle thành các ô tĩnh (c2sp.org/tlog-tiles) kèm điểm kiểm tra, để cơ quan giám sát sao gương',
  )
  .requiredOption('-o, --out <dir>', 'thư mục đích')
  .action(async ({ out }: { out: string }) => {
    await runTiles(config, logger, out, print);
  });

program
  .command('backup')
  .description('sao lưu dữ liệu bằng sao lưu trực tuyến của SQLite (an toàn khi đang chạy); không chép khóa')
  .requiredOption('-o, --out <dir>', 'thư mục sao lưu mới, ngoài thư mục dữ liệu')
  .action(async ({ out }: { out: string }) => {
    await runBackup(config, out, print);
  });

program
  .command('restore')
  .description(
    'khôi phục một bản sao lưu vào thư mục dữ liệu trống (sao lưu trực tuyến của SQLite), rồi kiểm tra nhanh',
  )
  .requiredOption('--from <dir>', 'thư mục của bản sao lưu (dacxa backup --out)')
  .action(async ({ from }: { from: string }) => {
    await runRestore(config, from, print);
  });

program
  .command('migrate')
  .description(
    'chuyển toàn bộ nhật ký sang kho khác theo đúng thứ tự, giữ nguyên mã băm (mọi điểm kiểm tra và bằng chứng vẫn hợp lệ); chạy lại để tiếp tục; dừng dịch vụ trước',
  )
  .addOption(new Option('--from <store>', 'kho nguồn').choices(['sqlite', 'esdb']).default('sqlite'))
  .addOption(new Option('--to <store>', 'kho đích').choices(['sqlite', 'esdb']).makeOptionMandatory())
  .option('--from-file <path>', 'tệp SQLite nguồn (mặc định: tệp của thư mục dữ liệu)')
  .option('--to-file <path>', 'tệp SQLite đích')
  .option('--from-url <url>', 'chuỗi kết nối EventStoreDB nguồn (esdb:// hoặc kurrentdb://)')
  .option('--to-url <url>', 'chuỗi kết nối EventStoreDB đích (esdb:// hoặc kurrentdb://)')
  .action(async (o: MigrateOptions) => {
    const stop = new AbortController();
    // Ctrl-C stops between two appends; the next run resumes where this one stopped.
    process.once('SIGINT', () => stop.abort());
    const result = await runMigrate(config, o, print, stop.signal);
    if (result.interrupted) process.exitCode = 130;
  });

program
  .command('erase')
  .description('xóa dữ liệu cá nhân hai người: phê duyệt đề nghị (--request) hoặc ghi đề nghị (--propose)')
  .requiredOption('--person <id>', 'mã người')
  .option('--request <id>', 'đề nghị xóa cần phê duyệt (người phê duyệt khác người đề nghị)')
  .option('--propose', 'ghi một đề nghị xóa mới')
  .option('--reason <reason>', 'SUBJECT_REQUEST, LAWFUL_ORDER hoặc RETENTION_ENDED')
  .option('--basis <source:article>', 'căn cứ pháp lý, ví dụ LBVDLCN:16')
  .option('--document <number>', 'số, ký hiệu văn bản làm căn cứ')
  .option('--document-date <yyyy-mm-dd>', 'ngày của văn bản')
  .option('--actor <name>', 'người thực hiện, như nhật ký ghi (mặc định: người dùng hệ điều hành)')
  .action((o: EraseOptions) => reportingErrors(() => runErase(config, logger, o, print)));

program
  .command('subject-access')
  .description('cung cấp mọi dữ liệu về một người cho chủ thể dữ liệu (JSON hoặc văn bản), có ghi nhật ký')
  .requiredOption('--person <id>', 'mã người')
  .requiredOption('--request <number>', 'số, ký hiệu yêu cầu của chủ thể dữ liệu')
  .option('--request-date <yyyy-mm-dd>', 'ngày của yêu cầu (mặc định hôm nay)')
  .option('--format <format>', 'json hoặc text', 'json')
  .requiredOption('-o, --out <file>', 'tệp kết quả (không ghi đè)')
  .option('--actor <name>', 'người thực hiện (mặc định: người dùng hệ điều hành)')
  .action((o: SubjectAccessOptions) => reportingErrors(() => runSubjectAccess(config, logger, o, print)));

program
  .command('report')
  .description(
    'báo cáo chính thức (.docx theo thể thức NĐ 30/2020, .xlsx bảng số liệu) tính tại một vị trí nhật ký; `report list` liệt kê',
  )
  .argument('<id>', 'loại báo cáo, hoặc list')
  .option('--unit <unit>', 'đơn vị (mặc định: đơn vị rộng nhất trong kho)')
  .option('--period <period>', '2025-Q3, 2025-H1 hoặc 2025 (mặc định: quý gần nhất đã kết thúc)')
  .option('--at <position>', 'vị trí nhật ký (mặc định: đầu nhật ký); cùng vị trí cho cùng số liệu')
  .option('--format <format>', 'docx, xlsx hoặc json', 'docx')
  .option('-o, --out <file>', 'tệp kết quả')
  .option('--deputy', 'cấp phó ký thay (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)')
  .option('--signer <name>', 'họ tên người ký')
  .option('--actor <name>', 'người thực hiện (mặc định: người dùng hệ điều hành)')
  .action((id: string, o: ReportOptions) =>
    reportingErrors(async () =>
      id === 'list' ? listReports(print) : runReport(config, logger, id, o, print),
    ),
  );

program
  .command('rotate-master-key')
  .description(
    'bọc lại mọi khóa dữ liệu bằng khóa chủ mới, có tiến độ và ghi nhật ký; chạy lại để hoàn tất nếu bị gián đoạn',
  )
  .requiredOption('--new-key-file <file>', 'tệp chứa khóa chủ mới (id:base64 hoặc base64 32 byte)')
  .action(({ newKeyFile }: { newKeyFile: string }) =>
    reportingErrors(() => runRotateMasterKey(config, logger, newKeyFile, print)),
  );

program
  .command('witness')
  .description(
    'chạy nhân chứng nhật ký (c2sp.org/tlog-witness) cho cơ quan giám sát, trên máy của mình, với khóa của mình; Ctrl-C để dừng',
  )
  .requiredOption('--name <name>', 'tên khóa của nhân chứng, ví dụ vks-ha-noi.example/witness')
  .requiredOption(
    '--log <vkey...>',
    'khóa xác minh (vkey) của nhật ký được chứng kiến; lấy từ GET /audit/public-key',
  )
  .option('--key <file>', 'tệp khóa Ed25519 của nhân chứng (tạo mới nếu chưa có, quyền 0600)', 'witness.key')
  .option('--db <file>', 'tệp SQLite lưu điểm kiểm tra đã ký', 'witness.sqlite')
  .option('--host <host>', 'địa chỉ nghe', '127.0.0.1')
  .option('--port <port>', 'cổng', '3100')
  .action(
    async (options: { name: string; log: string[]; key: string; db: string; host: string; port: string }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`Cổng không hợp lệ: ${options.port}`);
      const witness = await runWitness(
        {
          name: options.name,
          keyFile: options.key,
          dbFile: options.db,
          logs: options.log,
          host: options.host,
          port,
        },
        logger,
      );
      print(`Nhân chứng đang chạy tại ${witness.url}`);
      print(`Khóa xác minh của nhân chứng (gửi cho đơn vị vận hành nhật ký): ${witness.verifierKey}`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await witness.stop();
      print('Đã dừng.');
    },
  );

try {
  await program.parseAsync();
} catch (error) {
  fail(error);
  logger.error({ code: (error as { code?: string }).code ?? 'ERR_UNEXPECTED' }, 'command failed');
}
