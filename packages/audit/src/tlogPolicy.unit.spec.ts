import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { COSIGNATURE_ED25519, formatVerifierKey, privateKeyFromSeed } from './signedNote.js';
import { parseTlogPolicy, quorumMet } from './tlogPolicy.js';

const key = (n: number, name: string, type?: number) =>
  formatVerifierKey(name, createPublicKey(privateKeyFromSeed(Buffer.alloc(32, n))), type);
const LOG = key(1, 'dacxa.example/log');
const VKS = key(2, 'vks.example/w', COSIGNATURE_ED25519);
const MT = key(3, 'mttq.example/w', COSIGNATURE_ED25519);

describe('tlog policies (c2sp.org/tlog-policy)', () => {
  it('read logs, witnesses, nested groups and the quorum, ignoring comments and blank lines', () => {
    const policy = parseTlogPolicy(
      `# dacxa\nlog ${LOG}\n\nwitness vks ${VKS} http://127.0.0.1:3100\nwitness mttq ${MT}\ngroup both all vks mttq\n  quorum both  \n`,
    );
    expect(policy.logs).toHaveLength(1);
    expect(quorumMet(policy, ['vks'])).toBe(false);
    expect(quorumMet(policy, ['vks', 'mttq'])).toBe(true);
    expect(quorumMet(parseTlogPolicy(`log ${LOG}\nquorum none\n`), [])).toBe(true);
  });

  it('refuse what the spec forbids, naming the line', () => {
    for (const bad of [
      `log ${LOG}\n`,
      `log ${LOG}\nquorum nobody\n`,
      `witness a ${VKS}\nwitness a ${MT}\nquorum a\n`,
      `witness a ${VKS}\ngroup g 3 a\nquorum g\n`,
      `witness a ${VKS}\ngroup g any a a\nquorum g\n`,
      `witness a ${LOG}\nquorum a\n`,
      `log ${VKS}\nquorum none\n`,
      `quorum none\nquorum none\n`,
      `frobnicate\nquorum none\n`,
    ])
      expect(() => parseTlogPolicy(bad), bad).toThrow(/tlog-policy/);
  });
});
