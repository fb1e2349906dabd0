import type { EventStore } from '@dacxa/event-store';
import {
  caseFilesProjection,
  createProjectionEngine,
  getInMemoryDocumentStore,
  reportsProjection,
  tasksProjection,
  type Doc,
} from '@dacxa/read-models';

/** The views the reports must agree with, projected from `store` up to its head. */
export async function projectedViews(store: EventStore) {
  const documents = getInMemoryDocumentStore();
  const engine = createProjectionEngine({
    events: store,
    documents,
    projections: [caseFilesProjection, tasksProjection, reportsProjection],
    lingerMs: 1,
  });
  engine.start();
  await engine.waitFor((await store.headPosition()) ?? 0n, 10_000);
  const all = async <D extends Doc>(projection: string, collection: string): Promise<D[]> => {
    const page = await documents.find(engine.collection(projection, collection), { limit: 10_000 });
    return page.items.map((item) => item.doc as D);
  };
  return { all, stop: () => engine.stop() };
}
