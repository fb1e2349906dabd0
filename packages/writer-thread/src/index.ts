export {
  startWriterThread,
  WriterThreadStoppedError,
  type WriterThread,
  type WriterThreadOptions,
} from './writerThread.js';
export { errorData, type ErrorData, type Outcome } from './protocol.js';
export { savepointGroup } from './savepoints.js';
