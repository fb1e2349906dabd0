import { z } from 'zod';
import { ALL_EVENTS, LEGACY_SCHEMAS, type PersonalCategory } from '@dacxa/domain';

/** A personal field of an event type: where it is (`[]` stands for every element) and its category. */
export interface PersonalField {
  path: readonly string[];
  category: PersonalCategory;
}

interface JsonSchemaNode {
  personal?: boolean;
  category?: PersonalCategory;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
}

function walk(node: JsonSchemaNode, path: string[], out: PersonalField[]): void {
  if (node.personal) {
    out.push({ path, category: node.category ?? 'identity' });
    return;
  }
  for (const [name, child] of Object.entries(node.properties ?? {})) walk(child, [...path, name], out);
  if (node.items) walk(node.items, [...path, '[]'], out);
  for (const branch of node.anyOf ?? []) walk(branch, path, out);
}

function fieldsOf(schema: z.ZodType): PersonalField[] {
  const out: PersonalField[] = [];
  walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode, [], out);
  return out;
}

const current = new Map(ALL_EVENTS.map((e) => [`${e.type}@${e.version}`, fieldsOf(e.schema)]));
const legacy = new Map(Object.entries(LEGACY_SCHEMAS).map(([key, schema]) => [key, fieldsOf(schema)]));

/** The personal fields of an event type at a stored version; none for types the domain does not know. */
export function personalFields(type: string, version: number): readonly PersonalField[] {
  return current.get(`${type}@${version}`) ?? legacy.get(`${type}@${version}`) ?? [];
}
