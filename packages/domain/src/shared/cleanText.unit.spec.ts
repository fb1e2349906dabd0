import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanInput } from './cleanText.js';

/** Any UTF-16 code unit, lone surrogates included: what a hostile client can put in JSON. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const anyText = fc.string({ unit: fc.oneof(anyCodeUnit, fc.string({ unit: 'binary', maxLength: 1 })) });
const anyJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    anyText,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value')),
    fc.dictionary(anyText, tie('value')),
  ),
})).value;

const forbidden = fc
  .oneof(
    fc.integer({ min: 0x00, max: 0x08 }),
    fc.constantFrom(0x0b, 0x0c, 0x7f, 0x061c, 0x200e, 0x200f, 0xfeff, 0xfffe, 0xffff, 0x1fffe, 0x10ffff),
    fc.integer({ min: 0x0e, max: 0x1f }),
    fc.integer({ min: 0x80, max: 0x9f }),
    fc.integer({ min: 0x202a, max: 0x202e }),
    fc.integer({ min: 0x2066, max: 0x2069 }),
    fc.integer({ min: 0xfdd0, max: 0xfdef }),
  )
  .map((cp) => String.fromCodePoint(cp));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));
/** Text that is itself clean, so that a forbidden character put in it is the only problem. */
const cleanText = fc.string({ unit: 'grapheme' }).filter((s) => cleanInput(s).ok);

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, child]) => [key, ...strings(child)]);
  return [];
}

describe('cleanInput', () => {
  it('returns every string and key of clean input in NFC and well formed, and is idempotent', () => {
    fc.assert(
      fc.property(anyJson, (value) => {
        const result = cleanInput(value);
        if (!result.ok) return;
        for (const s of strings(result.value)) {
          expect(s.isWellFormed()).toBe(true);
          expect(s).toBe(s.normalize('NFC'));
        }
        expect(cleanInput(result.value)).toEqual(result);
      }),
    );
  });

  it('refuses a forbidden character anywhere in a string, naming its dotted path', () => {
    fc.assert(
      fc.property(cleanText, fc.oneof(forbidden, loneSurrogate), cleanText, (before, bad, after) => {
        const body = { person: { fullName: `${before}${bad}${after}` }, notes: ['ok', `${bad}`] };
        const result = cleanInput(body);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.issues.map((i) => i.path)).toEqual(['person.fullName', 'notes.1']);
        expect(result.issues[0]?.message).toMatch(/^không được chứa/);
      }),
    );
  });

  it('refuses a forbidden character in an object key, without echoing it raw in the path', () => {
    const result = cleanInput({ person: { 'full\u202EName': 'A' } });
    expect(result).toEqual({
      ok: false,
      issues: [{ path: 'person.full\\u{202e}Name', message: expect.stringMatching(/^tên trường/) as string }],
    });
  });

  it('gives Vietnamese typed in decomposed form back composed', () => {
    const nfd = 'Nguyễn Văn A'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Văn A');
    expect(cleanInput({ person: { fullName: nfd } })).toEqual({
      ok: true,
      value: { person: { fullName: 'Nguyễn Văn A' } },
    });
    const letters = fc.constantFrom(
      ...'aăâbdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệ ìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ',
    );
    fc.assert(
      fc.property(fc.string({ unit: letters }), (text) => {
        const nfc = text.normalize('NFC');
        expect(cleanInput({ [text.normalize('NFD')]: text.normalize('NFD') })).toEqual({
          ok: true,
          value: { [nfc]: nfc },
        });
      }),
    );
  });

  it('keeps tabs and line breaks, numbers, booleans and null', () => {
    const body = { note: 'dòng 1\r\ndòng 2\tcột', count: 3, yes: true, none: null };
    expect(cleanInput(body)).toEqual({ ok: true, value: body });
  });

  it('refuses two keys that are the same once composed', () => {
    const result = cleanInput({ Phường: 1, ['Phường'.normalize('NFD')]: 2 });
    expect(result.ok).toBe(false);
  });

  it('keeps a __proto__ key as data instead of changing the prototype', () => {
    const result = cleanInput(JSON.parse('{"__proto__": {"admin": true}}'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(Object.keys(result.value as object)).toEqual(['__proto__']);
  });

  it('refuses input nested too deeply instead of overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const result = cleanInput(deep);
    expect(result.ok).toBe(false);
  });
});
