import { z } from 'zod';

const Env = z.object({
  DACXA_DATA_DIR: z.string().min(1).default('data'),
  /** Master keys, `id:base64,…` (first is current); absent: the embedded default keeps one in DATA_DIR/master.key. */
  DACXA_MASTER_KEY: z.string().min(1).optional(),
  /** Where `serve` listens; loopback unless a deployment opens it deliberately. */
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** HS256 secret for bearer tokens; absent: the embedded default keeps one in DATA_DIR/jwt.secret. */
  DACXA_JWT_SECRET: z.string().min(32, 'cần ít nhất 32 ký tự (at least 32 characters)').optional(),
  /** An identity provider's JWKS (RS256/ES256); when set, tokens come from it and no dev tokens are issued. */
  DACXA_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The CLI's configuration, parsed once; every problem is named at once. */
export type CliConfig = z.infer<typeof Env>;

/** Parses the environment, or throws naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): CliConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Cấu hình không hợp lệ (invalid configuration): ${problems}`);
  }
  return parsed.data;
}
