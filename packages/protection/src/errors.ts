/** Stable codes for the protection layer's failures. */
export type ProtectionErrorCode =
  'ERR_MASTER_KEY' | 'ERR_UNSEALED_PERSONAL_DATA' | 'ERR_SEAL_INTEGRITY' | 'ERR_SUBJECT_ERASED';

/** Base of the protection layer's errors; narrow on `code`. */
export abstract class ProtectionError extends Error {
  abstract readonly code: ProtectionErrorCode;
}

/** The master key is missing, malformed, or not the one the key store was sealed with. */
export class MasterKeyError extends ProtectionError {
  readonly code = 'ERR_MASTER_KEY';
  constructor(vi: string, en: string) {
    super(`${vi} (${en})`);
    this.name = 'MasterKeyError';
  }
}

/** An event with personal data and no data subject: it would reach the store unsealed. */
export class UnsealedPersonalDataError extends ProtectionError {
  readonly code = 'ERR_UNSEALED_PERSONAL_DATA';
  constructor(readonly type: string) {
    super(
      `Sự kiện ${type} có dữ liệu cá nhân nhưng không có metadata.subject, không thể niêm phong ` +
        `(event ${type} carries personal data but no metadata.subject to seal it for)`,
    );
    this.name = 'UnsealedPersonalDataError';
  }
}

/** A sealed value failed authentication: it was altered, or moved from another field or event. */
export class SealIntegrityError extends ProtectionError {
  readonly code = 'ERR_SEAL_INTEGRITY';
  constructor(readonly path: string) {
    super(`Giá trị niêm phong tại ${path} đã bị thay đổi (sealed value at ${path} failed authentication)`);
    this.name = 'SealIntegrityError';
  }
}

/** New personal data for a person whose data was erased: there is no key to seal it with, by design. */
export class ErasedSubjectError extends ProtectionError {
  readonly code = 'ERR_SUBJECT_ERASED';
  constructor(readonly type: string) {
    super(
      `Dữ liệu cá nhân của người này đã bị xóa; không ghi thêm (${type}: the subject's data was erased; nothing new is recorded)`,
    );
    this.name = 'ErasedSubjectError';
  }
}
