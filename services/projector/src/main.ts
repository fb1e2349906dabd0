import { pino } from 'pino';
import { loadConfig } from '@dacxa/runtime';
import { runProjector } from './runProjector.js';

// Configuration problems are named in one line on stderr; the process exits 2 without a stack.
let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  process.stderr.write(`Lỗi [ERR_CONFIG]: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
const logger = pino({ name: 'dacxa-projector', level: config.LOG_LEVEL });
const stopped = new Promise<void>((resolve) => {
  process.once('SIGINT', () => resolve());
  process.once('SIGTERM', () => resolve());
});
await runProjector(config, logger, stopped);
