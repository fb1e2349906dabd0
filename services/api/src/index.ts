/** The HTTP service and the command path it shares with the CLI. */
export { buildApp, type AppOptions } from './app.js';
export type { ViewsOptions } from './caseFilesRoute.js';
export { authenticate, type Caller, type TokenKey } from './auth.js';
export { runCaseCommand } from './runCaseCommand.js';
export { issueDevToken } from './devToken.js';
