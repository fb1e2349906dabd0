/**
 * Rewrites the bundle-vectors block of docs/audit-format.md from the code (after a change to what
 * a bundle holds, e.g. an event's Vietnamese label): `npx tsx packages/audit/src/writeBundleVectors.ts`.
 * testVectors.unit.spec.ts holds the page to the code either way.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { bundleTestVectors } from './bundleVectors.js';

const path = new URL('../../../docs/audit-format.md', import.meta.url);
const doc = readFileSync(path, 'utf8');
const vectors = await bundleTestVectors();
try {
  const block = /(<!-- bundle-vectors -->\n+```text\n)[\s\S]*?(\n```\n+<!-- \/bundle-vectors -->)/;
  if (!block.test(doc)) throw new Error('docs/audit-format.md has no bundle-vectors block');
  writeFileSync(
    path,
    doc.replace(block, (_all, open: string, close: string) => open + vectors.text + close),
  );
} finally {
  vectors.cleanUp();
}
