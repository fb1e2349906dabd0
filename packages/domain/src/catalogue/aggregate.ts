import type { Holders } from '../access/holders.js';
import type { RecordKind } from '../access/policy.js';
import type { Command, CommandDefinition } from '../shared/command.js';
import type { DomainEvent, Labels } from '../shared/defineEvent.js';

/** Another aggregate as the handler read it for a decision: its stream, the revision read and its state. */
export interface Loaded<S> {
  stream: string;
  /** The last revision read; null when the stream does not exist. */
  revision: number | null;
  state: S;
}

/**
 * How a decider's context reaches the log without the domain doing I/O: the handler passes a
 * loader, the aggregate asks it for the streams whose facts its rules rest on, and the handler
 * records each stream and revision read in the events it appends (`metadata.restsOn`).
 */
export interface ContextLoader<States> {
  load<K extends keyof States & string>(kind: K, id: string): Promise<Loaded<States[K]>>;
  /**
   * The amnesty grants the log records for a person, in every round and province (LĐX 12(4)): no
   * one stream lists them, so the handler answers from a view of the dossiers granted (a GRANTED
   * outcome on a dossier whose petition names the person, dated by its round's grant decision)
   * and records in `restsOn` what it answered from.
   */
  grantsOf(personId: string): Promise<readonly PersonGrant[]>;
  /**
   * One event of a record, as stored at a revision (opened for processing), or null: what a
   * correction names. The stream and revision go in `restsOn` like a loaded state.
   */
  eventAt?(kind: keyof States & string, id: string, revision: number): Promise<StoredEventView | null>;
}

/** An event as a context sees it: its type, the version of its shape and its data. */
export interface StoredEventView {
  type: string;
  version: number;
  data: unknown;
}

/** One earlier grant of amnesty to a person, as `ContextLoader.grantsOf` answers it. */
export interface PersonGrant {
  roundId: string;
  dossierId: string;
  /** The day the grant decision took effect (`AmnestyGrantDecisionIssued.effectiveFrom`). */
  grantedOn: string;
}

/**
 * One kind of aggregate, as a service runs it: its stream, commands, the context its decider needs,
 * the decider and fold, whose data it carries and which units hold it.
 */
export interface Aggregate<C extends Command, E extends DomainEvent, S, X, States = unknown> {
  kind: string;
  label: Labels;
  /** The field of a command's data naming the aggregate, checked against the id in the address. */
  idField: string | null;
  commands: readonly CommandDefinition[];
  initial: S;
  /**
   * The facts recorded elsewhere (a round's parameters, a transfer's origin case, a plan) that the
   * decider rests on, loaded through the handler; absent when the stream's own state is enough.
   */
  context?(command: C, state: S, loader: ContextLoader<States>): Promise<X>;
  decide(command: C, state: S, context: X): E[];
  evolve(state: S, event: E): S;
  /** Whose personal data the stream's events carry (their sealing key), if anyone's. */
  subject(command: C, state: S): string | undefined;
  /** The units that hold the record, each by its relation to it; the access policy decides from these. */
  holders(state: S): Holders;
  /** Units a command touches beyond the record's holders (a change to the unit tree), checked for writes. */
  touches?(command: C, state: S): Holders;
  /** Whether the command founds the record with no one yet above it (the unit tree's first unit). */
  founds?(command: C, state: S, unit: string): boolean;
  /**
   * The kind of record the policy decides on, when not the aggregate's own: a correction is
   * decided as a write to (and a read of) the record it corrects.
   */
  recordKind?(state: S): RecordKind | null;
}
