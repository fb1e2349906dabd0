import JSZip from 'jszip';

/**
 * The parts of a generated .docx or .xlsx by path, as text: for checking a file's figures and
 * stamp without an office suite (the tests, and anyone verifying a report). Read with JSZip,
 * the zip library the docx package itself builds on.
 */
export async function readZipParts(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const entry of Object.values(zip.files))
    if (!entry.dir) parts.set(entry.name, await entry.async('string'));
  return parts;
}
