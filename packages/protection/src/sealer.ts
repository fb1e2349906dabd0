import type { JsonValue, NewEvent, RecordedEvent } from '@dacxa/event-store';
import type { DataKeys, KeyLookup } from './dataKeys.js';
import { ErasedSubjectError, UnsealedPersonalDataError } from './errors.js';
import { personalFields, type PersonalField } from './personalFields.js';
import { ERASED, REDACTED, mayRead, type Access } from './policy.js';
import { isSealed, openValue, sealValue } from './sealValue.js';

type Visit = (value: unknown, path: string, field: PersonalField) => unknown;

/** Replaces every value at a field's path (every element for `[]`), copying only what it changes. */
function mapAt(
  data: unknown,
  path: readonly string[],
  at: string,
  field: PersonalField,
  visit: Visit,
): unknown {
  if (path.length === 0) return data === undefined ? data : visit(data, at, field);
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '[]')
    return Array.isArray(data) ? data.map((item, i) => mapAt(item, rest, `${at}.${i}`, field, visit)) : data;
  if (typeof data !== 'object' || data === null || !(head in data)) return data;
  const record = data as Record<string, unknown>;
  return { ...record, [head]: mapAt(record[head], rest, at ? `${at}.${head}` : head, field, visit) };
}

function eachField(fields: readonly PersonalField[], data: unknown, visit: Visit): unknown {
  return fields.reduce((out, field) => mapAt(out, field.path, '', field, visit), data);
}

/** The data subjects whose keys sealed an event's fields: usually one. */
function subjectsOf(fields: readonly PersonalField[], data: unknown): Set<string> {
  const subjects = new Set<string>();
  eachField(fields, data, (value) => {
    if (isSealed(value)) subjects.add(value.p);
    return value;
  });
  return subjects;
}

/** Seals events for the store and opens them for readers, by the domain's personal-field marks. */
export function createSealer(keys: DataKeys) {
  return {
    /** The erasures this process has made (DataKeys.erasures): opened data cached before is stale. */
    erasures: (): number => keys.erasures(),

    /** The event with every personal field sealed under its subject's key (metadata.subject). */
    async sealEvent(event: NewEvent): Promise<NewEvent> {
      const fields = personalFields(event.type, event.schemaVersion ?? 1);
      if (fields.length === 0) return event;
      // Malformed events pass through untouched: the inner store refuses them with its typed errors.
      const subject = (event.metadata as NewEvent['metadata'] | undefined)?.subject;
      let present = false;
      eachField(fields, event.data, (value) => {
        present = true;
        return value;
      });
      if (!present) return event;
      if (typeof subject !== 'string') throw new UnsealedPersonalDataError(event.type);
      const key = await keys.keyFor(subject);
      if (!key) throw new ErasedSubjectError(event.type);
      const data = eachField(fields, event.data, (value, path, field) =>
        sealValue(value as JsonValue, key, subject, event.type, path, field.category),
      );
      return { ...event, data: data as JsonValue };
    },

    /** The event as this reader may see it: fields opened, redacted, or marked erased. */
    async unsealEvent(event: RecordedEvent, access: Access): Promise<RecordedEvent> {
      const fields = personalFields(event.type, event.schemaVersion);
      if (fields.length === 0) return event;
      const found = new Map<string, KeyLookup>();
      if (fields.some((field) => mayRead(access, field.category))) {
        for (const subject of subjectsOf(fields, event.data)) found.set(subject, await keys.lookup(subject));
      }
      const data = eachField(fields, event.data, (value, path, field) => {
        if (!isSealed(value)) return value;
        if (!mayRead(access, field.category)) return REDACTED;
        const key = found.get(value.p);
        return key?.kind === 'key' ? openValue(value, key.key, event.type, path) : ERASED;
      });
      return { ...event, data: data as JsonValue };
    },
  };
}

/** The sealer. */
export type Sealer = ReturnType<typeof createSealer>;
