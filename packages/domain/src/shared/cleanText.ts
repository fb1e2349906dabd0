/** One refused string (or object key): where it is, as a dotted path, and why. */
export interface CleanIssue {
  path: string;
  message: string;
}

/** The input with every string and key in NFC, or every place it holds a character we refuse. */
export type CleanResult = { ok: true; value: unknown } | { ok: false; issues: CleanIssue[] };

/** Deeper than any command we accept; stops a crafted body from exhausting the stack. */
const MAX_DEPTH = 64;
/** Enough to show a person what to fix without echoing a whole hostile body back. */
const MAX_ISSUES = 20;

const hex = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a code point is refused, or null if it may appear in text. */
function refusal(cp: number): string | null {
  // C0 and C1 controls and DEL (category Cc), except tab, line feed and carriage return.
  if ((cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0x7f && cp <= 0x9f))
    return `không được chứa ký tự điều khiển ${hex(cp)} (control character not allowed)`;
  // Marks, embeddings, overrides and isolates that make text display in an order other than stored.
  if (
    cp === 0x061c ||
    cp === 0x200e ||
    cp === 0x200f ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069)
  )
    return `không được chứa ký tự điều khiển hướng chữ ${hex(cp)} (bidi control not allowed)`;
  if (cp >= 0xd800 && cp <= 0xdfff)
    return `không được chứa nửa cặp thay thế đơn lẻ ${hex(cp)} (lone surrogate not allowed)`;
  // The byte-order mark, and every Unicode noncharacter (U+FDD0–U+FDEF, U+xxFFFE and U+xxFFFF).
  if (cp === 0xfeff || (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe)
    return `không được chứa ký tự ${hex(cp)} (noncharacter or byte-order mark not allowed)`;
  return null;
}

/** Printable ASCII with tab and line breaks: nothing to refuse and already NFC (most keys and values). */
const PLAIN = /^[\x20-\x7e\t\n\r]*$/;

/** The first reason to refuse `text`, or null. Iterating by code point leaves lone surrogates alone. */
function firstRefusal(text: string): string | null {
  if (PLAIN.test(text)) return null;
  for (const char of text) {
    const reason = refusal(char.codePointAt(0) ?? 0);
    if (reason) return reason;
  }
  return null;
}

/** A key as it may appear in a path: refused characters shown as escapes, never echoed raw. */
function keyForPath(key: string): string {
  if (PLAIN.test(key)) return key;
  return Array.from(key, (char) => {
    const cp = char.codePointAt(0) ?? 0;
    return refusal(cp) ? `\\u{${cp.toString(16)}}` : char;
  }).join('');
}

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function cleanObject(
  value: Record<string, unknown>,
  path: string,
  depth: number,
  issues: CleanIssue[],
): unknown {
  const entries: [string, unknown][] = [];
  const seen = new Set<string>();
  for (const [key, child] of Object.entries(value)) {
    const at = join(path, keyForPath(key));
    const reason = firstRefusal(key);
    if (reason) issues.push({ path: at, message: `tên trường ${reason}` });
    const normal = key.normalize('NFC');
    if (!reason && seen.has(normal))
      issues.push({
        path: at,
        message: 'tên trường trùng với một trường khác sau khi chuẩn hoá (duplicate key after NFC)',
      });
    seen.add(normal);
    entries.push([normal, walk(child, at, depth + 1, issues)]);
  }
  // fromEntries defines own properties, so a `__proto__` key stays data and never becomes a prototype.
  return Object.fromEntries(entries);
}

function walk(value: unknown, path: string, depth: number, issues: CleanIssue[]): unknown {
  if (issues.length >= MAX_ISSUES) return value;
  if (typeof value === 'string') {
    const reason = firstRefusal(value);
    if (reason) issues.push({ path, message: reason });
    return reason ? value : value.normalize('NFC');
  }
  if (!Array.isArray(value) && !isPlainObject(value)) return value;
  if (depth >= MAX_DEPTH) {
    issues.push({ path, message: `dữ liệu lồng quá ${MAX_DEPTH} cấp (nested too deeply)` });
    return value;
  }
  if (Array.isArray(value))
    return value.map((item, i) => walk(item, join(path, String(i)), depth + 1, issues));
  return cleanObject(value, path, depth, issues);
}

/**
 * Cleans a JSON value before anything else reads it: every string and object key comes back in
 * Unicode NFC, and a value holding control characters (other than tab and line breaks), bidi
 * controls, lone surrogates, the byte-order mark or noncharacters is refused with each place named.
 */
export function cleanInput(value: unknown): CleanResult {
  const issues: CleanIssue[] = [];
  const cleaned = walk(value, '', 0, issues);
  return issues.length === 0
    ? { ok: true, value: cleaned }
    : { ok: false, issues: issues.slice(0, MAX_ISSUES) };
}
