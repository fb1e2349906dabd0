import { pino } from 'pino';

/** The CLI's structured log, on stderr so that stdout carries only what a person asked for. */
export const logger = pino({ name: 'dacxa-cli', level: 'info' }, pino.destination(2));
