import type { DossierDoc } from '@dacxa/read-models';

/** One facility's dossiers of a round, by how far each came, with its complaints and protests. */
export interface FacilityRow {
  code: string;
  name: string;
  petitioned: number;
  eligible: number;
  ineligible: number;
  appraised: number;
  proposed: number;
  granted: number;
  released: number;
  certificates: number;
  complaintsLodged: number;
  complaintsResolved: number;
  /** Resolved after the five days of LĐX 37(1), as the resolution records. */
  complaintsResolvedLate: number;
  /** Not resolved at the period's end; `complaintsOverdue` of them past their resolve-by day. */
  complaintsOpen: number;
  complaintsOverdue: number;
  /** Protests under cassation or reopening that would aggravate liability (LĐX 12(2)). */
  protests: number;
  /** Other grounds recorded for not proposing (LĐX 12). */
  otherDisqualified: number;
}

/** A dossier as the report folds it: the round control tower's document, and the steps it does not keep. */
export interface DossierFacts {
  doc: DossierDoc;
  /** The last word on eligibility: the assessment, then a complaint's or an appeal's outcome. */
  eligible: boolean | null;
  granted: boolean;
  released: boolean;
  noticeCommune: string | null;
  protest: boolean;
  otherDisqualified: boolean;
  complaints: { lodged: number; resolved: number; resolvedLate: number; appeals: number };
  /** The resolve-by day of the complaint or appeal still open, if one is. */
  openDue: string | null;
}

/** The steps of a dossier that the view's stage overwrites, kept from its events. */
export function foldDossierFacts(facts: DossierFacts, type: string, d: Record<string, unknown>): void {
  const c = facts.complaints;
  switch (type) {
    case 'EligibilityAssessed':
      facts.eligible = d.eligible === true;
      return;
    case 'ComplaintLodged':
    case 'ComplaintAppealed':
      if (type === 'ComplaintLodged') c.lodged++;
      else c.appeals++;
      facts.openDue = String(d.resolveBy);
      return;
    case 'ComplaintResolved':
      c.resolved++;
      if (d.late === true) c.resolvedLate++;
      if (d.outcome === 'ACCEPTED') facts.eligible = true;
      facts.openDue = null;
      return;
    case 'ComplaintAppealResolved':
      facts.eligible = d.outcome === 'ADDED_TO_ELIGIBLE';
      facts.openDue = null;
      return;
    case 'DisqualifyingEventRecorded':
      if (d.reason === 'AGGRAVATING_CASSATION_OR_REOPENING_PROTEST') facts.protest = true;
      else facts.otherDisqualified = true;
      return;
    case 'DossierGrantOutcomeRecorded':
      facts.granted = d.outcome === 'GRANTED';
      return;
    case 'AmnestyNoticeSentToCommune':
      facts.noticeCommune = String(d.communeCode);
      return;
    case 'PrisonerReleased':
      facts.released = true;
      return;
  }
}

/** A facility's row before anything is counted. */
export const emptyFacility = (code: string, name: string): FacilityRow => ({
  code,
  name,
  petitioned: 0,
  eligible: 0,
  ineligible: 0,
  appraised: 0,
  proposed: 0,
  granted: 0,
  released: 0,
  certificates: 0,
  complaintsLodged: 0,
  complaintsResolved: 0,
  complaintsResolvedLate: 0,
  complaintsOpen: 0,
  complaintsOverdue: 0,
  protests: 0,
  otherDisqualified: 0,
});

/** Adds one dossier to its facility's row; `onLists` says whether the appraisal and the final list named it. */
export function countDossier(
  row: FacilityRow,
  f: DossierFacts,
  onLists: { appraised: boolean; proposed: boolean },
  periodEnd: string,
): void {
  row.petitioned++;
  if (f.eligible === true) row.eligible++;
  if (f.eligible === false) row.ineligible++;
  if (onLists.appraised) row.appraised++;
  if (onLists.proposed) row.proposed++;
  if (f.granted) row.granted++;
  if (f.released) row.released++;
  if (f.doc.certificateIssued) row.certificates++;
  row.complaintsLodged += f.complaints.lodged;
  row.complaintsResolved += f.complaints.resolved;
  row.complaintsResolvedLate += f.complaints.resolvedLate;
  if (f.openDue !== null) row.complaintsOpen++;
  if (f.openDue !== null && f.openDue < periodEnd) row.complaintsOverdue++;
  if (f.protest) row.protests++;
  if (f.otherDisqualified) row.otherDisqualified++;
}

/** The sum of several facilities' rows. */
export function sumFacilities(rows: readonly FacilityRow[]): FacilityRow {
  const total = emptyFacility('', 'Tổng cộng');
  for (const row of rows)
    for (const key of Object.keys(total) as Array<keyof FacilityRow>)
      if (key !== 'code' && key !== 'name') total[key] += row[key];
  return total;
}
