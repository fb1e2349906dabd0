import { LocalDate } from '@dacxa/domain';
import { unitRoot } from '@dacxa/read-models';
import type { EventStore } from '@dacxa/event-store';
import type { Access } from '@dacxa/protection';
import type { Caller } from './auth.js';

/** The stream of reads of one unit's records: what that unit's oversight bodies list. */
export const accessStream = (unit: string) => `access-${unitRoot(unit)}`;

/** A read as recorded; `embargoUntil` (a yyyy-mm-dd) marks a read under an investigation embargo. */
export interface ReadRecord {
  kind: 'history' | 'timeline' | 'view' | 'export';
  target: string;
  scopeUnit: string;
  embargoUntil?: string;
}

/**
 * Records a read of people's records (a history, a timeline, a case-file view) in the log before
 * the reply leaves: who, role, unit, what, and the purpose their role states. A read under an
 * investigation embargo carries its end in the metadata (RecordsRead's data is a fixed schema): a
 * person's read history withholds it, and says so, until that day has passed.
 */
export async function recordRead(
  store: EventStore,
  caller: Caller,
  access: Access,
  read: ReadRecord,
  now: Date,
): Promise<void> {
  await store.append(accessStream(read.scopeUnit), [
    {
      type: 'RecordsRead',
      data: {
        kind: read.kind,
        target: read.target,
        scopeUnit: unitRoot(read.scopeUnit),
        purpose: access.purpose,
        readAt: now.toISOString(),
      },
      metadata: {
        actor: caller.actor,
        role: caller.role,
        unit: caller.unit,
        ...(read.embargoUntil ? { embargoUntil: LocalDate.parse(read.embargoUntil) } : {}),
      },
    },
  ]);
}
