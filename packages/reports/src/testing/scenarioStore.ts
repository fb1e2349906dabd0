import { AGGREGATES, type AggregateKind, type Command, type DomainEvent } from '@dacxa/domain';
import {
  AN_KHANH,
  OTHER_COMMUNE,
  OTHER_PROVINCE,
  runAnKhanh,
  runOtherProvince,
  type ScenarioRunner,
} from '@dacxa/domain/scenarios';
import { playRound2024, ROUND_UNITS } from './roundSeed.js';
import { getInMemoryEventStore, type EventStore } from '@dacxa/event-store';

interface Fold {
  initial: unknown;
  evolve(state: unknown, event: DomainEvent): unknown;
  context?(command: Command, state: unknown, loader: unknown): Promise<unknown>;
  decide(command: Command, state: unknown, context: unknown): DomainEvent[];
}
const FOLDS = AGGREGATES as unknown as Record<AggregateKind, Fold>;

/** The units of the test tree: two communes and a ward of Hải Phòng, and a commune of another province. */
const UNITS = [
  { code: 'tp-hai-phong', kind: 'PROVINCE', name: 'Thành phố Hải Phòng', parent: null },
  { code: AN_KHANH, kind: 'COMMUNE', name: 'Xã An Khánh', parent: 'tp-hai-phong' },
  { code: `${AN_KHANH}/cong-an`, kind: 'POLICE', name: 'Công an xã An Khánh', parent: AN_KHANH },
  { code: `${AN_KHANH}/van-hoa-xa-hoi`, kind: 'OFFICE', name: 'Phòng Văn hóa – Xã hội', parent: AN_KHANH },
  { code: `${AN_KHANH}/kinh-te`, kind: 'OFFICE', name: 'Phòng Kinh tế', parent: AN_KHANH },
  {
    code: `${AN_KHANH}/trung-tam-su-nghiep-cong`,
    kind: 'OFFICE',
    name: 'Trung tâm sự nghiệp công',
    parent: AN_KHANH,
  },
  { code: `${AN_KHANH}/mat-tran`, kind: 'FRONT', name: 'Ủy ban MTTQ Việt Nam xã An Khánh', parent: AN_KHANH },
  { code: `${AN_KHANH}/thon`, kind: 'OFFICE', name: 'Trưởng các thôn', parent: AN_KHANH },
  { code: 'phuong-le-chan', kind: 'WARD', name: 'Phường Lê Chân', parent: 'tp-hai-phong' },
  { code: OTHER_PROVINCE, kind: 'PROVINCE', name: 'Tỉnh Quảng Ninh', parent: null },
  { code: OTHER_COMMUNE, kind: 'COMMUNE', name: 'Xã Thí Điểm (giả định)', parent: OTHER_PROVINCE },
] as const;

async function read(store: EventStore, stream: string): Promise<DomainEvent[]> {
  const events: DomainEvent[] = [];
  for await (const e of store.readStream(stream)) events.push({ type: e.type, data: e.data });
  return events;
}

async function stateOf(
  store: EventStore,
  kind: AggregateKind,
  id: string,
): Promise<{ state: unknown; revision: number | null }> {
  const events = await read(store, `${kind}-${id}`);
  const fold = FOLDS[kind];
  return {
    state: events.reduce((state, event) => fold.evolve(state, event), fold.initial),
    revision: events.length === 0 ? null : events.length - 1,
  };
}

/** A scenario runner that decides with the domain's aggregates and appends to `store`, as the handler would. */
export function storeRunner(store: EventStore): ScenarioRunner {
  const loader = {
    load: async (kind: AggregateKind, id: string) => ({
      stream: `${kind}-${id}`,
      ...(await stateOf(store, kind, id)),
    }),
    grantsOf: async () => [],
  };
  return {
    async run(kind, id, command) {
      const fold = FOLDS[kind];
      const { state } = await stateOf(store, kind, id);
      const cmd = command as unknown as Command;
      const context = fold.context ? await fold.context(cmd, state, loader) : undefined;
      const events = fold.decide(cmd, state, context);
      const { actor, role, unit, now } = cmd.meta;
      await store.append(
        `${kind}-${id}`,
        events.map((e) => ({
          type: e.type,
          data: e.data as never,
          metadata: { actor, role, unit },
          occurredAt: now,
        })),
      );
      return events;
    },
    state: async (kind, id) => (await stateOf(store, kind, id)).state as never,
  };
}

/**
 * An in-memory log with the test tree, An Khánh's plan 13/KH-UBND played out, and the other
 * province's cases; with `round2024`, also Hải Phòng's 2024 round and its province's bodies.
 */
export async function scenarioStore(
  options: { people?: number; round2024?: boolean } = {},
): Promise<EventStore> {
  const store = getInMemoryEventStore();
  await store.append(
    'org-units-test',
    [...UNITS, ...(options.round2024 ? ROUND_UNITS : [])].map((data) => ({
      type: 'OrgUnitEstablished',
      data: { ...data, effectiveFrom: '2024-01-01' },
      metadata: { actor: 'u-admin', role: 'admin', unit: 'tp-hai-phong' },
    })),
  );
  const runner = storeRunner(store);
  await runAnKhanh(runner, { people: options.people ?? 12 });
  await runOtherProvince(runner);
  if (options.round2024) await playRound2024(runner);
  return store;
}
