import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { auditSigner } from './openLedger.js';

describe('the ledger’s signing key', () => {
  it('is generated on the embedded default’s first run and the same key is used after', () => {
    const config = loadConfig({ DACXA_DATA_DIR: mkdtempSync(join(tmpdir(), 'dacxa-key-')) });
    expect(auditSigner(config).keyId).toBe(auditSigner(config).keyId);
  });

  it('names the variable when the key file is missing or holds no Ed25519 key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dacxa-key-'));
    const missing = loadConfig({ DACXA_DATA_DIR: dir, DACXA_AUDIT_KEY_FILE: join(dir, 'khong-co.pem') });
    expect(() => auditSigner(missing)).toThrow(/^DACXA_AUDIT_KEY_FILE: không đọc được khóa ký Ed25519/);
    writeFileSync(join(dir, 'rsa.pem'), 'not a key');
    const wrong = loadConfig({ DACXA_DATA_DIR: dir, DACXA_AUDIT_KEY_FILE: join(dir, 'rsa.pem') });
    expect(() => auditSigner(wrong)).toThrow(/DACXA_AUDIT_KEY_FILE/);
  });
});
