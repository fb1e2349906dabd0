import { copyFileSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import { BUNDLE_FILES as F } from './bundleFormat.js';
import { readLines, readManifest, reseal, writeLines } from './bundleTampering.js';
import { createLedger } from './ledger.js';
import { CASES, cut, writeTestLog } from './testLog.js';
import { createTreeHeadSigner, generateSigningKey } from './treeHead.js';
import { verifyBundle, type BundleReport } from './verifyBundle.js';

const root = mkdtempSync(join(tmpdir(), 'dacxa-authentic-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const signer = createTreeHeadSigner(generateSigningKey());
const file = join(root, 'log.sqlite');
const trusted = { trustedPublicKeyPem: signer.publicKeyPem };
const failureOf = (report: BundleReport) => (report.ok ? null : report.failure);
const edit = (dir: string, name: string, change: (text: string) => string) =>
  writeFileSync(join(dir, name), change(readFileSync(join(dir, name), 'utf8')));
beforeAll(() => writeTestLog(file, signer));

describe('what a bundle says about itself', () => {
  it('is all signed: a changed kind, filter, count, date or file hash in the manifest is refused', async () => {
    const { dir } = await cut(file, signer, root, { units: ['phuong-le-chan'] });
    expect(await verifyBundle(dir, trusted)).toMatchObject({ ok: true, kind: 'selection' });
    for (const change of [
      (m: string) => m.replace('phuong-le-chan', 'xa-an-khanh'),
      (m: string) => m.replace('"kind": "selection"', '"kind": "complete"'),
      (m: string) => m.replace(/"events": \d+/, '"events": 1'),
      (m: string) => m.replace(/"createdAt": "\d{4}/, '"createdAt": "2024'),
    ]) {
      const copy = mkdtempSync(join(root, 'copy-'));
      for (const name of readdir(dir)) copyFileSync(join(dir, name), join(copy, name));
      edit(copy, F.manifest, change);
      expect(failureOf(await verifyBundle(copy, trusted))).toMatchObject({ reason: 'manifest-signature' });
    }
  });

  it('refuses an events.csv that says other than the events, even with its hash fixed and the manifest re-signed', async () => {
    const { dir } = await cut(file, signer, root, { streams: [CASES.other] });
    edit(dir, F.csv, (csv) => csv.replace(',VisitLogged,', ',CaseClosed,'));
    expect(failureOf(await verifyBundle(dir, trusted))).toMatchObject({ reason: 'file-hash' });
    const manifest = readManifest(dir);
    const { sha256OfFile } = await import('./fileHash.js');
    manifest.files[F.csv] = await sha256OfFile(join(dir, F.csv));
    const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    writeFileSync(join(dir, F.manifest), bytes);
    writeFileSync(join(dir, F.signature), `${signer.signManifest(bytes)}\n`);
    expect(failureOf(await verifyBundle(dir, trusted))).toMatchObject({ reason: 'csv-mismatch' });
  });

  it('refuses a position changed in events.ndjson, and a line whose envelope is not canonical', async () => {
    const { dir } = await cut(file, signer, root, { streams: [CASES.other] });
    const lines = readLines(dir, F.events);
    writeLines(dir, F.events, [
      lines[0]?.replace(/"position":"(\d+)"/, '"position":"9$1"') ?? '',
      ...lines.slice(1),
    ]);
    expect(failureOf(await verifyBundle(dir, trusted))).toMatchObject({ reason: 'file-hash' });
    writeLines(dir, F.events, [lines[0]?.replace('{"data":', '{ "data":') ?? '', ...lines.slice(1)]);
    await reseal(dir, signer);
    expect(failureOf(await verifyBundle(dir, trusted))).toMatchObject({ reason: 'unreadable' });
  });

  it('refuses a bundle missing a file its kind requires, or a tree-head.json that is not the manifest’s', async () => {
    const { dir } = await cut(file, signer, root, { streams: [CASES.origin] });
    unlinkSync(join(dir, F.streamHeads));
    await reseal(dir, signer, (m) => {
      delete m.files[F.streamHeads];
    });
    expect(failureOf(await verifyBundle(dir, trusted))).toMatchObject({ reason: 'manifest-mismatch' });
    const other = await cut(file, signer, root);
    edit(other.dir, F.treeHead, (t) => t.replace(/"treeSize": \d+/, '"treeSize": 3'));
    await reseal(other.dir, signer);
    expect(failureOf(await verifyBundle(other.dir, trusted))).toMatchObject({ reason: 'manifest-mismatch' });
  });

  it('refuses a v1 bundle, whose manifest nobody signed, saying to export again', async () => {
    const { dir } = await cut(file, signer, root);
    edit(dir, F.manifest, (m) => m.replace('dacxa-audit-bundle-v2', 'dacxa-audit-bundle-v1'));
    expect(failureOf(await verifyBundle(dir, trusted))).toMatchObject({ reason: 'unsupported-format' });
  });
});

describe('tree heads inside the log', () => {
  it('are checked for their signature, not only their root', async () => {
    const forged = join(root, 'forged.sqlite');
    copyFileSync(file, forged);
    const events = getSqliteEventStore({ path: forged });
    const ledger = createLedger({ events });
    ledger.start();
    await ledger.caughtUp();
    // A head with the right root, signed by someone else, appended to the log as the ledger would.
    const stranger = createTreeHeadSigner(generateSigningKey());
    const size = ledger.size;
    const fake = { ...stranger.sign(size, ledger.root(size), new Date().toISOString()), keyId: signer.keyId };
    await events.append('audit-ledger', [
      {
        type: 'TreeHeadSigned',
        data: fake,
        metadata: { actor: 'dacxa-ledger', role: 'system', unit: 'he-thong' },
      },
    ]);
    await ledger.stop();
    await events.close();
    const { dir } = await cut(forged, signer, root);
    expect(failureOf(await verifyBundle(dir, trusted))).toMatchObject({
      reason: 'head-signature',
      leafIndex: size,
    });
  });
});

function readdir(dir: string): string[] {
  return Object.values(F).filter((name) => {
    try {
      readFileSync(join(dir, name));
      return true;
    } catch {
      return false;
    }
  });
}
