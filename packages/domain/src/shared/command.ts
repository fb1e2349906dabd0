import { z } from 'zod';
import type { Labels } from './defineEvent.js';
import { Instant } from './localDate.js';
import { Role } from './roles.js';

/** Who issues a command, for which unit, and when: time comes in, the domain never reads a clock. */
export const CommandMeta = z.object({
  actor: z.string().min(1),
  role: Role,
  /** The organisation unit the actor acts for: a commune code, a procuracy's code, … */
  unit: z.string().min(1),
  /** The instant the command was issued (ISO 8601). */
  now: Instant,
  commandId: z.string().optional(),
});
export type CommandMeta = z.infer<typeof CommandMeta>;

/** The one declaration of a command type. */
export interface CommandDefinition<T extends string = string, S extends z.ZodType = z.ZodType> {
  type: T;
  schema: S;
  label: Labels;
}

/** Declares a command type. */
export function defineCommand<const T extends string, S extends z.ZodType>(
  definition: CommandDefinition<T, S>,
): CommandDefinition<T, S> {
  return definition;
}

/** A command as deciders take it. */
export interface Command<T extends string = string, D = unknown> {
  type: T;
  data: D;
  meta: CommandMeta;
}

/** The command type a definition declares. */
export type CommandOf<C> = C extends CommandDefinition<infer T, infer S> ? Command<T, z.infer<S>> : never;
