/**
 * C2SP transparency log proofs (c2sp.org/tlog-proof): the header line `c2sp.org/tlog-proof@v1`,
 * an optional `extra <base64>` line, `index <N>`, the inclusion proof (one base64 SHA-256 hash a
 * line, leaf's sibling first), an empty line, then the checkpoint's signed note verbatim.
 */
export const TLOG_PROOF_HEADER = 'c2sp.org/tlog-proof@v1';

/** The file extension the specification recommends. */
export const TLOG_PROOF_EXTENSION = '.tlog-proof';

/** A parsed tlog-proof: the entry's index, its audit path, the checkpoint note and any extra data. */
export interface TlogProof {
  index: number;
  proof: Buffer[];
  /** The checkpoint's whole signed note, its log signature and cosignatures included. */
  note: string;
  /** Opaque, unauthenticated extra data; dacxa writes none. */
  extra?: Buffer;
}

const BASE64 = /^[A-Za-z0-9+/]+=*$/;
const MAX_PROOF = 63;

/** The text of a tlog-proof. */
export function formatTlogProof({ index, proof, note, extra }: TlogProof): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new Error(`bad index: ${index}`);
  if (proof.some((h) => h.length !== 32)) throw new Error('an inclusion proof hash is not 32 bytes');
  const lines = [
    TLOG_PROOF_HEADER,
    ...(extra ? [`extra ${extra.toString('base64')}`] : []),
    `index ${index}`,
    ...proof.map((h) => h.toString('base64')),
  ];
  return `${lines.join('\n')}\n\n${note}`;
}

function base64(text: string, what: string): Buffer {
  const bytes = Buffer.from(text, 'base64');
  if (!BASE64.test(text) || bytes.toString('base64') !== text) throw new Error(`malformed ${what}`);
  return bytes;
}

/** Parses a tlog-proof; throws naming the first part that is not of the format. */
export function parseTlogProof(text: string): TlogProof {
  const split = text.indexOf('\n\n');
  if (split < 0) throw new Error('tlog-proof: no empty line before the checkpoint');
  const lines = text.slice(0, split).split('\n');
  const note = text.slice(split + 2);
  if (lines.shift() !== TLOG_PROOF_HEADER) throw new Error(`tlog-proof: not ${TLOG_PROOF_HEADER}`);
  let extra: Buffer | undefined;
  if (lines[0]?.startsWith('extra ')) extra = base64(lines.shift()?.slice(6) ?? '', 'tlog-proof extra');
  const index = /^index (0|[1-9][0-9]{0,15})$/.exec(lines.shift() ?? '')?.[1];
  if (index === undefined || !Number.isSafeInteger(Number(index)))
    throw new Error('tlog-proof: malformed index line');
  if (lines.length > MAX_PROOF) throw new Error('tlog-proof: inclusion proof too long');
  const proof = lines.map((line) => {
    const hash = base64(line, 'tlog-proof hash');
    if (hash.length !== 32) throw new Error('tlog-proof: a proof hash is not 32 bytes');
    return hash;
  });
  if (!note.endsWith('\n') || note === '\n') throw new Error('tlog-proof: no checkpoint note');
  return { index: Number(index), proof, note, ...(extra ? { extra } : {}) };
}
