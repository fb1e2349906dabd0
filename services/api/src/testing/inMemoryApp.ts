import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import type { Role } from '@dacxa/domain';
import { sealedInMemoryStore } from '@dacxa/protection/testing';
import { buildApp, type AppOptions } from '../app.js';
import { issueDevToken } from '../devToken.js';

/**
 * The app over an in-memory sealing event store and a random HS256 secret, for `inject()` tests:
 * no socket, no files. Its log lines are kept to check what is (and is never) written there. The
 * log holds no organisation-unit tree, so every unit counts as known unless the test passes its own
 * `tokenPolicy.knownUnit`.
 */
export async function inMemoryApp(options: Partial<Omit<AppOptions, 'store' | 'sealer' | 'logger'>> = {}) {
  const secret = randomBytes(32);
  const { sealer, store } = sealedInMemoryStore();
  const logLines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  const tokenPolicy = { knownUnit: async () => true, ...options.tokenPolicy };
  const app = buildApp({ store, sealer, tokenKey: secret, logger, ...options, tokenPolicy });
  await app.ready();
  return {
    app,
    store,
    secret,
    logLines,
    /** A development token for any role string (the tests check what the service refuses). */
    token: (role: string, unit: string, expiresIn = '1h', actor = `test-${role}`) =>
      issueDevToken(secret, { actor, role: role as Role, unit }, expiresIn),
  };
}
