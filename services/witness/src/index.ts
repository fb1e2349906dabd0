/** The witness: its HTTP app, the add-checkpoint decision, and its own store. */
export { buildWitnessApp } from './app.js';
export { addCheckpoint, type WitnessAnswer, type WitnessContext } from './addCheckpoint.js';
export { openWitnessStore, type WitnessStore, type Witnessed } from './witnessStore.js';
/** Runs a witness on a port with its key file, its store and the logs it witnesses. */
export { runWitness, type WitnessOptions } from './runWitness.js';
