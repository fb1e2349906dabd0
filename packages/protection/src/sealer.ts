import type { JsonValue, NewEvent, RecordedEvent } from '@dacxa/event-store';
import type { DataKeys } from './dataKeys.js';
import { ErasedSubjectError, UnsealedPersonalDataError } from './errors.js';
import { personalFields, type PersonalField } from './personalFields.js';
import { ERASED, REDACTED, mayRead, type Access } from './policy.js';
import { isSealed, openValue, sealValue } from './sealValue.js';

type Visit = (value: unknown, path: string) => Promise<unknown>;

/** Replaces every value at a field's path (every element for `[]`), copying what it changes. */
async function mapAt(data: unknown, path: readonly string[], at: string, visit: Visit): Promise<unknown> {
  if (path.length === 0) return data === undefined ? data : visit(data, at);
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '[]') {
    if (!Array.isArray(data)) return data;
    return Promise.all(data.map((item, i) => mapAt(item, rest, `${at}.${i}`, visit)));
  }
  if (typeof data !== 'object' || data === null || !(head in data)) return data;
  const record = data as Record<string, unknown>;
  return { ...record, [head]: await mapAt(record[head], rest, at ? `${at}.${head}` : head, visit) };
}

async function eachField(
  fields: readonly PersonalField[],
  data: unknown,
  visit: (field: PersonalField) => Visit,
): Promise<unknown> {
  let out = data;
  for (const field of fields) out = await mapAt(out, field.path, '', visit(field));
  return out;
}

/** Seals events for the store and opens them for readers, by the domain's personal-field marks. */
export function createSealer(keys: DataKeys) {
  return {
    /** The event with every personal field sealed under its subject's key (metadata.subject). */
    async sealEvent(event: NewEvent): Promise<NewEvent> {
      const fields = personalFields(event.type, event.schemaVersion ?? 1);
      if (fields.length === 0) return event;
      // Malformed events pass through untouched: the inner store refuses them with its typed errors.
      const subject = (event.metadata as NewEvent['metadata'] | undefined)?.subject;
      let sealedAny = false;
      const data = await eachField(fields, event.data, () => async (value, path) => {
        if (typeof subject !== 'string') throw new UnsealedPersonalDataError(event.type);
        const key = await keys.keyFor(subject);
        sealedAny = true;
        if (!key) throw new ErasedSubjectError(event.type);
        return sealValue(value as JsonValue, key, subject, event.type, path);
      });
      return sealedAny ? { ...event, data: data as JsonValue } : event;
    },

    /** The event as this reader may see it: fields opened, redacted, or marked erased. */
    async unsealEvent(event: RecordedEvent, access: Access): Promise<RecordedEvent> {
      const fields = personalFields(event.type, event.schemaVersion);
      if (fields.length === 0) return event;
      const data = await eachField(fields, event.data, (field) => async (value, path) => {
        if (!isSealed(value)) return value;
        if (!mayRead(access, field.category)) return REDACTED;
        const found = await keys.lookup(value.p);
        return found.kind === 'key' ? openValue(value, found.key, event.type, path) : ERASED;
      });
      return { ...event, data: data as JsonValue };
    },
  };
}

/** The sealer. */
export type Sealer = ReturnType<typeof createSealer>;
