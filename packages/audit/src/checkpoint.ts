/**
 * C2SP tlog-checkpoint note text (c2sp.org/tlog-checkpoint): the origin line, the tree size in
 * decimal, the base64 root hash, each newline-terminated. No extension lines are written.
 */
export interface CheckpointBody {
  origin: string;
  size: number;
  rootHash: Uint8Array;
}

/** The note text of a checkpoint. */
export function checkpointText({ origin, size, rootHash }: CheckpointBody): string {
  if (!origin || /[\s+]/u.test(origin)) throw new Error(`bad origin: ${origin}`);
  if (!Number.isSafeInteger(size) || size < 0) throw new Error(`bad tree size: ${size}`);
  return `${origin}\n${size}\n${Buffer.from(rootHash).toString('base64')}\n`;
}

/** Parses a checkpoint's note text; throws on a malformed origin, size or root hash. */
export function parseCheckpointText(text: string): CheckpointBody & { extensions: string[] } {
  const lines = text.split('\n');
  if (lines.at(-1) !== '' || lines.length < 4) throw new Error('malformed checkpoint');
  const [origin = '', sizeLine = '', rootLine = '', ...rest] = lines.slice(0, -1);
  if (!origin) throw new Error('empty checkpoint origin');
  if (!/^(0|[1-9][0-9]{0,15})$/.test(sizeLine)) throw new Error('malformed checkpoint size');
  const rootHash = Buffer.from(rootLine, 'base64');
  if (rootHash.length !== 32 || rootHash.toString('base64') !== rootLine)
    throw new Error('malformed checkpoint root');
  if (rest.some((line) => line === '')) throw new Error('empty checkpoint extension line');
  return { origin, size: Number(sizeLine), rootHash, extensions: rest };
}
