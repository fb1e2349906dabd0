import JSZip from 'jszip';
import { request } from './api.js';

/**
 * A bundle cut by the console: the area's events as the service exports them (`/audit/export`,
 * cut at the signed head it names in Dacxa-Tree-Head), one inclusion proof per event at that
 * head, the head, the service's public key and its latest checkpoint, zipped (jszip).
 */
export async function exportBundle(
  unit: string,
  onProgress: (done: number, total: number) => void,
): Promise<Blob> {
  const query = new URLSearchParams({ format: 'ndjson', ...(unit ? { unit } : {}) });
  const response = await request(`/audit/export?${query.toString()}`);
  const head = JSON.parse(atob(response.headers.get('dacxa-tree-head') ?? '')) as { treeSize: number };
  const events = await response.text();
  const lines = events.split('\n').filter(Boolean);
  const proofs: string[] = new Array<string>(lines.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < lines.length) {
      const i = next++;
      const position = /"position":"(\d+)"/.exec(lines[i] ?? '')?.[1] ?? '';
      const proof = (await (
        await request(`/audit/proofs/inclusion?position=${position}&treeSize=${head.treeSize}`)
      ).json()) as { leafIndex: number; proof: string[] };
      proofs[i] = JSON.stringify({ leafIndex: proof.leafIndex, proof: proof.proof });
      onProgress(++done, lines.length);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const zip = new JSZip();
  zip.file('events.ndjson', events);
  zip.file('proofs.ndjson', proofs.map((p) => `${p}\n`).join(''));
  zip.file('tree-head.json', `${JSON.stringify(head, null, 2)}\n`);
  zip.file(
    'public-key.pem',
    ((await (await request('/audit/public-key')).json()) as { publicKeyPem: string }).publicKeyPem,
  );
  const checkpoint = await fetch('/checkpoint');
  if (checkpoint.ok) zip.file('checkpoint', await checkpoint.text());
  return zip.generateAsync({ type: 'blob' });
}

/** A bundle's files by name: a zip (the console's, or `dacxa export`'s folder zipped). */
export async function readBundle(blob: Blob): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(blob);
  const files = new Map<string, Uint8Array>();
  const root =
    Object.keys(zip.files)
      .find((n) => n.endsWith('tree-head.json'))
      ?.replace('tree-head.json', '') ?? '';
  for (const [name, entry] of Object.entries(zip.files))
    if (!entry.dir && name.startsWith(root))
      files.set(name.slice(root.length), await entry.async('uint8array'));
  return files;
}
