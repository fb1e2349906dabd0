import { pino, type Logger } from 'pino';

/** The CLI's structured log, on stderr so that stdout carries only what a person asked for. */
export function createLogger(level: string): Logger {
  return pino({ name: 'dacxa-cli', level }, pino.destination(2));
}
