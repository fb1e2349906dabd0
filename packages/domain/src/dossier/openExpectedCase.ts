import type { DocRef } from '../shared/docRef.js';
import type { PersonDetails } from '../shared/personal.js';

/**
 * The reaction to an amnesty certificate: the destination commune's police receive the notice and
 * an expected reintegration case opens there (LĐX 18(1); TT10 8(1)). Pure: returns the data of
 * the ReceiveReleaseNotice command the destination runs.
 */
export function expectedCaseFromCertificate(input: {
  caseId: string;
  roundId: string;
  person: PersonDetails;
  certificate: {
    certificate: DocRef;
    issuedOn: string;
    reportToCommuneBy: string;
    destinationCommune: string;
  };
  releasedOn: string;
  receivedOn: string;
}) {
  const { certificate } = input;
  return {
    caseId: input.caseId,
    roundId: input.roundId,
    person: input.person,
    source: 'AMNESTY' as const,
    communeCode: certificate.destinationCommune,
    releaseDate: input.releasedOn,
    reportBy: certificate.reportToCommuneBy,
    receivedOn: input.receivedOn,
    notice: certificate.certificate,
  };
}
