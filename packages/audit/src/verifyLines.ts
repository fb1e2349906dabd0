import { createReadStream } from 'node:fs';

/**
 * The lines of a file, without their line feeds, read as a stream of buffers: no whole-file
 * string, and no decoding of bytes the caller does not ask for. A last line without a line feed
 * is yielded too.
 */
export async function* linesOf(file: string): AsyncGenerator<Buffer> {
  let rest: Buffer | null = null;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    const bytes: Buffer = rest ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
    let pos = 0;
    for (let newline = bytes.indexOf(10, pos); newline >= 0; newline = bytes.indexOf(10, pos)) {
      yield bytes.subarray(pos, newline);
      pos = newline + 1;
    }
    rest = pos < bytes.length ? Buffer.from(bytes.subarray(pos)) : null;
  }
  if (rest) yield rest;
}
