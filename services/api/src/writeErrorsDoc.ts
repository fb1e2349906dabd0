import { writeFileSync } from 'node:fs';
import { renderErrorsDoc } from './errorRegistry.js';

writeFileSync(new URL('../../../docs/errors.md', import.meta.url), renderErrorsDoc());
