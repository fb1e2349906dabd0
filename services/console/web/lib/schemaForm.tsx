import { getJson } from './api.js';
import { DateInput } from './DateInput.js';

/** The part of JSON Schema the command bodies use (generated from the domain's zod schemas). */
export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: string[];
  items?: Schema;
  pattern?: string;
  maxLength?: number;
  description?: string;
  anyOf?: Schema[];
}

let document: Promise<{
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>;
}> | null = null;

/** A command's body schema, from the service's own OpenAPI document. */
export async function commandSchema(aggregate: string, type: string): Promise<Schema | null> {
  document ??= getJson('/docs/openapi.json');
  const op = (await document).paths[`/${aggregate}/{id}/commands/${type}`]?.post;
  return op?.requestBody?.content['application/json']?.schema ?? null;
}

type Value = unknown;

/** Vietnamese names of the fields the commune's forms ask for most (else the schema's description). */
const FIELD_LABELS: Record<string, string> = {
  group: 'Nhóm',
  quarter: 'Quý (YYYY-Qn, ví dụ 2025-Q3)',
  classifiedOn: 'Ngày phân loại',
  on: 'Ngày',
  mode: 'Hình thức',
  topics: 'Nội dung',
  document: 'Văn bản',
  number: 'Số, ký hiệu',
  date: 'Ngày văn bản',
  issuer: 'Cơ quan ban hành',
  form: 'Biểu mẫu',
  reason: 'Lý do',
  note: 'Ghi chú',
};
const isDay = (s: Schema) => s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}') ?? false;
const typeOf = (s: Schema) =>
  (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type) ?? (s.enum ? 'string' : 'object');

/** The fields of a schema as form controls, every one labelled; `path` names them uniquely. */
export function Fields({
  schema,
  path,
  value,
  onChange,
}: {
  schema: Schema;
  path: string;
  value: Value;
  onChange: (v: Value) => void;
}) {
  const props = schema.properties ?? {};
  const obj = (value ?? {}) as Record<string, Value>;
  return (
    <>
      {Object.entries(props).map(([name, s]) => {
        const id = `${path}.${name}`;
        const required = schema.required?.includes(name) ?? false;
        const label = `${FIELD_LABELS[name] ?? s.description ?? name}${isDay(s) ? ' (dd/mm/yyyy)' : ''}${required ? ' (bắt buộc)' : ''}`;
        const set = (v: Value) => onChange({ ...obj, [name]: v });
        const t = typeOf(s.anyOf?.[0] ?? s);
        const inner = s.anyOf?.[0] ?? s;
        if (t === 'object')
          return (
            <fieldset key={id}>
              <legend>{label}</legend>
              <Fields schema={inner} path={id} value={obj[name]} onChange={set} />
            </fieldset>
          );
        if (t === 'array' && inner.items?.enum)
          return (
            <fieldset key={id}>
              <legend>{label}</legend>
              {inner.items.enum.map((option) => {
                const list = (obj[name] as string[] | undefined) ?? [];
                return (
                  <label key={option} class="check">
                    <input
                      type="checkbox"
                      checked={list.includes(option)}
                      onChange={(e) =>
                        set(e.currentTarget.checked ? [...list, option] : list.filter((o) => o !== option))
                      }
                    />{' '}
                    {option}
                  </label>
                );
              })}
            </fieldset>
          );
        if (t === 'boolean')
          return (
            <label key={id} class="check">
              <input
                type="checkbox"
                checked={obj[name] === true}
                onChange={(e) => set(e.currentTarget.checked)}
              />{' '}
              {label}
            </label>
          );
        const input = inner.enum ? (
          <select
            id={id}
            required={required}
            value={(obj[name] as string | undefined) ?? ''}
            onChange={(e) => set(e.currentTarget.value || undefined)}
          >
            <option value="">—</option>
            {inner.enum.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        ) : (inner.maxLength ?? 0) > 200 ? (
          <textarea
            id={id}
            required={required}
            value={(obj[name] as string | undefined) ?? ''}
            onInput={(e) => set(e.currentTarget.value || undefined)}
          />
        ) : isDay(inner) ? (
          <DateInput
            id={id}
            required={required}
            value={(obj[name] as string | undefined) ?? ''}
            onChange={(day) => set(day || undefined)}
          />
        ) : t === 'integer' || t === 'number' ? (
          <input
            id={id}
            required={required}
            type="number"
            value={(obj[name] as number | undefined) ?? ''}
            onInput={(e) => set(e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value))}
          />
        ) : (
          <input
            id={id}
            required={required}
            type="text"
            value={(obj[name] as string | undefined) ?? ''}
            onInput={(e) => set(e.currentTarget.value || undefined)}
          />
        );
        return (
          <div class="field" key={id}>
            <label for={id}>{label}</label>
            {input}
          </div>
        );
      })}
    </>
  );
}
