import type { z } from 'zod';
import type { LegalRef } from './legalBasis.js';
import type { Role } from './roles.js';

/** Vietnamese and English names for something a person reads. */
export interface Labels {
  vi: string;
  en: string;
}

/** The one declaration of an event type: everything else (types, validation, docs, export) derives from it. */
export interface EventDefinition<T extends string = string, S extends z.ZodType = z.ZodType> {
  /** The stored name: never changes once shipped. */
  type: T;
  /** The current version of `data`'s shape; older stored versions are upcast on read. */
  version: number;
  schema: S;
  label: Labels;
  /** The aggregate whose stream holds it. */
  aggregate: string;
  /** The roles whose commands may produce it (the system role for timers). */
  emittedBy: readonly Role[];
  basis: readonly LegalRef[];
}

/** Declares an event type. */
export function defineEvent<const T extends string, S extends z.ZodType>(
  definition: EventDefinition<T, S>,
): EventDefinition<T, S> {
  return definition;
}

/** An event as deciders produce and evolvers consume it. */
export interface DomainEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
}

/** The event type a definition declares. */
export type EventOf<E> = E extends EventDefinition<infer T, infer S> ? DomainEvent<T, z.infer<S>> : never;

/** Builds a typed event from its definition, so a decider cannot emit a misspelt type. */
export function eventOf<T extends string, S extends z.ZodType>(
  definition: EventDefinition<T, S>,
  data: z.infer<S>,
): DomainEvent<T, z.infer<S>> {
  return { type: definition.type, data };
}
