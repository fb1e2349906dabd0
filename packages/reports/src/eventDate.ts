import type { RecordedEvent } from '@dacxa/event-store';
import { localDateAt } from '@dacxa/domain';

/**
 * The local day an event's act happened: `metadata.occurredOn` when the command said so (an act
 * entered late), else the day it was entered (Asia/Ho_Chi_Minh). Periods select on this day.
 */
export function eventDate(event: RecordedEvent): string {
  const said = event.metadata.occurredOn;
  return typeof said === 'string' ? said : localDateAt(event.occurredAt);
}
