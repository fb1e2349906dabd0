/** Edits a store file behind dacxa's back, for tests of what its checks catch. */
export { rewriteEvent, tamperFile } from './tamper.js';
