// Child process for the crash test: appends one event at a time and prints each acknowledged id,
// until the parent kills it with SIGKILL.
import { getSqliteEventStore } from '../sqliteEventStore.js';

const [path = '', writerName = 'w'] = process.argv.slice(2);
const store = getSqliteEventStore({ path });
for (let i = 0; ; i++) {
  const id = crypto.randomUUID();
  await store.append(`case-crash-${writerName}-${i % 7}`, [
    {
      id,
      type: 'VisitLogged',
      data: { i },
      metadata: { actor: 'crash-test', role: 'commune-police', unit: 'x' },
    },
  ]);
  process.stdout.write(`${id}\n`);
}
