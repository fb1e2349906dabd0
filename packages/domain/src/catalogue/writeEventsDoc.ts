// Writes docs/events.md from the event declarations: `npx pnpm events-doc`.
import { writeFileSync } from 'node:fs';
import { renderEventsDoc } from './renderEventsDoc.js';

const target = new URL('../../../../docs/events.md', import.meta.url);
writeFileSync(target, renderEventsDoc());
process.stdout.write(`wrote ${target.pathname}\n`);
