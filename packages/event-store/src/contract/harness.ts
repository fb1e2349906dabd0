import { randomBytes } from 'node:crypto';
import type { EventStore, NewEvent, RecordedEvent } from '../types.js';

/** How the contract suite gets stores from an adapter. */
export interface ContractHarness {
  /** Opens a store. The suite closes every store it opens. Stores may share data between calls. */
  open(): Promise<EventStore>;
  /** The adapter's limit on one event's data, in bytes; 1 MiB unless the adapter was set otherwise. */
  maxEventBytes?: number;
}

/** A token unique to one test, so tests can share a store (and a container) without seeing each other. */
export function uniqueToken(): string {
  return randomBytes(6).toString('hex');
}

/** A valid event whose data says where it came from. */
export function anEvent(n: number, extra: Partial<NewEvent> = {}): NewEvent {
  return {
    type: 'VisitLogged',
    data: { n, note: `lần thăm ${n}` },
    metadata: { actor: 'user-1', role: 'commune-police', unit: 'xa-an-khanh' },
    ...extra,
  };
}

/** `count` valid events numbered from `start`. */
export function someEvents(count: number, start = 0): NewEvent[] {
  return Array.from({ length: count }, (_, i) => anEvent(start + i));
}

/** Drains an async iterable into an array. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** The events of the whole log that belong to streams whose name contains `token`. */
export async function readAllOf(store: EventStore, token: string): Promise<RecordedEvent[]> {
  return (await collect(store.readAll())).filter((e) => e.stream.includes(token));
}
