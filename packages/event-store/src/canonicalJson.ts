import { configure } from 'safe-stable-stringify';

// Deterministic mode sorts keys by UTF-16 code units and serialises strings and numbers exactly as
// JSON.stringify does; on the values assertJsonValue admits (plain objects, arrays, well-formed
// strings, finite numbers) that is RFC 8785 (JCS). canonicalJson.unit.spec.ts holds it byte-equal
// to the JCS reference implementation. strict mode throws on anything else instead of guessing.
const stringify = configure({ deterministic: true, strict: true, bigint: false, circularValue: TypeError });

/** RFC 8785 (JCS) canonical JSON text of a value already checked by `assertJsonValue`. */
export function canonicalJson(value: unknown): string {
  const text = stringify(value);
  if (text === undefined) throw new TypeError('canonicalJson: value has no JSON form');
  return text;
}
