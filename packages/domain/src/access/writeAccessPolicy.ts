// Writes docs/access-policy.md from the access policy: `npx pnpm access-doc`.
import { writeFileSync } from 'node:fs';
import { renderAccessPolicy } from './renderAccessPolicy.js';

const target = new URL('../../../../docs/access-policy.md', import.meta.url);
writeFileSync(target, renderAccessPolicy());
process.stdout.write(`wrote ${target.pathname}\n`);
