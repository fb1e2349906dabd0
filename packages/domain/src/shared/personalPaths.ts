import { z } from 'zod';

interface JsonSchemaNode {
  personal?: boolean;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
}

/**
 * The paths of a schema's personal fields (marked with `personal()`), `[]` standing for every
 * element of an array: what the sealer seals, and what a correction may never restate in clear.
 */
export function personalPathsOf(schema: z.ZodType): string[][] {
  const out: string[][] = [];
  const walk = (node: JsonSchemaNode, path: string[]) => {
    if (node.personal) {
      out.push(path);
      return;
    }
    for (const [name, child] of Object.entries(node.properties ?? {})) walk(child, [...path, name]);
    if (node.items) walk(node.items, [...path, '[]']);
    for (const branch of node.anyOf ?? []) walk(branch, path);
  };
  walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode, []);
  return out;
}
