// A worker thread of the bundle verifier: checks the runs of lines it is sent (verifyChunk.ts).
import { parentPort } from 'node:worker_threads';
import { checkChunk, type ChunkTask } from './verifyChunk.js';

parentPort?.on('message', (message: { id: number; task: ChunkTask }) => {
  try {
    parentPort?.postMessage({ id: message.id, result: checkChunk(message.task) });
  } catch (err) {
    parentPort?.postMessage({ id: message.id, error: err instanceof Error ? err.message : String(err) });
  }
});
