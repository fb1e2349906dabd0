import { z } from 'zod';

export const TreeHead = z.object({
  treeSize: z.int(),
  rootHash: z.string().describe('hex of the RFC 9162 root over the first treeSize leaves'),
  signedAt: z.string(),
  keyId: z.string(),
  signature: z.string().describe('base64 Ed25519 over the tree head message (docs/audit-format.md)'),
});

export const PublicKey = z
  .object({
    keyId: z.string(),
    publicKeyPem: z.string(),
    origin: z.string().optional().describe('the log’s C2SP origin line'),
    vkey: z.string().optional().describe('the C2SP verifier key'),
  })
  .describe('the Ed25519 public key (PEM) and its key id');

export const TreeHeads = z
  .object({ treeHeads: z.array(TreeHead) })
  .describe('signed tree heads, newest first');

export const Inclusion = z
  .object({
    position: z.string(),
    leafHash: z.string(),
    leafIndex: z.int(),
    treeSize: z.int(),
    proof: z.array(z.string()),
    treeHead: TreeHead.nullable(),
  })
  .describe('RFC 9162 audit path of the event at a position');

export const Consistency = z
  .object({
    from: z.object({ treeSize: z.int(), rootHash: z.string() }),
    to: TreeHead,
    proof: z.array(z.string()),
    consistent: z.literal(true),
  })
  .describe('RFC 9162 consistency proof from the saved head to a signed head');

export const AccessLog = z
  .object({
    unit: z.string(),
    entries: z
      .array(z.looseObject({ position: z.string() }))
      .describe('each read: who, role, unit, purpose, what (RecordsRead)'),
  })
  .describe('who read which records in an area');
