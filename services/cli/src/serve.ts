import type { Logger } from 'pino';
import { createRemoteJWKSet } from 'jose';
import { DEMO_UNITS, buildApp, issueDevToken, seedDemo } from '@dacxa/api';
import type { Role } from '@dacxa/domain';
import { systemCommands } from '@dacxa/commands';
import {
  auditServed,
  createCertificateFollower,
  createClock,
  createScheduler,
  openCosigner,
  openLedger,
  openStores,
  oidcClient,
  openViews,
  tokenSecret,
  vietnamDateTime,
  type CertificateFollower,
  type Config,
  type Scheduler,
  type Stores,
} from '@dacxa/runtime';
import { StoreCheckError, checkBeforeServing, holdLedger } from './startupCheck.js';

/** One development token per role, each for a unit where the demo gives that role work to see. */
export const DEV_CALLERS: Array<{ role: Role; unit: string; actor?: string }> = [
  { role: 'commune-police', unit: `${DEMO_UNITS.commune}/cong-an` },
  { role: 'commune-chair', unit: DEMO_UNITS.commune },
  { role: 'commune-deputy-chair', unit: DEMO_UNITS.commune, actor: 'u-pho-chu-tich' },
  { role: 'commune-culture-office', unit: `${DEMO_UNITS.commune}/van-hoa-xa-hoi` },
  { role: 'commune-economic-office', unit: `${DEMO_UNITS.commune}/kinh-te` },
  { role: 'commune-service-centre', unit: `${DEMO_UNITS.commune}/trung-tam-su-nghiep-cong` },
  // A village head reads the cases of their village; a supervisor, the cases assigned to them.
  { role: 'village-head', unit: `${DEMO_UNITS.commune}/thon-2` },
  { role: 'supervisor', unit: DEMO_UNITS.commune, actor: 'u-giup-do-1' },
  { role: 'vbsp', unit: DEMO_UNITS.commune },
  { role: 'procuracy', unit: 'vks-tinh' },
  { role: 'fatherland-front', unit: `${DEMO_UNITS.commune}/mat-tran` },
  { role: 'provincial-police', unit: 'ca-tinh' },
  { role: 'amnesty-subcommittee', unit: 'ca-tinh' },
  { role: 'facility-warden', unit: 'trai-giam-tinh' },
  { role: 'court', unit: 'toa-an-tinh' },
  { role: 'auditor', unit: 'thanh-tra-tinh' },
  { role: 'admin', unit: DEMO_UNITS.province },
  // The second province, to see that one province's records stay out of the other's reach.
  { role: 'commune-police', unit: `${DEMO_UNITS.otherProvinceCommune}/cong-an` },
  { role: 'procuracy', unit: `${DEMO_UNITS.otherProvince}/vks` },
];

/** Seeds the demo into an empty store, printing progress; does nothing once anything is recorded. */
export async function seedIfEmpty(stores: Stores, out: (line: string) => void): Promise<boolean> {
  if ((await stores.store.headPosition()) !== null) return false;
  out('Kho dữ liệu trống: đang tạo dữ liệu minh họa (người giả định)…');
  const started = Date.now();
  const count = await seedDemo(stores.store, stores.sealer, {
    onCommand: (n) => {
      if (n % 50 === 0) out(`  … ${n} lệnh đã ghi`);
    },
  });
  out(`Đã tạo dữ liệu minh họa: ${count} lệnh trong ${((Date.now() - started) / 1000).toFixed(1)} giây.`);
  return true;
}

/**
 * Serves the API until SIGINT or SIGTERM (seeding the demo into an empty store first), then stops
 * taking requests, lets those in flight finish, flushes the projections and closes the files.
 * Refuses to start on a store that fails the start-up check, unless read-only: then it serves
 * reads, refuses commands (503) and signs nothing.
 */
