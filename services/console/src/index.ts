/** The console: the built page served by the API, and the demo's sign-in. */
export { consolePlugin, type ConsoleOptions, type OidcOptions } from './server/consolePlugin.js';
/** The demo's people the role picker offers (invented). */
export { DEMO_PEOPLE, type DemoPerson } from './server/demoPeople.js';
