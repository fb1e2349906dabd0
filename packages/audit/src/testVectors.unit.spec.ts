import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleTestVectors } from './bundleVectors.js';
import { auditTestVectors } from './testVectors.js';
import { leafHash, verifyConsistency, verifyInclusion } from './merkle.js';
import { streamHeadMessage, type StreamHead } from './signedStatements.js';
import { verifyManifestSignature, verifyStreamHead } from './treeHead.js';
import { verifyBundle } from './verifyBundle.js';
import { parseTlogPolicy, verifyCheckpointNote } from './tlogPolicy.js';
import { formatTlogProof, parseTlogProof } from './tlogProof.js';
import { parseCheckpointText } from './checkpoint.js';

const doc = readFileSync(new URL('../../../docs/audit-format.md', import.meta.url), 'utf8');
const hashingDoc = readFileSync(new URL('../../../docs/event-hashing.md', import.meta.url), 'utf8');
const block = (name: string) =>
  new RegExp(`<!-- ${name} -->\\n+\`\`\`text\\n([\\s\\S]*?)\\n\`\`\`\\n+<!-- /${name} -->`).exec(doc)?.[1];
/** The lines under a heading of a vectors block, unindented, up to the next unindented line. */
const under = (text: string, heading: string) => {
  const after = text.split(`${heading}\n`)[1] ?? '';
  const end = after.search(/^\S/m);
  return (end < 0 ? after : after.slice(0, end))
    .split('\n')
    .filter((l) => l.startsWith('  '))
    .map((l) => l.slice(2));
};
const publicKey = `${under(block('vectors') ?? '', '  public key:')
  .map((l) => l.trim())
  .join('\n')}\n`;

describe('docs/audit-format.md', () => {
  it('holds the test vectors the code computes', () => {
    expect(block('vectors')).toBe(auditTestVectors());
  });

  it('holds the bundle the code cuts, byte for byte, and that bundle verifies', async () => {
    const vectors = await bundleTestVectors();
    try {
      expect(block('bundle-vectors')).toBe(vectors.text);
      expect(await verifyBundle(vectors.dir, { trustedPublicKeyPem: publicKey })).toMatchObject({
        ok: true,
        kind: 'disclosure',
        events: 2,
      });
    } finally {
      vectors.cleanUp();
    }
  });

  it('has proofs that verify with nothing but the numbers printed in it', () => {
    const hexes = (heading: string) =>
      doc
        .split(heading)[1]
        ?.split('\n')
        .slice(1)
        .filter((l) => /^ {2}[0-9a-f]{64}$/.test(l))
        .map((l) => Buffer.from(l.trim(), 'hex')) ?? [];
    const root = (n: number) =>
      Buffer.from(
        new RegExp(`^  ${n}: ([0-9a-f]{64})$`, 'm').exec(doc.split('roots by tree size:')[1] ?? '')?.[1] ??
          '',
        'hex',
      );
    const event2 = /^ {2}2: ([0-9a-f]{64})$/m.exec(doc)?.[1] ?? '';
    const inclusion = hexes('inclusion proof of leaf 2 in the tree of 7 (leaf to root):').slice(0, 3);
    expect(verifyInclusion(2, 7, leafHash(Buffer.from(event2, 'hex')), inclusion, root(7))).toBe(true);
    const consistency = hexes('consistency proof from size 3 to size 7:').slice(0, 4);
    expect(verifyConsistency(3, 7, root(3), root(7), consistency)).toBe(true);
  });

  it('has a bundle whose hashes are event-hashing.md’s and whose signatures verify from the page alone', () => {
    const text = block('bundle-vectors') ?? '';
    const lines = under(text, 'events.ndjson:').map((l) => JSON.parse(l) as { hash: string });
    const published = [...hashingDoc.matchAll(/^hash `([0-9a-f]{64})`$/gm)].map((m) => m[1]);
    expect(lines.map((l) => l.hash)).toEqual(published);
    const [streamHead] = under(text, 'stream-heads.ndjson:')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as StreamHead);
    if (!streamHead) throw new Error('no stream head in the page');
    expect(verifyStreamHead(streamHead, publicKey)).toBe(true);
    expect(JSON.stringify(streamHeadMessage(streamHead).toString('utf8'))).toBe(
      /^ {2}signed bytes \(JSON string\): (".*")$/m.exec(text.split('stream-heads.ndjson:')[1] ?? '')?.[1],
    );
    const manifest = `${under(text, 'manifest.json:').join('\n')}\n`;
    const [signature] = under(text, /^manifest\.sig.*$/m.exec(text)?.[0] ?? '');
    const keyId = (JSON.parse(manifest) as { treeHead: { keyId: string } }).treeHead.keyId;
    expect(verifyManifestSignature(Buffer.from(manifest), keyId, signature ?? '', publicKey)).toBe(true);
  });

  it('has a tlog-proof that any C2SP verifier checks with nothing but the page', () => {
    const text = block('vectors') ?? '';
    const vkey = (what: string) => new RegExp(`^  ${what}[^:]*: (\\S+)$`, 'm').exec(text)?.[1] ?? '';
    const file = JSON.parse(/^ {2}\.tlog-proof \(JSON string\): (".*")$/m.exec(text)?.[1] ?? '""') as string;
    const proof = parseTlogProof(file);
    expect(formatTlogProof(proof)).toBe(file);
    expect(proof.proof.map((h) => h.toString('base64'))).toEqual(
      under(text, '  proof lines (base64):')
        .filter((l) => l.startsWith('  '))
        .map((l) => l.trim()),
    );
    const policy = parseTlogPolicy(`log ${vkey('log vkey')}\nwitness w ${vkey('witness vkey')}\nquorum w\n`);
    const { text: checkpoint, witnesses } = verifyCheckpointNote(proof.note, policy);
    expect(witnesses).toEqual(['w']);
    const { size, rootHash } = parseCheckpointText(checkpoint);
    const event2 = /^ {2}2: ([0-9a-f]{64})$/m.exec(doc)?.[1] ?? '';
    expect(
      verifyInclusion(
        proof.index,
        size,
        leafHash(Buffer.from(event2, 'hex')),
        proof.proof,
        Buffer.from(rootHash),
      ),
    ).toBe(true);
  });
});
