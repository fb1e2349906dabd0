import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

/**
 * The CLI's structured log, on stderr (fd 2) so that stdout carries only what a person asked
 * for: JSON lines for machines, and readable lines (pino-pretty, dd/mm/yyyy local time) when a
 * person watches a terminal.
 */
export function createLogger(
  level: string,
  tty = process.stderr.isTTY === true,
  destination: number | NodeJS.WritableStream = 2,
): Logger {
  const options = { name: 'dacxa-cli', level };
  if (tty)
    return pino(
      options,
      pretty({ destination, sync: true, colorize: true, translateTime: 'SYS:dd/mm/yyyy HH:MM:ss' }),
    );
  return pino(options, typeof destination === 'number' ? pino.destination(destination) : destination);
}
