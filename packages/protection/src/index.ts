/** Typed errors of the protection layer. */
export {
  ErasedSubjectError,
  MasterKeyError,
  ProtectionError,
  RightsError,
  SealIntegrityError,
  UnsealedPersonalDataError,
  type ProtectionErrorCode,
  type RightsErrorCode,
} from './errors.js';
/** Master keys: the provider port, the local provider, parsing and generation. */
export {
  generateMasterKey,
  localMasterKeys,
  parseMasterKeys,
  type MasterKeyProvider,
  type WrappedKey,
} from './masterKeys.js';
/** The key-store port and its in-memory adapter (SQLite: `@dacxa/protection/sqlite`). */
export { getInMemoryKeyStore, type KeyStore, type StoredKey } from './keyStore.js';
/** Per-person data keys: create, look up, erase, rotate, and the start-up master-key check. */
export { createDataKeys, type DataKeys, type KeyLookup } from './dataKeys.js';
/** Which fields of which event versions are personal, and their categories. */
export { personalFields, type PersonalField } from './personalFields.js';
/** Who may read which category, for which purpose; the placeholders others see. */
export { ACCESS_POLICY, ERASED, REDACTED, mayRead, type Access, type Purpose } from './policy.js';
/** Field sealing with AES-256-GCM under a person's data key. */
export { isSealed, openValue, sealValue, type SealedValue } from './sealValue.js';
/** Seals events for the store and opens them for readers. */
export { createSealer, type Sealer } from './sealer.js';
/** An event store that seals personal fields before they reach the inner store. */
export { getSealingEventStore } from './sealingEventStore.js';
/** Erasure and subject access, each recorded in the person's stream. */
export { completeErasures, erasePersonalData, exportSubject, type SubjectExport } from './personalData.js';
/** Opens the sealed values a view document carries, by role and purpose. */
export { openDocument } from './openDocument.js';
/** Four-eyes erasure: proposed by one person, approved (and carried out) by another. */
export { approveErasure, erasureRequests, proposeErasure, type ErasureRequest } from './erasureRequests.js';
/** The rights events' schemas and streams (erasure requests, master-key rotations). */
export {
  ErasureReason,
  ErasureRequestApproved,
  ErasureRequested,
  MASTER_KEY_STREAM,
  RIGHTS_EVENT_TYPES,
  rightsStream,
} from './rightsEvents.js';
/** Master-key rotation recorded in the log, resumable. */
export { rotateMasterKey, type RotationResult } from './rotateMasterKey.js';
/** The subject-access export as a readable Vietnamese document. */
export { subjectAccessText } from './subjectAccessText.js';
