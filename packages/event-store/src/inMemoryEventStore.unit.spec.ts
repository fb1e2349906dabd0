import { runEventStoreContract } from './contract/index.js';
import { getInMemoryEventStore } from './inMemoryEventStore.js';

runEventStoreContract('in-memory', { open: () => Promise.resolve(getInMemoryEventStore()) });
