import { runDocumentStoreContract } from './contract/index.js';
import { getInMemoryDocumentStore } from './inMemoryDocumentStore.js';

runDocumentStoreContract('in-memory', { open: () => Promise.resolve(getInMemoryDocumentStore()) });