export async function runServe(
  config: Config,
  logger: Logger,
  out: (line: string) => void,
  options: { readOnly?: boolean } = {},
): Promise<void> {
  const readOnly = options.readOnly === true || config.DACXA_READ_ONLY;
  // Listened for from the start: a Ctrl-C during start-up still shuts down cleanly.
  let stopNow: () => void = () => undefined;
  const stopRequested = new Promise<void>((resolve) => {
    stopNow = resolve;
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  const stores = await openStores(config, logger, { writerThreads: true });
  try {
    if (config.DACXA_SEED_DEMO && !readOnly) await seedIfEmpty(stores, out);
  } catch (error) {
    await stores.close();
    throw error;
  }
  const views = openViews(config, stores, logger);
  views.start();
  // A fixed clock (demo and tests only) starts at DACXA_CLOCK and moves on from there.
  const clock = createClock(config.DACXA_CLOCK);
  if (config.DACXA_CLOCK)
    out(
      `Đồng hồ cố định: ${config.DACXA_CLOCK} (giờ Việt Nam ${vietnamDateTime(clock())}; thời gian trôi tiếp từ mốc này)`,
    );
  // Beside a projector (DACXA_PROJECTIONS=external) the projector signs; this process only follows.
  const signs = config.DACXA_PROJECTIONS !== 'external' && !readOnly;
  // The ledger's heads wait for the start-up check: none is signed over a store that fails it.
  const hold = holdLedger(stores.store);
  const { ledger, signer } = openLedger(config, hold, logger, signs ? 'signs' : 'follows');
  ledger.start();
  let opened: ReturnType<typeof openCosigner>;
  let checked: Awaited<ReturnType<typeof checkBeforeServing>>;
  try {
    // A policy that does not name this log or its witnesses' URLs stops the start here.
    opened = openCosigner(config, ledger, signer, logger);
    checked = await checkBeforeServing(
      config,
      { store: stores.store, ledger, hold, publicKeyPem: signer.publicKeyPem },
      readOnly,
      out,
    );
  } catch (error) {
    await ledger.stop().catch(() => undefined);
    await views.stop();
    await stores.close();
    throw error;
  }
  // Checkpoints are published only over a store that passed the check. An api beside a projector
  // publishes too: a checkpoint is signed, not appended, so instances only race at the witnesses.
  const { cosigner, policy } = opened;
  if (!readOnly) void hold.passed.then(() => cosigner.start());
  // Deadlines are swept where projections run, over a store that passed its check (docs/deadlines.md).
  let scheduler: Scheduler | null = null;
  let follower: CertificateFollower | null = null;
  if (config.DACXA_PROJECTIONS === 'in-process' && !readOnly) {
    const { handle, personOf, schedule } = systemCommands(stores.store, stores.sealer);
    const sweeps = createScheduler({
      clock,
      events: stores.store,
      documents: stores.documents,
      views,
      handle,
      schedule,
      logger,
    });
    scheduler = sweeps;
    void hold.passed.then(() => sweeps.start());
    // Each certificate opens the expected case at its destination (docs/architecture.md, "Release-day reconciliation").
    const opens = createCertificateFollower({
      clock,
      events: stores.store,
      documents: stores.documents,
      views,
      handle,
      personOf,
      logger,
    });
    follower = opens;
    void hold.passed.then(() => opens.start());
  }
  // The whole-log leaf check ends while serving: a failure stops the service, as at start.
  let failedLate = false;
  void checked.everyLeaf.then((late) => {
    if (!late || readOnly) return;
    failedLate = true;
    const error = new StoreCheckError(late);
    logger.fatal(
      { code: error.code, reason: late.reason, position: late.position?.toString() },
      'store check failed',
    );
    out(error.message);
    stopNow();
  });
  const secret = config.DACXA_JWKS_URL ? null : tokenSecret(config);
  const app = buildApp({
    store: stores.store,
    sealer: stores.sealer,
    tokenKey: secret ?? createRemoteJWKSet(new URL(config.DACXA_JWKS_URL ?? '')),
    logger,
    views: { engine: views, documents: stores.documents, keys: stores.keys },
    audit: auditServed(config, ledger, signer, cosigner),
    tokenPolicy: {
      maxLifetimeSeconds: config.DACXA_TOKEN_MAX_HOURS * 3600,
      issuer: config.DACXA_JWT_ISSUER,
      audience: config.DACXA_JWT_AUDIENCE,
    },
    readOnly,
    // The demo's invented people sign in from the console's role picker; a real deployment's never do.
    demoSignIn: config.DACXA_SEED_DEMO && secret !== null,
    oidc: oidcClient(config),
    now: clock,
  });
  const url = await app.listen({ host: config.HOST, port: config.PORT });
  out(`dacxa đang chạy tại ${url}`);
  out(
    `Tài liệu API: ${url}/docs (OpenAPI 3.1: ${url}/docs/openapi.json); bảng trực tiếp: ws${url.slice(4)}/ws`,
  );
  out(
    `Điểm kiểm tra C2SP: ${url}/checkpoint — khóa xác minh của nhật ký: ${signer.verifierKey(config.DACXA_LOG_ORIGIN)}`,
  );
  if (secret) {
    out('Mã thử nghiệm (8 giờ) — gửi kèm tiêu đề "Authorization: Bearer <mã>":');
    for (const caller of DEV_CALLERS) {
      out(
        `  ${caller.role} (${caller.unit}): ${await issueDevToken(secret, { actor: caller.actor ?? `dev-${caller.role}`, ...caller })}`,
      );
    }
  } else {
    out(`Xác thực qua nhà cung cấp định danh: ${config.DACXA_JWKS_URL ?? ''}`);
    const oidc = oidcClient(config);
    out(
      oidc
        ? `Bảng điều khiển đăng nhập qua ${oidc.issuer} (client ${oidc.clientId})`
        : 'Bảng điều khiển: chưa cấu hình đăng nhập (DACXA_OIDC_ISSUER, DACXA_OIDC_CLIENT_ID)',
    );
  }
  out(
    policy
      ? `Nhân chứng: ${[...policy.witnesses].map(([name, w]) => `${name} (${w.url ?? ''})`).join(', ')} — điểm kiểm tra chỉ được công bố khi đủ đồng ký theo ${config.DACXA_WITNESS_POLICY ?? ''}`
      : 'Chưa cấu hình nhân chứng (DACXA_WITNESS_POLICY): điểm kiểm tra chỉ có chữ ký của nhật ký.',
  );
  out('Nhấn Ctrl-C để dừng.');
  await stopRequested;
  out('Đang dừng: chờ các yêu cầu đang xử lý, ghi nốt các bảng, rồi đóng tệp dữ liệu…');
  await app.close();
  // A last tree head over everything recorded, so the next start's first proof needs no wait.
  if (signs) await ledger.signNow().catch((err: unknown) => logger.warn({ err }, 'no final tree head'));
  await scheduler?.stop();
  await follower?.stop();
  await cosigner.stop();
  await ledger.stop();
  await views.stop();
  await stores.close();
  out('Đã dừng.');
  if (failedLate)
    throw new StoreCheckError(
      (await checked.everyLeaf) ?? { reason: 'unreadable', position: null, message: '' },
    );
}
