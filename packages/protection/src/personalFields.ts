import { ALL_EVENTS, LEGACY_SCHEMAS, personalFieldsOf, type PersonalField } from '@dacxa/domain';

/** Where the sealer finds each event type's personal fields: the domain's own schemas say. */
export type { PersonalField };

const current = new Map(ALL_EVENTS.map((e) => [`${e.type}@${e.version}`, personalFieldsOf(e.schema)]));
const legacy = new Map(
  Object.entries(LEGACY_SCHEMAS).map(([key, schema]) => [key, personalFieldsOf(schema)]),
);

/** The personal fields of an event type at a stored version; none for types the domain does not know. */
export function personalFields(type: string, version: number): readonly PersonalField[] {
  return current.get(`${type}@${version}`) ?? legacy.get(`${type}@${version}`) ?? [];
}
