import type { $ZodType, JSONSchema } from 'zod/v4/core';

/** JSON Schema 2020-12's keywords and OpenAPI 3.1's additions: everything else in a schema is ours. */
const KEYWORDS = new Set([
  ...['$schema', '$id', 'id', '$ref', '$defs', '$comment', '$anchor', '$dynamicRef', '$dynamicAnchor'],
  ...['type', 'enum', 'const', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum'],
  ...['maxLength', 'minLength', 'pattern', 'format', 'contentEncoding', 'contentMediaType', 'contentSchema'],
  ...[
    'maxItems',
    'minItems',
    'uniqueItems',
    'maxContains',
    'minContains',
    'items',
    'prefixItems',
    'contains',
  ],
  ...['unevaluatedItems', 'maxProperties', 'minProperties', 'required', 'dependentRequired', 'properties'],
  ...['patternProperties', 'additionalProperties', 'propertyNames', 'unevaluatedProperties'],
  ...['dependentSchemas', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else'],
  ...['title', 'description', 'default', 'deprecated', 'readOnly', 'writeOnly', 'examples'],
  ...['discriminator', 'xml', 'externalDocs', 'example'],
]);

interface OverrideContext {
  zodSchema: $ZodType;
  jsonSchema: JSONSchema.BaseSchema;
}

/**
 * How a zod schema reads in the document. zod copies every `.meta()` key into the schema it emits;
 * the domain's own (`personal`, `category`) are not JSON Schema, and OpenAPI allows extensions only
 * as `x-…`, so each such key is kept under its `x-` name. A recursive schema (the domain's
 * `z.json()` in corrections) would be a `$ref` to a definition the type provider does not emit:
 * it is any JSON value. This replaces the type provider's default override, whose one rule that
 * matters here (no empty branch in a union: unrepresentable members) is kept.
 */
export function schemaOverride({ zodSchema, jsonSchema }: OverrideContext): void {
  const schema = jsonSchema as Record<string, unknown>;
  const def = zodSchema._zod.def as { type: string; shape?: Record<string, $ZodType> };
  const properties = schema.properties as Record<string, unknown> | undefined;
  for (const [key, field] of Object.entries(def.shape ?? {}))
    if (field._zod.def.type === 'lazy' && properties?.[key])
      properties[key] = { description: 'any JSON value' };
  if (Array.isArray(schema.anyOf))
    schema.anyOf = (schema.anyOf as object[]).filter((branch) => Object.keys(branch).length > 0);
  for (const key of Object.keys(schema)) {
    if (KEYWORDS.has(key) || key.startsWith('x-')) continue;
    schema[`x-${key}`] = schema[key];
    delete schema[key];
  }
}
