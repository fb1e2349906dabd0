/** The HTTP service and the command path it shares with the CLI. */
export { buildApp, type AppOptions } from './app.js';
export type { ViewsOptions } from './viewRoutes.js';
export { authenticate, verifyToken, type Caller, type TokenKey } from './auth.js';
export { issueDevToken } from './devToken.js';
export { CLOSE as LIVE_CLOSE_CODES } from './liveViews.js';
export { ORG_UNITS_ID, ORG_UNITS_STREAM } from './unitScope.js';
export { seedDemo, seedUnits, DEMO_TREE, DEMO_UNITS, type SeedOptions } from './seedDemo.js';
export { scenarioRunner } from './scenarioRunner.js';
export { createUnitScope, type UnitScope } from './unitScope.js';
export { recordRead } from './recordRead.js';
