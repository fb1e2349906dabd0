/** RFC 9162 Merkle trees: hashes, proofs and their verification. */
export { EMPTY_ROOT, MerkleTree, leafHash, nodeHash, verifyConsistency, verifyInclusion } from './merkle.js';
/** Signed tree heads, stream heads and manifests (Ed25519), all signed in one place. */
export {
  createTreeHeadSigner,
  generateSigningKey,
  keyIdOf,
  treeHeadMessage,
  verifyManifestSignature,
  verifyStreamHead,
  verifyTreeHead,
  type TreeHead,
  type TreeHeadSigner,
} from './treeHead.js';
/** The exact bytes of a stream head and of a signed manifest. */
export { manifestMessage, streamHeadMessage, type StreamHead } from './signedStatements.js';
/** The ledger over the log. */
export {
  LEDGER_STREAM,
  NoCoveringHeadError,
  createLedger,
  type InclusionProof,
  type Ledger,
  type LedgerOptions,
} from './ledger.js';
/** An auditor's saved checkpoint, and consistency from it to a newer signed head. */
export { parseSavedHead, proveConsistency, type ConsistencyCheck, type SavedHead } from './consistency.js';
/** Bundles: their format, export and offline verification. */
export {
  BUNDLE_FILES,
  BUNDLE_FORMAT,
  kindOf,
  listedFiles,
  type BundleEvent,
  type BundleKind,
  type BundleProof,
  type Continuation,
  type ExportFilter,
  type Manifest,
} from './bundleFormat.js';
/** What an export selects, and the case a transferred person's new case continues. */
export { continuedStream, matches } from './selection.js';
export { exportBundle, type ExportOptions } from './exportBundle.js';
/** C2SP tlog-proofs (c2sp.org/tlog-proof): an entry's inclusion under a cosigned checkpoint. */
export { TLOG_PROOF_HEADER, formatTlogProof, parseTlogProof, type TlogProof } from './tlogProof.js';
export {
  verifyBundle,
  type BundleFailure,
  type BundleFailureReason,
  type BundleReport,
  type VerifyOptions,
} from './verifyBundle.js';
/** An event as a bundle line and as a CSV record. */
export {
  CSV_COLUMNS,
  CSV_START,
  bundleLine,
  csvLine,
  csvRecord,
  labelOf,
  vietnamTime,
} from './eventLines.js';
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
/** The tree as static tlog-tiles (c2sp.org/tlog-tiles), for mirrors. */
export { TILE_WIDTH, tileIndexPath, tilePath, tilesOf, type TileFile } from './tiles.js';
/** Publishing checkpoints once the witnesses' quorum has cosigned them. */
export type { CheckpointSource, PublishedCheckpoint } from './publishedCheckpoint.js';
export {
  createCosigner,
  type CheckpointTree,
  type Cosigner,
  type CosignerHealth,
  type CosignerOptions,
  type WitnessState,
} from './cosigner.js';
