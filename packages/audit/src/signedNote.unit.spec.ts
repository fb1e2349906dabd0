import { describe, expect, it } from 'vitest';
import { checkpointText, parseCheckpointText } from './checkpoint.js';
import {
  COSIGNATURE_ED25519,
  cosignatureLine,
  formatVerifierKey,
  openNote,
  parseVerifierKey,
  privateKeyFromSeed,
  signatureLine,
} from './signedNote.js';
import { createPublicKey } from 'node:crypto';

// golang.org/x/mod/sumdb/note's own example: its keys, text and signature, byte for byte.
const GO_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_SIGNATURE =
  '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
// The key's base64 holds a '+' itself: it is everything after the fourth '+'.
const goKey = () =>
  privateKeyFromSeed(
    Buffer.from(GO_SKEY.slice('PRIVATE+KEY+PeterNeumann+c74f20a3+'.length), 'base64').subarray(1),
  );

describe('signed notes, as Go’s sumdb/note writes them', () => {
  it('derives the same verifier key and the same signature from Go’s private key', () => {
    const key = goKey();
    expect(formatVerifierKey('PeterNeumann', createPublicKey(key))).toBe(GO_VKEY);
    expect(signatureLine(GO_TEXT, 'PeterNeumann', key)).toBe(GO_SIGNATURE);
  });

  it('opens Go’s note with its verifier key, and refuses it altered', () => {
    const note = `${GO_TEXT}\n${GO_SIGNATURE}`;
    expect(openNote(note, [parseVerifierKey(GO_VKEY)])).toEqual({
      text: GO_TEXT,
      signedBy: ['PeterNeumann'],
    });
    expect(() =>
      openNote(note.replace('cryptography', 'cryptographY'), [parseVerifierKey(GO_VKEY)]),
    ).toThrow();
  });

  it('ignores signatures of unknown keys, and refuses a note no trusted key signed', () => {
    const other = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
    expect(() => openNote(`${GO_TEXT}\n${GO_SIGNATURE}`, [parseVerifierKey(other)])).toThrow(/trusted/);
  });

  it('refuses malformed verifier keys and an id that does not match the key', () => {
    for (const bad of [GO_VKEY.slice(1), GO_VKEY.replace('c74f20a3', 'c74f20a4'), `${GO_VKEY}=`, 'a+b+c'])
      expect(() => parseVerifierKey(bad)).toThrow();
  });
});

describe('checkpoints and cosignatures', () => {
  const root = Buffer.alloc(32, 7);
  const text = checkpointText({ origin: 'dacxa.example/log', size: 42, rootHash: root });

  it('writes origin, decimal size and base64 root, and reads them back', () => {
    expect(text).toBe(`dacxa.example/log\n42\n${root.toString('base64')}\n`);
    expect(parseCheckpointText(text)).toMatchObject({ origin: 'dacxa.example/log', size: 42 });
    expect(() => parseCheckpointText('dacxa.example/log\n042\nAA==\n')).toThrow();
  });

  it('verifies a witness cosignature with the witness’s type-0x04 key', () => {
    const witness = privateKeyFromSeed(Buffer.alloc(32, 9));
    const vkey = formatVerifierKey('vks.example/witness', createPublicKey(witness), COSIGNATURE_ED25519);
    const log = goKey();
    const note = `${text}\n${signatureLine(text, 'dacxa.example/log', log)}${cosignatureLine(text, 'vks.example/witness', witness, 1_764_547_200n)}`;
    const opened = openNote(note, [
      parseVerifierKey(vkey),
      { ...parseVerifierKey(GO_VKEY), name: 'dacxa.example/log' },
    ]);
    expect(opened.signedBy).toContain('vks.example/witness');
  });
});
