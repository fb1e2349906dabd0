import { createGrantIndex, createOrgTree, markerHandler } from '@dacxa/commands';
import type { MarkerHandler, Stores } from '@dacxa/runtime';

/** The deadline markers sent through the one command handler, as `dacxa serve` sends them. */
export function projectorMarkerHandler(stores: Stores): MarkerHandler {
  const { store, sealer } = stores;
  return markerHandler({ store, sealer, tree: createOrgTree(store), grants: createGrantIndex(store) });
}
