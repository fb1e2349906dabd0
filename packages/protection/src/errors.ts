/** Stable codes for the protection layer's failures. */
export type ProtectionErrorCode =
  | 'ERR_MASTER_KEY'
  | 'ERR_UNSEALED_PERSONAL_DATA'
  | 'ERR_SEAL_INTEGRITY'
  | 'ERR_SUBJECT_ERASED'
  | RightsErrorCode;

/** Why a rights request (an erasure proposal or approval) was refused. */
export type RightsErrorCode =
  | 'ERR_FOUR_EYES'
  | 'ERR_ERASURE_REQUEST_NOT_FOUND'
  | 'ERR_ERASURE_REQUEST_DECIDED'
  | 'ERR_SUBJECT_ALREADY_ERASED';

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

const RIGHTS_MESSAGES: Record<RightsErrorCode, { vi: string; en: string }> = {
  ERR_FOUR_EYES: {
    vi: 'Người đề nghị xóa không được tự phê duyệt; cần một người thứ hai',
    en: 'four eyes: the proposer may not approve their own erasure request',
  },
  ERR_ERASURE_REQUEST_NOT_FOUND: {
    vi: 'Không tìm thấy đề nghị xóa',
    en: 'no such erasure request for this person',
  },
  ERR_ERASURE_REQUEST_DECIDED: {
    vi: 'Đề nghị xóa này đã được xử lý',
    en: 'this erasure request was already recorded or decided',
  },
  ERR_SUBJECT_ALREADY_ERASED: {
    vi: 'Dữ liệu cá nhân của người này đã được xóa',
    en: 'the person’s data was already erased',
  },
};

/** A rights request refused: the proposer approving their own erasure, an unknown or decided request. */
export class RightsError extends ProtectionError {
  readonly vi: string;
  constructor(readonly code: RightsErrorCode) {
    super(`${RIGHTS_MESSAGES[code].vi} (${RIGHTS_MESSAGES[code].en})`);
    this.vi = RIGHTS_MESSAGES[code].vi;
    this.name = 'RightsError';
  }
}
