import type { CommandMeta } from '@dacxa/domain';
import type { EventStore } from '@dacxa/event-store';
import type { DataKeys } from './dataKeys.js';
import { RightsError } from './errors.js';
import { erasePersonalData } from './personalData.js';
import {
  ErasureRequestApproved,
  ErasureRequested,
  RIGHTS_EVENT_TYPES,
  rightsStream,
} from './rightsEvents.js';

/** One erasure request as the log has it: who proposed it, and whether it was approved. */
export interface ErasureRequest extends ErasureRequested {
  proposedBy: { actor: string; role: string; unit: string };
  approved: (ErasureRequestApproved & { approvedBy: { actor: string; role: string; unit: string } }) | null;
}

const who = (metadata: { actor: string; role: string; unit: string }) => ({
  actor: metadata.actor,
  role: metadata.role,
  unit: metadata.unit,
});

/** Every erasure request about the person, oldest first, and the stream's last revision. */
export async function erasureRequests(
  store: EventStore,
  personId: string,
): Promise<{ requests: ErasureRequest[]; revision: number | null }> {
  const byId = new Map<string, ErasureRequest>();
  let revision: number | null = null;
  for await (const event of store.readStream(rightsStream(personId))) {
    revision = event.revision;
    if (event.type === RIGHTS_EVENT_TYPES.erasureRequested) {
      const data = ErasureRequested.parse(event.data);
      byId.set(data.requestId, { ...data, proposedBy: who(event.metadata), approved: null });
    } else if (event.type === RIGHTS_EVENT_TYPES.erasureRequestApproved) {
      const data = ErasureRequestApproved.parse(event.data);
      const request = byId.get(data.requestId);
      if (request) request.approved = { ...data, approvedBy: who(event.metadata) };
    }
  }
  return { requests: [...byId.values()], revision };
}

const metadataOf = (meta: CommandMeta) => ({ actor: meta.actor, role: meta.role, unit: meta.unit });

/** Records a proposed erasure (the first pair of eyes); nothing is erased yet. */
export async function proposeErasure(
  store: EventStore,
  keys: DataKeys,
  request: ErasureRequested,
  meta: CommandMeta,
): Promise<void> {
  const data = ErasureRequested.parse(request);
  if ((await keys.lookup(data.personId)).kind === 'erased')
    throw new RightsError('ERR_SUBJECT_ALREADY_ERASED');
  const { requests, revision } = await erasureRequests(store, data.personId);
  if (requests.some((r) => r.requestId === data.requestId))
    throw new RightsError('ERR_ERASURE_REQUEST_DECIDED');
  await store.append(
    rightsStream(data.personId),
    [{ type: RIGHTS_EVENT_TYPES.erasureRequested, data, metadata: metadataOf(meta) }],
    { expectedRevision: revision ?? 'no_stream' },
  );
}

/**
 * The second pair of eyes: someone other than the proposer approves, the approval is recorded,
 * then `erasePersonalData` records `PersonalDataErased` and destroys the key. An approval recorded
 * whose erasure did not happen (a crash between) is carried out when approved again.
 */
export async function approveErasure(
  store: EventStore,
  keys: DataKeys,
  request: ErasureRequestApproved,
  meta: CommandMeta,
): Promise<ErasureRequest> {
  const data = ErasureRequestApproved.parse(request);
  const { requests, revision } = await erasureRequests(store, data.personId);
  const found = requests.find((r) => r.requestId === data.requestId);
  if (!found) throw new RightsError('ERR_ERASURE_REQUEST_NOT_FOUND');
  if (found.proposedBy.actor === meta.actor) throw new RightsError('ERR_FOUR_EYES');
  const erased = (await keys.lookup(data.personId)).kind === 'erased';
  if (erased)
    throw new RightsError(found.approved ? 'ERR_ERASURE_REQUEST_DECIDED' : 'ERR_SUBJECT_ALREADY_ERASED');
  if (!found.approved) {
    await store.append(
      rightsStream(data.personId),
      [{ type: RIGHTS_EVENT_TYPES.erasureRequestApproved, data, metadata: metadataOf(meta) }],
      { expectedRevision: revision ?? 'no_stream' },
    );
  }
  await erasePersonalData(
    store,
    keys,
    {
      personId: found.personId,
      reason: found.reason,
      legalBasis: found.legalBasis,
      order: found.document,
      erasedOn: found.approved?.approvedOn ?? data.approvedOn,
    },
    meta,
  );
  return { ...found, approved: found.approved ?? { ...data, approvedBy: metadataOf(meta) } };
}
