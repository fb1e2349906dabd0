import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';

/** A file of a bundle being written line by line, with back-pressure: memory stays flat. */
export function openLines(dir: string, name: string) {
  const stream: WriteStream = createWriteStream(join(dir, name));
  return {
    async write(chunk: string): Promise<void> {
      if (!stream.write(chunk)) await once(stream, 'drain');
    },
    async close(): Promise<void> {
      stream.end();
      await once(stream, 'close');
    },
  };
}
