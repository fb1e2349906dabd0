import canonicalize from 'canonicalize';

/** RFC 8785 (JCS) canonical JSON text of a value already checked by `assertJsonValue`. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  // canonicalize returns undefined only for a top-level undefined, which the guard refuses first.
  if (text === undefined) throw new TypeError('canonicalJson: value has no JSON form');
  return text;
}
