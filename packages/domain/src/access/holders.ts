/**
 * How a unit holds a record, as the access policy names it:
 * - `commune`: the commune whose case it is; `destination`: the commune a case was transferred to;
 * - `village`: the village of the person's residence (`unit` is the commune, `name` the village);
 * - `supervisor`: the person (user id) or organisation (unit code) assigned to help the person;
 * - `province`: the province whose amnesty work a round is; `facility`: the facility of a dossier;
 * - `issuer`, `channel`: who issued a plan and through whom it reports;
 * - `lead`, `coordinator`: who carries out a task;
 * - `reporter`, `recipient`: who owes a report and who asked for it;
 * - `body`, `addressee`: the oversight body and the unit its finding or recommendation is for;
 * - `unit`: a unit of the organisation tree that a change to the tree touches;
 * - `nation`: the whole country (the holiday calendar), over which only a national unit stands.
 */
export type HolderTag =
  | 'commune'
  | 'destination'
  | 'village'
  | 'supervisor'
  | 'province'
  | 'facility'
  | 'issuer'
  | 'channel'
  | 'lead'
  | 'coordinator'
  | 'reporter'
  | 'recipient'
  | 'body'
  | 'addressee'
  | 'unit'
  | 'nation';

export const HOLDER_TAGS: readonly HolderTag[] = [
  'commune',
  'destination',
  'village',
  'supervisor',
  'province',
  'facility',
  'issuer',
  'channel',
  'lead',
  'coordinator',
  'reporter',
  'recipient',
  'body',
  'addressee',
  'unit',
  'nation',
];

/**
 * The holder of what belongs to the whole country. No unit has this code (codes are lower case), so
 * only a national unit, which stands over every holder, stands over it.
 */
export const NATION = 'VN';

/** One holder of a record: a unit code (or a user id, for a supervisor) and how it holds the record. */
export interface Holder {
  tag: HolderTag;
  unit: string;
  /** The village's name, for `village` (addresses name villages, the tree codes them). */
  name?: string;
}

/** Every holder of a record; empty for a record that does not exist yet. */
export type Holders = readonly Holder[];

/** A holder, for the aggregates' `holders` declarations. */
export const held = (tag: HolderTag, unit: string, name?: string): Holder =>
  name === undefined ? { tag, unit } : { tag, unit, name };
