import { derivedId } from './derivedId.js';
import { SCHEDULER_META } from './sweep.js';

/** A certificate the `reconciliation` view shows issued with no expected case opened yet. */
export interface CertificateToFollow {
  dossierId: string;
  roundId: string;
  communeCode: string;
  certificate: { number: string; date: string };
  issuedOn: string;
  reportBy: string;
}

/** The person as the dossier's events hold them, opened for processing (never logged). */
export interface FollowedPerson {
  personId: string;
  fullName: string;
  birthDate: string;
  idNumber?: string | undefined;
}

/**
 * The expected case's id from the dossier's: SHA-256 of a fixed prefix and the dossier id, shaped
 * as an RFC 9562 version 8 UUID, so every re-run, restart and instance names the same case.
 */
export function certificateCaseId(dossierId: string): string {
  return derivedId('dacxa:certificate-case', dossierId);
}

/**
 * The system's ReceiveReleaseNotice for a certificate (the data of `expectedCaseFromCertificate`
 * in the domain): received on the day the certificate was issued, so the body — and the
 * idempotency key `certificate:<dossierId>` it is bound to — is the same on every run.
 */
export function certificateCommand(follow: CertificateToFollow, person: FollowedPerson, now: Date) {
  const caseId = certificateCaseId(follow.dossierId);
  return {
    type: 'ReceiveReleaseNotice' as const,
    id: caseId,
    data: {
      caseId,
      roundId: follow.roundId,
      person,
      source: 'AMNESTY' as const,
      communeCode: follow.communeCode,
      releaseDate: follow.issuedOn,
      reportBy: follow.reportBy,
      receivedOn: follow.issuedOn,
      notice: follow.certificate,
    },
    meta: { ...SCHEDULER_META, now: now.toISOString() },
    idempotencyKey: `certificate:${follow.dossierId}`,
  };
}

/** The command the follower sends, as the command handler takes it. */
export type CertificateCommand = ReturnType<typeof certificateCommand>;

/** Reads a certificate's fields off a `reconciliation` document; null when one is missing. */
export function certificateToFollow(doc: Record<string, unknown>): CertificateToFollow | null {
  const { dossierId, roundId, communeCode, certificate, issuedOn, reportBy } = doc;
  const ref = certificate as { number?: unknown; date?: unknown } | null;
  if (
    typeof dossierId !== 'string' ||
    typeof roundId !== 'string' ||
    typeof communeCode !== 'string' ||
    typeof issuedOn !== 'string' ||
    typeof reportBy !== 'string' ||
    typeof ref?.number !== 'string' ||
    typeof ref.date !== 'string'
  )
    return null;
  return {
    dossierId,
    roundId,
    communeCode,
    certificate: { number: ref.number, date: ref.date },
    issuedOn,
    reportBy,
  };
}
