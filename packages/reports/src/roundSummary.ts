import { descendantsAt } from '@dacxa/domain';
import type { EventStore, RecordedEvent } from '@dacxa/event-store';
import { evolveCaseFile, evolveDossier, type CaseFileDoc } from '@dacxa/read-models';
import type { ReportRequest } from './caseFold.js';
import { eventDate } from './eventDate.js';
import type { Period } from './period.js';
import { foldRound, freshDossier, type Ref, type RoundFacts } from './roundFacts.js';
import { roundCommunes, type CommuneRow } from './roundCommunes.js';
import {
  countDossier,
  emptyFacility,
  foldDossierFacts,
  sumFacilities,
  type DossierFacts,
  type FacilityRow,
} from './roundSummaryRows.js';
import { scanLog, type ScanProgress } from './scanLog.js';
import { createTreeFold, unitInfo, type UnitInfo } from './unitTree.js';

/** One round of the province: its decisions, its dossiers by facility, its released people by commune. */
export interface RoundSummary {
  roundId: string;
  decision: Ref;
  occasion: string;
  amnestyDate: string;
  grantDecision: Ref | null;
  facilities: FacilityRow[];
  total: FacilityRow;
  communes: CommuneRow[];
  communeTotal: CommuneRow;
}

/** The province's summary of its amnesty rounds of a year: counts only, never a name or a person's id. */
export interface RoundSummaryData {
  report: 'tong-ket-dot-dac-xa';
  unit: UnitInfo;
  period: Period;
  position: string;
  rounds: RoundSummary[];
}

/**
 * The summary of a province's amnesty rounds whose amnesty day falls in the year (the 2024
 * provincial plan, section III): the round and dossier streams folded up to `at` and the year's
 * end — each dossier with the round control tower's own evolve — and the case streams with the
 * case-file view's, for who of those released had reported in by the year's end.
 */
export async function computeRoundSummary(
  store: EventStore,
  request: ReportRequest,
  onProgress?: (progress: ScanProgress) => void,
): Promise<RoundSummaryData> {
  const { period, at } = request;
  const tree = createTreeFold();
  const rounds = new Map<string, RoundFacts>();
  const dossiers = new Map<string, DossierFacts>();
  const cases = new Map<string, CaseFileDoc>();
  const reported = new Map<string, { late: boolean }>();
  const visit = (event: RecordedEvent) => {
    tree.visit(event);
    if (eventDate(event) > period.to) return;
    const d = event.data as Record<string, unknown>;
    const [kind] = event.stream.split('-', 1);
    if (kind === 'round') foldRound(rounds, event.stream.slice(6), event.type, d);
    if (kind === 'dossier') {
      const before = dossiers.get(event.stream);
      const doc = evolveDossier(before?.doc ?? null, event);
      if (!doc) return;
      const facts = before ?? freshDossier(doc);
      facts.doc = doc;
      foldDossierFacts(facts, event.type, d);
      dossiers.set(event.stream, facts);
    }
    if (kind === 'case') {
      const doc = evolveCaseFile(cases.get(event.stream) ?? null, event);
      if (doc) cases.set(event.stream, doc);
      if (doc && (event.type === 'PersonReported' || event.type === 'ArrivedAtDifferentCommuneAccepted'))
        reported.set(doc.personId, { late: d.late === true });
    }
  };
  await scanLog(store, at, visit, onProgress);
  const unit = unitInfo(tree.tree, request.unit, period.to);
  const inUnit = new Set([request.unit, ...descendantsAt(tree.tree, request.unit, period.to)]);
  const nameOf = (code: string) => {
    try {
      return unitInfo(tree.tree, code, period.to).name;
    } catch {
      return code;
    }
  };
  const summaries = [...rounds.values()]
    .filter((r) => inUnit.has(r.province) && r.amnestyDate >= period.from && r.amnestyDate <= period.to)
    .sort((a, b) => (a.amnestyDate < b.amnestyDate ? -1 : a.amnestyDate > b.amnestyDate ? 1 : 0))
    .map((round): RoundSummary => {
      const mine = [...dossiers.values()].filter((f) => f.doc.roundId === round.roundId);
      const byFacility = new Map<string, FacilityRow>();
      for (const f of mine) {
        const code = f.doc.facilityId;
        const row = byFacility.get(code) ?? emptyFacility(code, nameOf(code));
        byFacility.set(code, row);
        const lists = {
          appraised: round.appraised.has(f.doc.dossierId),
          proposed: round.proposed.has(f.doc.dossierId),
        };
        countDossier(row, f, lists, period.to);
      }
      const facilities = [...byFacility.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
      const { rows, total } = roundCommunes(mine, reported, (code) => inUnit.has(code), nameOf);
      const { roundId, decision, occasion, amnestyDate, grantDecision } = round;
      return {
        roundId,
        decision,
        occasion,
        amnestyDate,
        grantDecision,
        facilities,
        total: sumFacilities(facilities),
        communes: rows,
        communeTotal: total,
      };
    });
  return { report: 'tong-ket-dot-dac-xa', unit, period, position: at.toString(), rounds: summaries };
}
