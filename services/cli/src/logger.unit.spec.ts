import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

const written = (tty: boolean): string => {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  createLogger('info', tty, out).info({ stream: 'case-1' }, 'đã mở kho');
  return chunks.join('');
};

describe('the CLI log', () => {
  it('writes readable lines to a terminal, with the date as dd/mm/yyyy', () => {
    const line = written(true);
    expect(line).toContain('đã mở kho');
    expect(line).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/);
    expect(() => JSON.parse(line) as unknown).toThrow();
  });

  it('writes one JSON object a line for a machine', () => {
    expect(JSON.parse(written(false))).toMatchObject({
      msg: 'đã mở kho',
      stream: 'case-1',
      name: 'dacxa-cli',
    });
  });
});
