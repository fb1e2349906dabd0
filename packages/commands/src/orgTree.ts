import {
  evolveOrgUnits,
  initialOrgUnitsState,
  readStoredEvent,
  type OrgUnitEvent,
  type OrgUnitsState,
} from '@dacxa/domain';
import type { EventStore } from '@dacxa/event-store';

/** The stream of the organisation-unit tree (AGGREGATES['org-units'] under its one id). */
export const ORG_UNITS_ID = 'registry';
export const ORG_UNITS_STREAM = `org-units-${ORG_UNITS_ID}`;

/** The unit tree as the log has it now, re-read only when its stream has moved on. */
export interface OrgTree {
  current(): Promise<OrgUnitsState>;
}

const isOrgUnitEvent = (event: { type: string }): event is OrgUnitEvent =>
  [
    'OrgUnitEstablished',
    'OrgUnitRenamed',
    'OrgUnitReparented',
    'OrgUnitsMerged',
    'OrgUnitDissolved',
  ].includes(event.type);

/** The tree read from its stream; it changes rarely, so its head revision decides whether to re-read. */
export function createOrgTree(store: EventStore): OrgTree {
  let tree: OrgUnitsState = initialOrgUnitsState;
  let revision: number | null = null;
  let reading: Promise<OrgUnitsState> | null = null;

  async function read(head: number | null): Promise<OrgUnitsState> {
    let next = initialOrgUnitsState;
    for await (const stored of store.readStream(ORG_UNITS_STREAM)) {
      const event = readStoredEvent(stored);
      if (isOrgUnitEvent(event)) next = evolveOrgUnits(next, event);
    }
    tree = next;
    revision = head;
    return tree;
  }

  return {
    async current() {
      const head = await store.headRevision(ORG_UNITS_STREAM);
      if (head === revision) return tree;
      // One re-read at a time: concurrent requests after a change share it.
      reading ??= read(head).finally(() => (reading = null));
      return reading;
    },
  };
}
