import { z } from 'zod';
import type { PersonalCategory } from './personal.js';

interface JsonSchemaNode {
  personal?: boolean;
  category?: PersonalCategory;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
}

/** A personal field of a schema: where it is (`[]` stands for every element) and its category. */
export interface PersonalField {
  path: readonly string[];
  category: PersonalCategory;
}

/**
 * The personal fields of a schema (marked with `personal()`): what the sealer seals, and what a
 * correction may never restate in clear.
 */
export function personalFieldsOf(schema: z.ZodType): PersonalField[] {
  const out: PersonalField[] = [];
  const walk = (node: JsonSchemaNode, path: string[]) => {
    if (node.personal) {
      out.push({ path, category: node.category ?? 'identity' });
      return;
    }
    for (const [name, child] of Object.entries(node.properties ?? {})) walk(child, [...path, name]);
    if (node.items) walk(node.items, [...path, '[]']);
    for (const branch of node.anyOf ?? []) walk(branch, path);
  };
  walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode, []);
  return out;
}

/** The paths alone. */
export const personalPathsOf = (schema: z.ZodType): string[][] =>
  personalFieldsOf(schema).map((f) => [...f.path]);
