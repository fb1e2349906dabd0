import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentStore, ProjectionState } from '../types.js';

/** How the contract suite gets a store from an adapter. */
export interface DocumentStoreHarness {
  open(): Promise<DocumentStore>;
}

const state = (name: string, position: string): ProjectionState => ({
  name,
  version: 1,
  generation: 1,
  position,
  status: 'running',
  error: null,
  updatedAt: '2025-09-01T00:00:00.000Z',
});

/** Registers the document-store contract: every adapter runs it unchanged. */
export function runDocumentStoreContract(name: string, harness: DocumentStoreHarness): void {
  describe(`${name}: document store contract`, () => {
    let store: DocumentStore;
    const fresh = (): string => `c_${randomBytes(5).toString('hex')}`;
    beforeAll(async () => {
      store = await harness.open();
    });
    afterAll(async () => {
      await store.close();
    });

    async function seed(collection: string): Promise<void> {
      await store.ensureCollection(collection, ['commune', 'group', 'dueOn', 'active']);
      const communes = ['xa-a', 'xa-b', 'xa-c'];
      await store.commit({
        writes: Array.from({ length: 30 }, (_, i) => ({
          collection,
          id: `case-${String(i).padStart(2, '0')}`,
          position: String(i + 1),
          doc: {
            commune: communes[i % 3],
            group: 'ABCD'[i % 4],
            dueOn: `2025-09-${String((i % 28) + 1).padStart(2, '0')}`,
            active: i % 5 !== 0,
            name: `Hồ sơ ${i}`,
          },
        })),
        state: state(`p_${collection}`, '30'),
      });
    }

    it('gets a document by id with the position it reflects, and null for none', async () => {
      const c = fresh();
      await seed(c);
      expect(await store.get(c, 'case-07')).toMatchObject({
        id: 'case-07',
        position: '8',
        doc: { commune: 'xa-b', group: 'D', name: 'Hồ sơ 7' },
      });
      expect(await store.get(c, 'case-99')).toBeNull();
    });

    it('finds by equality, sets and ranges on indexed fields, and counts the same', async () => {
      const c = fresh();
      await seed(c);
      const ids = async (where: Record<string, unknown>) =>
        (await store.find(c, { where: where as never, limit: 100 })).items.map((d) => d.id).sort();
      expect(await ids({ commune: 'xa-a', group: 'A' })).toEqual(['case-00', 'case-12', 'case-24']);
      expect((await ids({ group: { in: ['B', 'C'] } })).length).toBe(15);
      expect(await ids({ dueOn: { gte: '2025-09-27', lte: '2025-09-28' } })).toEqual(['case-26', 'case-27']);
      expect(await ids({ active: false })).toEqual([
        'case-00',
        'case-05',
        'case-10',
        'case-15',
        'case-20',
        'case-25',
      ]);
      expect(await store.count(c, { commune: 'xa-c' })).toBe(10);
      expect(await store.count(c)).toBe(30);
    });

    it('sorts and pages with a cursor, every item once', async () => {
      const c = fresh();
      await seed(c);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.find(c, {
          orderBy: { field: 'dueOn', direction: 'desc' },
          limit: 7,
          ...(cursor ? { cursor } : {}),
        });
        seen.push(...page.items.map((d) => `${String(d.doc.dueOn)}|${d.id}`));
        cursor = page.next ?? undefined;
      } while (cursor);
      expect(seen).toHaveLength(30);
      expect(new Set(seen).size).toBe(30);
      expect([...seen].sort().reverse()).toEqual(seen);
    });

    it('commits writes, deletions and the projection state together', async () => {
      const c = fresh();
      await seed(c);
      await store.commit({
        writes: [
          { collection: c, id: 'case-01', position: '31', doc: null },
          {
            collection: c,
            id: 'case-02',
            position: '31',
            doc: { commune: 'xa-z', group: 'A', dueOn: '2025-10-01', active: true, name: 'Đổi' },
          },
        ],
        state: state(`p_${c}`, '31'),
      });
      expect(await store.get(c, 'case-01')).toBeNull();
      expect(await store.get(c, 'case-02')).toMatchObject({ position: '31', doc: { commune: 'xa-z' } });
      expect(await store.readState(`p_${c}`)).toMatchObject({ position: '31', status: 'running' });
    });

    it('keeps Vietnamese text and nested values exactly, and drops a collection', async () => {
      const c = fresh();
      await store.ensureCollection(c, ['commune']);
      const doc = {
        commune: 'xã An Khánh',
        nested: { list: [1, 'hai', { ba: true }] },
        note: 'Nguyễn Thị Hồng'.normalize('NFD'),
      };
      await store.commit({
        writes: [{ collection: c, id: 'x', position: '1', doc }],
        state: state(`p_${c}`, '1'),
      });
      expect((await store.get(c, 'x'))?.doc).toEqual(doc);
      expect((await store.find(c, { where: { commune: 'xã An Khánh' } })).items).toHaveLength(1);
      await store.dropCollection(c);
      await store.ensureCollection(c, ['commune']);
      expect(await store.count(c)).toBe(0);
    });

    it('answers the same queries when its indexes were deferred and built after loading', async () => {
      const c = fresh();
      await store.ensureCollection(c, ['commune'], { deferIndexes: true });
      await store.commit({
        writes: [
          { collection: c, id: 'a', position: '1', doc: { commune: 'xa-a' } },
          { collection: c, id: 'b', position: '1', doc: { commune: 'xa-b' } },
        ],
        state: state(`p_${c}`, '1'),
      });
      await store.createIndexes(c);
      await store.createIndexes(c);
      expect((await store.find(c, { where: { commune: 'xa-b' } })).items.map((d) => d.id)).toEqual(['b']);
    });

    it('keeps strings that look like numbers as strings', async () => {
      const c = fresh();
      await store.ensureCollection(c, ['code']);
      await store.commit({
        writes: [
          { collection: c, id: 'a', position: '1', doc: { code: '007' } },
          { collection: c, id: 'b', position: '1', doc: { code: 7 } },
        ],
        state: state(`p_${c}`, '1'),
      });
      expect((await store.find(c, { where: { code: '007' } })).items.map((d) => d.id)).toEqual(['a']);
      expect((await store.find(c, { where: { code: 7 } })).items.map((d) => d.id)).toEqual(['b']);
    });

    it('records a failed state with the failing event, and reads back what it wrote', async () => {
      const failed: ProjectionState = {
        ...state(`p_${fresh()}`, '41'),
        status: 'failed',
        error: { message: 'boom', position: '42', eventId: 'e-42', type: 'VisitLogged' },
      };
      await store.writeState(failed);
      expect(await store.readState(failed.name)).toEqual(failed);
      expect(await store.readState('p_none')).toBeNull();
    });
  });
}
