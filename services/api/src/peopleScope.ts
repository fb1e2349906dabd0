import { z } from 'zod';
import { loadAggregate } from '@dacxa/commands';
import {
  ACCESS_POLICY,
  AGGREGATES,
  UnreadableEventError,
  held,
  jurisdictionOf,
  localDateAt,
  permits,
  type Action,
  type Holder,
  type Holders,
  type OrgUnitsState,
} from '@dacxa/domain';
import type { EventStore } from '@dacxa/event-store';
import type { Sealer } from '@dacxa/protection';
import type { Caller } from './auth.js';
import { HttpProblem } from './problems.js';
import type { UnitScope } from './unitScope.js';

/** The person a rights route is about: a UUID, or 400 before anything is read. */
export const PersonParams = z.object({ personId: z.uuid() }).strict();

/** A person's records as the log has them: the streams about them and who holds those. */
export interface PersonRecords {
  personId: string;
  streams: string[];
  holders: Holders;
}

const notFound = () => new HttpProblem(404, 'ERR_NOT_FOUND', 'Không tìm thấy người này');

/**
 * The streams whose events name the person as their subject (cases, dossiers) and those records'
 * holders: where the person's rights are exercised. No record: 404, like a record of another unit.
 */
export async function personRecords(
  store: EventStore,
  sealer: Sealer,
  personId: string,
  tree: OrgUnitsState,
  now: Date,
): Promise<PersonRecords> {
  const streams = new Map<string, Set<string>>();
  for await (const event of store.readAll())
    if (event.metadata.subject === personId)
      (streams.get(event.stream) ?? streams.set(event.stream, new Set()).get(event.stream))?.add(
        event.metadata.unit,
      );
  if (streams.size === 0) throw notFound();
  const holders: Holder[] = [];
  for (const [stream, units] of streams)
    holders.push(...(await holdersOf(store, sealer, stream, units, tree, now)));
  return { personId, streams: [...streams.keys()], holders };
}

/**
 * A case's or dossier's holders, as its aggregate declares them. Once the person is erased their
 * events no longer parse (their personal values are gone), so the holders are then the areas of
 * the units that recorded the record's events: the commune (or facility) that kept it.
 */
async function holdersOf(
  store: EventStore,
  sealer: Sealer,
  stream: string,
  units: Set<string>,
  tree: OrgUnitsState,
  now: Date,
): Promise<Holders> {
  const tag = stream.startsWith('dossier-') ? 'facility' : 'commune';
  try {
    if (tag === 'facility')
      return AGGREGATES.dossier.holders(
        (await loadAggregate(store, sealer, AGGREGATES.dossier, stream)).state,
      );
    return AGGREGATES.case.holders((await loadAggregate(store, sealer, AGGREGATES.case, stream)).state);
  } catch (error) {
    if (!(error instanceof UnreadableEventError)) throw error;
    const date = localDateAt(now.toISOString());
    const areas = [...units].map((unit) => jurisdictionOf(tree, unit, date));
    return [...new Set(areas)].filter((a): a is string => a !== null).map((area) => held(tag, area));
  }
}

/** The person's records, with the tree as the caller's request sees it. */
export async function findPerson(
  options: { store: EventStore; sealer: Sealer; scope: UnitScope },
  caller: Caller,
  personId: string,
  now: Date,
): Promise<PersonRecords> {
  const { tree } = await options.scope.check(caller, now);
  return personRecords(options.store, options.sealer, personId, tree, now);
}

/** The units whose access logs hold reads of the person's records (the unit each read is listed by). */
export const holdingUnits = (records: PersonRecords): string[] => [
  ...new Set(
    records.holders.filter((h) => ['commune', 'destination', 'facility'].includes(h.tag)).map((h) => h.unit),
  ),
];

/**
 * Refuses unless the policy lets the caller take `action` on the person's rights: a role the
 * policy never grants is 403 (whoever the person is), a person outside the caller's area 404.
 */
export async function ensurePersonalData(
  scope: UnitScope,
  caller: Caller,
  action: Action,
  records: PersonRecords,
  now: Date,
): Promise<void> {
  if (!ACCESS_POLICY['personal-data'][action][caller.role])
    throw new HttpProblem(403, 'ERR_FORBIDDEN', 'Vai trò này không thực hiện quyền của chủ thể dữ liệu');
  const { tree, who } = await scope.check(caller, now);
  if (!permits(tree, who, 'personal-data', action, records.holders, localDateAt(now.toISOString())))
    throw notFound();
}

/** Whether the caller may list the person's reads: their rights handlers, or the oversight of their units. */
export async function mayListReads(scope: UnitScope, caller: Caller, records: PersonRecords, now: Date) {
  const { tree, who } = await scope.check(caller, now);
  const date = localDateAt(now.toISOString());
  if (permits(tree, who, 'personal-data', 'read', records.holders, date)) return true;
  return holdingUnits(records).some((unit) =>
    permits(tree, who, 'audit', 'read', [held('unit', unit)], date),
  );
}
