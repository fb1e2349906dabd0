import { join } from 'node:path';
import { z } from 'zod';
import { identityProblems } from './identityProblems.js';

const Env = z.object({
  DACXA_DATA_DIR: z.string().min(1).default('data'),
  /**
   * Where the embedded default keeps its secrets (master key, token secret, audit signing key):
   * never inside the data folder that is backed up; by default the folder `<DATA_DIR>-keys` beside it.
   */
  DACXA_KEY_DIR: z.string().min(1).optional(),
  /** Where events live: the embedded SQLite file, or an EventStoreDB cluster. */
  DACXA_EVENT_STORE: z.enum(['sqlite', 'esdb']).default('sqlite'),
  DACXA_ESDB_URL: z
    .string()
    .regex(
      /^(esdb|kurrentdb|kurrent)(\+discover)?:\/\//,
      'một chuỗi kết nối esdb:// hoặc kurrentdb:// (an esdb:// or kurrentdb:// connection string)',
    )
    .optional(),
  /** Where views and wrapped data keys live: SQLite files, or a MongoDB replica set. */
  DACXA_READ_STORE: z.enum(['sqlite', 'mongodb']).default('sqlite'),
  DACXA_MONGODB_URL: z
    .string()
    .startsWith('mongodb', 'một chuỗi kết nối mongodb:// (a mongodb:// URL)')
    .optional(),
  DACXA_MONGODB_DATABASE: z.string().min(1).default('dacxa'),
  /** in-process: the api runs the projections (the embedded default); external: `services/projector` does. */
  DACXA_PROJECTIONS: z.enum(['in-process', 'external']).default('in-process'),
  /** Master keys, `id:base64,…` (first is current); absent: the embedded default keeps one in DATA_DIR/master.key. */
  DACXA_MASTER_KEY: z.string().min(1).optional(),
  /** Where `serve` listens; loopback unless a deployment opens it deliberately. */
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** HS256 secret for bearer tokens; absent: the embedded default keeps one in DATA_DIR/jwt.secret. */
  DACXA_JWT_SECRET: z.string().min(32, 'cần ít nhất 32 ký tự (at least 32 characters)').optional(),
  /** An identity provider's JWKS (RS256/ES256); when set, tokens come from it and no dev tokens are issued. */
  DACXA_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * With DACXA_JWKS_URL: the issuer (`iss`) and audience (`aud`) every token must carry, checked by
   * jose beside the signature. Absent: not checked (any token the JWKS's keys signed is taken).
   */
  DACXA_JWT_ISSUER: z.string().min(1).optional(),
  DACXA_JWT_AUDIENCE: z.string().min(1).optional(),
  /**
   * The OpenID Connect provider the console signs people in with (authorization code + PKCE), and
   * the public client registered there for it: both or neither, and only with DACXA_JWKS_URL. The
   * page talks to the provider from the browser, which oauth4webapi allows over https only.
   */
  DACXA_OIDC_ISSUER: z
    .url({ protocol: /^https$/, message: 'một địa chỉ https:// (an https:// URL)' })
    .optional(),
  DACXA_OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** The longest lifetime a bearer token may have (exp − iat); longer tokens are refused. */
  DACXA_TOKEN_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(12),
  /** The ledger's Ed25519 signing key (PEM), or a file holding it; absent: DATA_DIR/audit-ed25519.pem, generated on first run. */
  DACXA_AUDIT_KEY: z
    .string()
    .includes('PRIVATE KEY', { message: 'một khóa Ed25519 dạng PEM (a PEM Ed25519 key)' })
    .optional(),
  DACXA_AUDIT_KEY_FILE: z.string().min(1).optional(),
  /**
   * The SQLite file the ledger keeps its Merkle tree in between runs (derived from the log, rebuilt
   * when missing or not matching it), or `none`; absent: DATA_DIR/ledger-tree.sqlite on the
   * embedded default, none with EventStoreDB.
   */
  DACXA_TREE_FILE: z.string().min(1).optional(),
  /** The log's C2SP origin line and checkpoint key name (c2sp.org/tlog-checkpoint): unique per log. */
  DACXA_LOG_ORIGIN: z
    .string()
    .regex(/^[^\s+]+$/, 'không có khoảng trắng hay dấu + (no spaces or plus signs)')
    .default('dacxa.local/log'),
  /**
   * A tlog-policy file (c2sp.org/tlog-policy) naming the witnesses the log sends its checkpoints
   * to, with their URLs, and the quorum that must cosign before a checkpoint is published.
   * Absent: no witnesses; the log's own signature is published (docs/witnesses.md).
   */
  DACXA_WITNESS_POLICY: z.string().min(1).optional(),
  /** How often (ms) the log looks for news to publish a checkpoint of; under 1 s after an append. */
  DACXA_CHECKPOINT_MS: z.coerce.number().int().min(20).max(60_000).default(200),
  /** Sign a tree head after this many new events, or this many seconds after the first unsigned one. */
  DACXA_AUDIT_SIGN_EVERY: z.coerce.number().int().min(1).default(1000),
  DACXA_AUDIT_SIGN_SECONDS: z.coerce.number().int().min(1).default(60),
  /** Seed the demo when the event store is empty (the embedded default's first run). */
  DACXA_SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Serve reads only, for an investigation: commands refused (503), nothing signed, start-up check not binding. */
  DACXA_READ_ONLY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * A fixed clock for the demo and tests (an ISO instant): the process starts as if it were then,
   * and time moves on from there. Refused unless the demo (DACXA_SEED_DEMO) or a test is running.
   */
  DACXA_CLOCK: z.iso
    .datetime({ offset: true, message: 'một thời điểm ISO 8601 (an ISO 8601 instant)' })
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Rules across variables, checked on the raw environment so they are named beside any other problem. */
function crossProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.DACXA_EVENT_STORE === 'esdb') {
    if (!env.DACXA_ESDB_URL) problems.push('DACXA_ESDB_URL: bắt buộc khi DACXA_EVENT_STORE=esdb');
    if (!env.DACXA_MASTER_KEY)
      problems.push(
        'DACXA_MASTER_KEY: bắt buộc khi dùng EventStoreDB (các phiên bản api dùng chung khóa chủ)',
      );
  }
  if (env.DACXA_EVENT_STORE === 'esdb' && !env.DACXA_AUDIT_KEY && !env.DACXA_AUDIT_KEY_FILE)
    problems.push('DACXA_AUDIT_KEY_FILE: bắt buộc khi dùng EventStoreDB (mọi tiến trình dùng chung khóa ký)');
  if (env.DACXA_READ_STORE === 'mongodb' && !env.DACXA_MONGODB_URL)
    problems.push('DACXA_MONGODB_URL: bắt buộc khi DACXA_READ_STORE=mongodb');
  problems.push(...identityProblems(env));
  // A fixed clock would date every overdue marker wrongly on a live system: only the demo and tests.
  const testing = env.NODE_ENV === 'test' || Boolean(env.VITEST);
  if (env.DACXA_CLOCK !== undefined && env.DACXA_SEED_DEMO === 'false' && !testing)
    problems.push(
      'DACXA_CLOCK: chỉ dùng cho bản minh họa (DACXA_SEED_DEMO) hoặc khi chạy kiểm thử (a fixed clock is for the demo or tests only)',
    );
  return problems;
}

/** Every variable a dacxa process reads. */
export const CONFIG_KEYS = Object.keys(Env.shape);

/** The configuration of every dacxa process, parsed once; every problem is named at once. */
export type Config = z.infer<typeof Env>;

/** A configuration that names what is wrong with it. */
export class ConfigError extends Error {
  readonly code = 'ERR_CONFIG';
}

/** Where the ledger keeps its tree (see DACXA_TREE_FILE), or null when it rebuilds it at every start. */
export function ledgerTreeFile(config: Config): string | null {
  if (config.DACXA_TREE_FILE === 'none') return null;
  if (config.DACXA_TREE_FILE) return config.DACXA_TREE_FILE;
  return config.DACXA_EVENT_STORE === 'sqlite' ? join(config.DACXA_DATA_DIR, 'ledger-tree.sqlite') : null;
}

/** The provider and client the console signs in with (DACXA_OIDC_ISSUER, DACXA_OIDC_CLIENT_ID), if any. */
export function oidcClient(config: Config): { issuer: string; clientId: string } | undefined {
  const { DACXA_OIDC_ISSUER: issuer, DACXA_OIDC_CLIENT_ID: clientId } = config;
  return issuer && clientId ? { issuer, clientId } : undefined;
}

/** Parses the environment, or throws naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = Env.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)),
    ...crossProblems(env),
  ];
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError(`Cấu hình không hợp lệ (invalid configuration): ${problems.join('; ')}`);
  }
  return parsed.data;
}
