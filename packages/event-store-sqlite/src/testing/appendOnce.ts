// Child process for the cross-process test: appends a batch to a file another process has open.
import { getSqliteEventStore } from '../sqliteEventStore.js';

const [path = '', stream = 'case-other', count = '3'] = process.argv.slice(2);
const store = getSqliteEventStore({ path });
await store.append(
  stream,
  Array.from({ length: Number(count) }, (_, i) => ({
    type: 'VisitLogged',
    data: { i },
    metadata: { actor: 'other-process', role: 'commune-police', unit: 'x' },
  })),
);
await store.close();
