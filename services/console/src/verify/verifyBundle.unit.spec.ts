import { describe, expect, it } from 'vitest';
import { leafHash, rootOf, verifyInclusion } from './merkle.js';
import { hashOf, parseVkey } from './note.js';
import { verifyBundle } from './verifyBundle.js';

// The vectors of docs/audit-format.md §7.
const HASHES = [
  '023ecc75f40f00cbf434fa6a26225a4bd14b741d197cadc69344943e53fb83f6',
  'a0124f796f7b5e7f05485eae43b0ef3d0dcbc609de584948ff96912d1de83221',
  '0182a618f0df9c28f3fff0ccafbd09fda16406a515640e6759049279062512e4',
  'fbc4ce8bfd3ac6a33c402e6949fdfba200e73f16df57bef2b7bb1eee7b51dee8',
  'd0ae6ec3b337c0a54d8bb697604f7842fc5020e965b8d2a5969eae72d4130357',
  '091e6a28ea4226ac1f391562fa5780756b19a3c45e35bedb05350ad7d3ba427d',
  '318fe1488d45858cc22fb183daf761c04c336af6f9b27c65ac2e5718c0249b27',
];
const LOG_VKEY = 'example.com/dacxa-vectors+be466f2e+AQOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4';
const WITNESS_VKEY = 'example.com/witness+098ef77f+BCmsuuFBvMrwsi4alNNNC8c2HlJtC/4SyJeUvJMilm3X';
const EVENTS = [
  '{"leafIndex":0,"position":"1","prevHash":"0000000000000000000000000000000000000000000000000000000000000000","hash":"b95d80cd6187afe44df609864f994740122cf3a6215a774bc5641c68a9f20abb","envelope":{"data":{"commune":"xa-an-khanh","receivedOn":"2025-09-05","village":"Thôn Đông"},"id":"0192f5c4-7a1e-7cc0-8a3b-5d2e9f104a11","metadata":{"actor":"u-17","commandId":"cmd-1","role":"commune-police","unit":"xa-an-khanh"},"occurredAt":"2025-09-05T09:00:00+07:00","recordedAt":"2025-09-05T02:00:01.234Z","revision":0,"schemaVersion":1,"stream":"case-0192f5c4","type":"PersonReceived"}}',
  '{"leafIndex":1,"position":"2","prevHash":"b95d80cd6187afe44df609864f994740122cf3a6215a774bc5641c68a9f20abb","hash":"ccc857cf1e923ef891e08243b6864c4c951de9ce4743432836237765ce2ffd73","envelope":{"data":{"decision":{"date":"2025-09-06","no":"01/QĐ-UBND"},"supervisor":"u-42"},"id":"0192f5c4-7b02-7d11-9c4e-11aa22bb33cc","metadata":{"actor":"u-17","commandId":"cmd-2","role":"commune-police","unit":"xa-an-khanh"},"occurredAt":"2025-09-06T08:30:00+07:00","recordedAt":"2025-09-06T01:30:00.000Z","revision":1,"schemaVersion":1,"stream":"case-0192f5c4","type":"SupervisorAssigned"}}',
];
const PROOFS = [
  '{"leafIndex":0,"proof":["547fb4e42c7dcb687d3cb18a69fcf41595bb8186b3af41253bc9a3fe4d8219e7"]}',
  '{"leafIndex":1,"proof":["57829c7c2b3c22cc0a359b8bdad4c0566329211e9a3e9c16ae3ed2902288a034"]}',
];
const TREE_HEAD =
  '{\n  "keyId": "a050837d85070582",\n  "rootHash": "fa2672921c2845a75d0bb3f8c05da9c1b38923d0ff63216a5e5e4229757fb7b5",\n  "signature": "xilujfORaCmw87wS06nsxFUG008Sj59Zs8UrPPnMR0ZT5vr7obWtJh7kT35AOG+pD7ff9k9gMbTGyDycfxuLCQ==",\n  "signedAt": "2026-11-22T00:00:00.000Z",\n  "treeSize": 2\n}\n';
const CHECKPOINT =
  'dacxa.local/log\n2\n+iZykhwoRaddC7P4wF2pwbOJI9D/YyFqXl5CKXV/t7U=\n\n— dacxa.local/log RN55y323rxy5YzVIzTNzCS/m2yFUCIvlrTl2yhHakfOGd1cyHehO0X4qtYRPTgp31gkwPdDXPW8T+2X/tGlTgXU7wQE=\n';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bundle = (events = EVENTS) =>
  new Map([
    ['events.ndjson', utf8(events.map((l) => `${l}\n`).join(''))],
    ['proofs.ndjson', utf8(PROOFS.map((l) => `${l}\n`).join(''))],
    ['tree-head.json', utf8(TREE_HEAD)],
    ['checkpoint', utf8(CHECKPOINT)],
  ]);
const key = (text: string) => {
  const vkey = parseVkey(text);
  if (!vkey) throw new Error(`not a vkey: ${text}`);
  return vkey;
};
// The bundle's checkpoint is signed by the same key under the origin dacxa.local/log.
const logKeys = () => {
  const vectors = key(LOG_VKEY);
  const local = { ...vectors, name: 'dacxa.local/log' };
  return [vectors, { ...local, keyHash: hashOf(local) }];
};

describe('the Merkle tree (RFC 9162)', () => {
  it('gives the roots and the inclusion proof of the vectors', () => {
    const leaves = HASHES.map(leafHash);
    expect(rootOf(leaves.slice(0, 3))).toBe(
      '1a139d2451d0bb0714f62ebb6f9e99df3e022533b66221e3e9329764e64431bc',
    );
    expect(rootOf(leaves)).toBe('e38d122994eca956ba65ce90a316a5adc328f7e240412be8318db3664fe8f8e7');
    const proof = [
      '45bf11a0dc1b053170a4aa00a0e717034aec5263b05ef4d2bea2f3f9e72153cf',
      '5a33c905e5afc38aac597f854fafb7db85f4a57d5f2d0a479a5e0d1a1f6c297e',
      '058cc42b2ddcf17b9a18aeb3722392e43f8dc7020fd54a770c63286110b14bf1',
    ];
    const root = rootOf(leaves);
    expect(verifyInclusion(2, 7, leaves[2]!, proof, root)).toBe(true);
    expect(verifyInclusion(3, 7, leaves[2]!, proof, root)).toBe(false);
  });
});

describe('verifyBundle', () => {
  it('parses the vectors’ log and witness keys, and refuses a key whose hash does not match', () => {
    expect(key(LOG_VKEY).alg).toBe(1);
    expect(key(WITNESS_VKEY).alg).toBe(4);
    expect(parseVkey(LOG_VKEY.replace('be466f2e', 'be466f2f'))).toBeNull();
  });

  it('accepts the vectors’ disclosure with the pinned key', () => {
    expect(verifyBundle(bundle(), logKeys())).toMatchObject({ ok: true, events: 2, treeSize: 2 });
  });

  it('names the first failure: an event changed, a key not pinned', () => {
    const changed = [EVENTS[0]!.replace('Thôn Đông', 'Thôn Tây'), EVENTS[1]!];
    expect(verifyBundle(bundle(changed), logKeys())).toMatchObject({
      ok: false,
      failure: { check: 'hash', line: 1 },
    });
    expect(verifyBundle(bundle(), [key(WITNESS_VKEY)])).toMatchObject({
      ok: false,
      failure: { check: 'pinned-key' },
    });
  });
});
