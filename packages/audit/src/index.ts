/** RFC 9162 Merkle trees: hashes, proofs and their verification. */
export { EMPTY_ROOT, MerkleTree, leafHash, nodeHash, verifyConsistency, verifyInclusion } from './merkle.js';
/** Signed tree heads (Ed25519). */
export {
  createTreeHeadSigner,
  generateSigningKey,
  keyIdOf,
  treeHeadMessage,
  verifyTreeHead,
  type TreeHead,
  type TreeHeadSigner,
} from './treeHead.js';
/** The ledger over the log. */
export {
  LEDGER_STREAM,
  createLedger,
  type InclusionProof,
  type Ledger,
  type LedgerOptions,
} from './ledger.js';
/** Bundles: their format, export and offline verification. */
export {
  BUNDLE_FORMAT,
  type BundleEvent,
  type BundleProof,
  type ExportFilter,
  type Manifest,
} from './bundleFormat.js';
export { exportBundle, matches, type ExportOptions } from './exportBundle.js';
export {
  verifyBundle,
  type BundleFailure,
  type BundleFailureReason,
  type BundleReport,
  type VerifyOptions,
} from './verifyBundle.js';
/** An event as a bundle line and as a CSV row. */
export { CSV_COLUMNS, bundleLine, csvRow } from './eventLines.js';
/** C2SP signed notes (c2sp.org/signed-note): verifier keys, signatures, cosignatures. */
export {
  COSIGNATURE_ED25519,
  NOTE_ED25519,
  cosignatureLine,
  cosignedMessage,
  formatVerifierKey,
  noteKeyId,
  openNote,
  parseNote,
  parseVerifierKey,
  privateKeyFromSeed,
  publicKeyFromRaw,
  rawPublicKey,
  signatureLine,
  type NoteVerifier,
  type ParsedNote,
} from './signedNote.js';
/** C2SP checkpoint note text (c2sp.org/tlog-checkpoint). */
export { checkpointText, parseCheckpointText, type CheckpointBody } from './checkpoint.js';
/** tlog policies (c2sp.org/tlog-policy): logs, witnesses, quorum; checkpoint verification against one. */
export { parseTlogPolicy, quorumMet, verifyCheckpointNote, type TlogPolicy } from './tlogPolicy.js';
/** Asking a witness to cosign a checkpoint. */
export { WitnessRefusal, requestCosignature, type ConsistencyFrom } from './witnessClient.js';
