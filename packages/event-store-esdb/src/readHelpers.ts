import {
  BACKWARDS,
  END,
  StreamNotFoundError,
  type EventStoreDBClient,
  type ReadStreamOptions,
} from '@eventstore/db-client';
import type { RecordedEvent } from '@dacxa/event-store';
import { toRecorded } from './mapEvents.js';

/** Reads one stream with EventStoreDB's options; a stream that does not exist reads as empty. */
export async function* readEsdbStream(
  client: EventStoreDBClient,
  stream: string,
  options: ReadStreamOptions,
): AsyncGenerator<RecordedEvent> {
  try {
    for await (const resolved of client.readStream(stream, options)) yield toRecorded(resolved);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return;
    throw error;
  }
}

/** The last `count` events of a stream, newest first. */
export async function readRecent(
  client: EventStoreDBClient,
  stream: string,
  count: number,
): Promise<RecordedEvent[]> {
  const recent: RecordedEvent[] = [];
  for await (const event of readEsdbStream(client, stream, {
    direction: BACKWARDS,
    fromRevision: END,
    maxCount: count,
  })) {
    recent.push(event);
  }
  return recent;
}
