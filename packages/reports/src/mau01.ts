import type { EventStore, RecordedEvent } from '@dacxa/event-store';
import type { ReportRequest } from './caseFold.js';
import type { Period } from './period.js';
import { scanLog, type ScanProgress } from './scanLog.js';
import { areasOf, createTreeFold, unitInfo, type UnitInfo } from './unitTree.js';

/** A person on a commune's list as the reader may see them: the name only where their role may. */
export interface ListedPerson {
  caseId: string;
  personId: string;
}

/** What the report shows of a person: opened for the lending purpose, or withheld from this reader. */
export type PersonShown = { fullName: string; birthDate: string } | null;

/**
 * Opens the people of the lists for the report's purpose (QĐ 22 lending), under the reader's
 * access, and records the read of each (services/api): null for a person the reader may not see.
 */
export type OpenPeople = (people: readonly ListedPerson[]) => Promise<ReadonlyMap<string, PersonShown>>;

export interface Mau01Row {
  no: number;
  commune: string;
  caseId: string;
  personId: string;
  /** Null where the reader's role may not see who it is (shown "[ẩn]"). */
  person: PersonShown;
}

export interface Mau01List {
  listId: string;
  commune: string;
  communeName: string;
  list: { number: string; date: string };
  drawnUpOn: string;
  count: number;
}

/** The Mẫu 01 lists of a month as computed: each commune's list and the people on it, in order. */
export interface Mau01Data {
  report: 'mau-01';
  unit: UnitInfo;
  period: Period;
  position: string;
  lists: Mau01List[];
  rows: Mau01Row[];
  /** How many people the lists name, and of them how many the reader may see by name. */
  count: number;
  named: number;
}

interface DrawnUp {
  listId: string;
  communeCode: string;
  month: string;
  list: { number: string; date: string };
  drawnUpOn: string;
  entries: ListedPerson[];
}

/**
 * Mẫu 01 of QĐ 22/2023 (the monthly list of people eligible for a loan, drawn up by the commune
 * police and confirmed by the commune, for VBSP): every `LoanEligibilityListDrawnUp` of the
 * communes covered for the month, up to the position; the latest list of a commune for the month
 * stands. Names come only through `open`, for the lending purpose and under the reader's access.
 */
export async function computeMau01(
  store: EventStore,
  request: ReportRequest,
  onProgress?: (progress: ScanProgress) => void,
): Promise<Mau01Data> {
  const { period, at } = request;
  const tree = createTreeFold();
  const lists = new Map<string, DrawnUp>();
  await scanLog(
    store,
    at,
    (event: RecordedEvent) => {
      tree.visit(event);
      if (event.type !== 'LoanEligibilityListDrawnUp') return;
      const data = event.data as unknown as DrawnUp;
      if (data.month === period.code) lists.set(data.communeCode, data);
    },
    onProgress,
  );
  const unit = unitInfo(tree.tree, request.unit, period.to);
  const areas = areasOf(tree.tree, request.unit, period.to);
  const covered = areas.flatMap((code) => {
    const list = lists.get(code);
    return list ? [list] : [];
  });
  const people = covered.flatMap((l) => l.entries);
  const opened = request.openPeople ? await request.openPeople(people) : new Map<string, PersonShown>();
  let no = 0;
  const rows = covered.flatMap((l) =>
    l.entries.map((e) => ({
      no: ++no,
      commune: l.communeCode,
      caseId: e.caseId,
      personId: e.personId,
      person: opened.get(e.personId) ?? null,
    })),
  );
  return {
    report: 'mau-01',
    unit,
    period,
    position: at.toString(),
    lists: covered.map((l) => ({
      listId: l.listId,
      commune: l.communeCode,
      communeName: unitInfo(tree.tree, l.communeCode, period.to).name,
      list: { number: l.list.number, date: l.list.date },
      drawnUpOn: l.drawnUpOn,
      count: l.entries.length,
    })),
    rows,
    count: rows.length,
    named: rows.filter((r) => r.person !== null).length,
  };
}
