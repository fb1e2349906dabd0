import {
  COSIGNATURE_ED25519,
  NOTE_ED25519,
  openNote,
  parseNote,
  parseVerifierKey,
  type NoteVerifier,
} from './signedNote.js';

/** A quorum rule: a witness, or a group of k of n members (witnesses or groups), or none. */
type Quorum =
  { kind: 'none' } | { kind: 'witness'; name: string } | { kind: 'group'; k: number; members: Quorum[] };

/** A tlog policy (c2sp.org/tlog-policy): the logs, the witnesses with their URLs, and the quorum. */
export interface TlogPolicy {
  logs: Array<{ verifier: NoteVerifier; url?: string }>;
  witnesses: Map<string, { verifier: NoteVerifier; url?: string }>;
  quorum: Quorum;
}

const MAX = 32;

/** Parses a policy file; throws naming the line of the first problem. */
export function parseTlogPolicy(text: string): TlogPolicy {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(text)) throw new Error('tlog-policy: control character');
  const logs: TlogPolicy['logs'] = [];
  const witnesses: TlogPolicy['witnesses'] = new Map();
  const groups = new Map<string, Quorum>();
  let quorum: Quorum | null = null;
  const named = (name: string, line: number): Quorum => {
    if (name === 'none') return { kind: 'none' };
    if (witnesses.has(name)) return { kind: 'witness', name };
    const group = groups.get(name);
    if (!group) throw new Error(`tlog-policy line ${line}: ${name} is not defined above`);
    return group;
  };
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const words = raw.trim().split(/[ \t]+/);
    if (words[0] === '' || words[0]?.startsWith('#')) return;
    const [keyword, ...rest] = words;
    if (keyword === 'log' && (rest.length === 1 || rest.length === 2)) {
      const verifier = parseVerifierKey(rest[0] ?? '');
      if (verifier.type !== NOTE_ED25519)
        throw new Error(`tlog-policy line ${line}: a log key signs notes (type 0x01)`);
      logs.push({ verifier, ...(rest[1] ? { url: rest[1] } : {}) });
    } else if (keyword === 'witness' && (rest.length === 2 || rest.length === 3)) {
      const [name = '', vkey = '', url] = rest;
      if (witnesses.has(name) || groups.has(name) || name === 'none')
        throw new Error(`tlog-policy line ${line}: ${name} defined twice`);
      const verifier = parseVerifierKey(vkey);
      if (verifier.type !== COSIGNATURE_ED25519)
        throw new Error(`tlog-policy line ${line}: a witness key cosigns (type 0x04)`);
      witnesses.set(name, { verifier, ...(url ? { url } : {}) });
    } else if (keyword === 'group' && rest.length >= 3) {
      const [name = '', threshold = '', ...members] = rest;
      if (witnesses.has(name) || groups.has(name) || name === 'none')
        throw new Error(`tlog-policy line ${line}: ${name} defined twice`);
      if (new Set(members).size !== members.length || members.includes('none'))
        throw new Error(`tlog-policy line ${line}: a member is listed twice, or is none`);
      const k = threshold === 'all' ? members.length : threshold === 'any' ? 1 : Number(threshold);
      if (!Number.isInteger(k) || k < 1 || k > members.length)
        throw new Error(`tlog-policy line ${line}: bad threshold ${threshold}`);
      groups.set(name, { kind: 'group', k, members: members.map((m) => named(m, line)) });
    } else if (keyword === 'quorum' && rest.length === 1) {
      if (quorum) throw new Error(`tlog-policy line ${line}: a second quorum line`);
      quorum = named(rest[0] ?? '', line);
    } else throw new Error(`tlog-policy line ${line}: not understood`);
  });
  if (!quorum) throw new Error('tlog-policy: no quorum line');
  if (logs.length > MAX || witnesses.size > MAX || groups.size > MAX)
    throw new Error('tlog-policy: more than 32 logs, witnesses or groups');
  return { logs, witnesses, quorum };
}

function holds(quorum: Quorum, cosigned: ReadonlySet<string>): boolean {
  if (quorum.kind === 'none') return true;
  if (quorum.kind === 'witness') return cosigned.has(quorum.name);
  return quorum.members.filter((m) => holds(m, cosigned)).length >= quorum.k;
}

/**
 * Verifies a checkpoint note against a policy: signed by one of its logs, and cosigned by enough
 * of its witnesses for the quorum. Returns the note text and the witnesses that cosigned.
 */
export function verifyCheckpointNote(
  note: string,
  policy: TlogPolicy,
): { text: string; witnesses: string[] } {
  const { text } = openNote(
    note,
    policy.logs.map((l) => l.verifier),
  );
  const cosigned = new Set<string>();
  const names = new Set(parseNote(note).signatures.map((s) => s.name));
  for (const [name, witness] of policy.witnesses) {
    if (!names.has(witness.verifier.name)) continue;
    try {
      openNote(note, [witness.verifier]);
      cosigned.add(name);
    } catch {
      // A known witness whose cosignature fails does not count towards the quorum.
    }
  }
  if (!holds(policy.quorum, cosigned))
    throw new Error(
      `checkpoint not cosigned by the policy's quorum (cosigned by: ${[...cosigned].join(', ') || 'none'})`,
    );
  return { text, witnesses: [...cosigned] };
}

/** Whether a set of witnesses (by their policy names) meets the quorum. */
export function quorumMet(policy: TlogPolicy, cosigned: Iterable<string>): boolean {
  return holds(policy.quorum, new Set(cosigned));
}
