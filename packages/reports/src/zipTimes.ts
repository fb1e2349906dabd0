import JSZip from 'jszip';

/**
 * The same .docx or .xlsx with every zip entry dated `at` (the generation time) instead of the
 * moment of packing, so two renderings with one generation time are byte for byte the same file:
 * a submitted report's SHA-256 can be checked by generating it again (docs/reports.md).
 * Repacked with JSZip, the zip library the docx package itself builds on.
 */
export async function withEntryTimes(bytes: Buffer, at: Date): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    out.file(entry.name, await entry.async('uint8array'), { date: at, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
