import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FILES as F } from './bundleFormat.js';
import { readLines, readManifest, reseal, writeLines } from './bundleTampering.js';
import type { StreamHead } from './signedStatements.js';
import { CASES, cut, writeTestLog } from './testLog.js';
import { createTreeHeadSigner, generateSigningKey } from './treeHead.js';
import { verifyBundle, type BundleReport } from './verifyBundle.js';

const root = mkdtempSync(join(tmpdir(), 'dacxa-disclosure-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const signer = createTreeHeadSigner(generateSigningKey());
const file = join(root, 'log.sqlite');
const trusted = { trustedPublicKeyPem: signer.publicKeyPem };
const failureOf = (report: BundleReport) => (report.ok ? null : report.failure);
const streamOf = (line: string) => (JSON.parse(line) as { envelope: { stream: string } }).envelope.stream;
beforeAll(() => writeTestLog(file, signer));

describe('a case’s disclosure', () => {
  it('holds the case and the case continuing it after a transfer, each proven whole by a signed stream head', async () => {
    const { dir, manifest } = await cut(file, signer, root, { streams: [CASES.origin] });
    expect(manifest).toMatchObject({
      kind: 'disclosure',
      streams: [CASES.origin, CASES.continuation].sort(),
      continuations: [{ stream: CASES.continuation, from: CASES.origin }],
      counts: { events: 10, streams: 2 },
    });
    const heads = readLines(dir, F.streamHeads).map((l) => JSON.parse(l) as StreamHead);
    expect(heads.map((h) => [h.stream, h.revision, h.treeSize])).toEqual(
      [
        [CASES.origin, 5, manifest.treeHead.treeSize],
        [CASES.continuation, 3, manifest.treeHead.treeSize],
      ].sort(),
    );
    expect(readLines(dir, F.events).map(streamOf)).not.toContain(CASES.other);
    expect(await verifyBundle(dir, trusted)).toMatchObject({
      ok: true,
      kind: 'disclosure',
      events: 10,
      streams: 2,
    });
  });

  it('refuses another person’s event with a valid proof, even from the key holder', async () => {
    const { dir } = await cut(file, signer, root, { streams: [CASES.origin] });
    const other = await cut(file, signer, root, { streams: [CASES.other] });
    // The other person's first event and its (valid) inclusion proof, slipped in at its place in log order.
    const foreign = readLines(other.dir, F.events)[1] as string;
    const foreignProof = readLines(other.dir, F.proofs)[1] as string;
    const leafOf = (line: string) => (JSON.parse(line) as { leafIndex: number }).leafIndex;
    const events = [...readLines(dir, F.events), foreign].sort((a, b) => leafOf(a) - leafOf(b));
    const proofs = [...readLines(dir, F.proofs), foreignProof].sort((a, b) => leafOf(a) - leafOf(b));
    writeLines(dir, F.events, events);
    writeLines(dir, F.proofs, proofs);
    await reseal(dir, signer);
    expect(failureOf(await verifyBundle(dir, trusted))).toMatchObject({ reason: 'foreign-event' });
  });

  it('refuses a relabelled filter: the manifest is signed', async () => {
    const { dir } = await cut(file, signer, root, { streams: [CASES.other] });
    const manifest = readFileSync(join(dir, F.manifest), 'utf8');
    writeFileSync(join(dir, F.manifest), manifest.replaceAll(CASES.other, CASES.origin));
    expect(failureOf(await verifyBundle(dir, trusted))).toMatchObject({ reason: 'manifest-signature' });
  });

  it('refuses a case missing its first event, its last, or its continuation, even re-signed', async () => {
    const missing = async (drop: (lines: string[]) => number[]) => {
      const { dir } = await cut(file, signer, root, { streams: [CASES.origin] });
      const gone = new Set(drop(readLines(dir, F.events)));
      for (const name of [F.events, F.proofs])
        writeLines(
          dir,
          name,
          readLines(dir, name).filter((_, i) => !gone.has(i)),
        );
      await reseal(dir, signer);
      return failureOf(await verifyBundle(dir, trusted));
    };
    const indexesOf = (lines: string[], stream: string) =>
      lines.flatMap((l, i) => (streamOf(l) === stream ? [i] : []));
    expect(await missing(() => [0])).toMatchObject({ reason: 'revision-gap' });
    expect(await missing((l) => indexesOf(l, CASES.origin).slice(-1))).toMatchObject({
      reason: 'incomplete-stream',
    });
    expect(await missing((l) => indexesOf(l, CASES.continuation))).toMatchObject({
      reason: 'incomplete-stream',
    });
  });

  it('refuses a stream head signed at another tree than the bundle’s, or by another key', async () => {
    const { dir } = await cut(file, signer, root, { streams: [CASES.origin] });
    const [first, ...rest] = readLines(dir, F.streamHeads).map((l) => JSON.parse(l) as StreamHead);
    if (!first) throw new Error('no stream head');
    const { stream, revision, lastHash, treeSize, rootHash, signedAt } = first;
    const unsigned = { stream, revision, lastHash, treeSize, rootHash, signedAt };
    const stale = signer.signStreamHead({ ...unsigned, treeSize: first.treeSize - 1 });
    writeLines(
      dir,
      F.streamHeads,
      [stale, ...rest].map((h) => JSON.stringify(h)),
    );
    await reseal(dir, signer);
    expect(failureOf(await verifyBundle(dir, trusted))).toMatchObject({ reason: 'stream-head' });
    const stranger = createTreeHeadSigner(generateSigningKey()).signStreamHead(unsigned);
    writeLines(
      dir,
      F.streamHeads,
      [stranger, ...rest].map((h) => JSON.stringify(h)),
    );
    await reseal(dir, signer);
    expect(failureOf(await verifyBundle(dir, trusted))).toMatchObject({ reason: 'stream-head' });
  });

  it('refuses a continuation that does not open by naming the case it continues', async () => {
    const { dir } = await cut(file, signer, root, { streams: [CASES.origin] });
    await reseal(dir, signer, (m) => {
      m.continuations = [{ stream: CASES.continuation, from: CASES.other }];
    });
    expect(failureOf(await verifyBundle(dir, trusted))).toMatchObject({ reason: 'continuation' });
    expect(readManifest(dir).kind).toBe('disclosure');
  });
});
