import type { EventMetadata, EventStore } from '@dacxa/event-store';
import type { DataKeys } from './dataKeys.js';
import {
  MASTER_KEY_STREAM,
  MasterKeyRotated,
  MasterKeyRotationStarted,
  RIGHTS_EVENT_TYPES,
} from './rightsEvents.js';

/** What a rotation did: how many data keys it re-wrapped, and whether it finished an earlier run. */
export interface RotationResult {
  rewrapped: number;
  resumed: boolean;
}

/** Whether the log holds a rotation to `toKeyId` begun and never ended (an interrupted run). */
async function begunAndNotEnded(store: EventStore, toKeyId: string): Promise<boolean> {
  let open = false;
  for await (const event of store.readStream(MASTER_KEY_STREAM)) {
    if (event.type === RIGHTS_EVENT_TYPES.masterKeyRotationStarted)
      open = MasterKeyRotationStarted.parse(event.data).toKeyId === toKeyId;
    else if (event.type === RIGHTS_EVENT_TYPES.masterKeyRotated) open = false;
  }
  return open;
}

/**
 * Re-wraps every data key under the master key `keys` now wraps with (`toKeyId`), recorded in the
 * log: `MasterKeyRotationStarted` before the first key, `MasterKeyRotated` after the canary. An
 * interrupted run leaves the first without the second; running again re-wraps what is left.
 */
export async function rotateMasterKey(
  store: EventStore,
  keys: DataKeys,
  request: { toKeyId: string; metadata: EventMetadata; now: () => Date },
  onProgress?: (done: number, total: number) => void,
): Promise<RotationResult> {
  const { toKeyId, metadata, now } = request;
  const resumed = await begunAndNotEnded(store, toKeyId);
  if (!resumed) {
    const data = MasterKeyRotationStarted.parse({ toKeyId, startedAt: now().toISOString() });
    await store.append(MASTER_KEY_STREAM, [
      { type: RIGHTS_EVENT_TYPES.masterKeyRotationStarted, data, metadata },
    ]);
  }
  const { rewrapped } = await keys.rotate(onProgress);
  const data = MasterKeyRotated.parse({ toKeyId, rewrapped, completedAt: now().toISOString() });
  await store.append(MASTER_KEY_STREAM, [{ type: RIGHTS_EVENT_TYPES.masterKeyRotated, data, metadata }]);
  return { rewrapped, resumed };
}
