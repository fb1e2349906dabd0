import { ancestorsAt, unitAt, type OrgUnitsState } from '../orgUnits/registry.js';
import type { UnitKind } from '../orgUnits/events.js';
import type { Labels } from '../shared/defineEvent.js';
import { cite, type LegalRef } from '../shared/legalBasis.js';
import { addDays, type LocalDate } from '../shared/localDate.js';
import { periodOf, previousPeriod, reportPeriod, type PeriodKind, type ReportPeriod } from './periods.js';

/** Who owes a scheduled report to whom. */
type Route =
  /** The commune police to the province's police (TT10 5: police reporting; no district since 2025). */
  | 'commune-police-to-province-police'
  /** The commune police draws up, the commune People's Committee confirms and sends on (QĐ22 14(2)(c)). */
  | 'commune-police-to-commune';

/** A report owed every period without anyone asking for it (DOMAIN.md §4.3, "Reports"). */
export interface ReportSchedule {
  label: Labels;
  basis: readonly LegalRef[];
  periods: readonly PeriodKind[];
  route: Route;
  due: (period: ReportPeriod) => LocalDate;
  /**
   * False where the law names the period but not the day: TT10 5 sets monthly, quarterly, six-monthly
   * and yearly reports and leaves the day to the body that receives them (NĐ 09/2019 Art. 12). The
   * day used is this product's default until that body's own instruction is checked; every request
   * says so (`scheduled.dueVerified`).
   */
  dueVerified: boolean;
}

// Five days after the period ends: the product's default day for TT10 5's reports (unverified).
const FIFTH_DAY_AFTER = (period: ReportPeriod): LocalDate => addDays(period.to, 5);

/** The reports the clock requests of every commune, declared once: the scheduler, decider and docs read it. */
export const REPORT_SCHEDULE = {
  'HCD-12': {
    label: { vi: 'Thống kê số liệu hằng tháng (HCD-12)', en: 'Monthly statistics (HCD-12)' },
    basis: [cite('TT10', '5')],
    periods: ['month'],
    route: 'commune-police-to-province-police',
    due: FIFTH_DAY_AFTER,
    dueVerified: false,
  },
  'HCD-13': {
    label: {
      vi: 'Báo cáo kết quả quý, 6 tháng, năm (HCD-13)',
      en: 'Quarterly, six-monthly and yearly results (HCD-13)',
    },
    basis: [cite('TT10', '5')],
    periods: ['quarter', 'half', 'year'],
    route: 'commune-police-to-province-police',
    due: FIFTH_DAY_AFTER,
    dueVerified: false,
  },
  'HCD-09': {
    label: { vi: 'Danh sách phân loại theo nhóm hằng quý (HCD-09)', en: 'Quarterly group list (HCD-09)' },
    basis: [cite('TT10', '12(3)')],
    periods: ['quarter'],
    route: 'commune-police-to-province-police',
    due: FIFTH_DAY_AFTER,
    dueVerified: false,
  },
  'QD22-MAU-01': {
    label: {
      vi: 'Danh sách người đủ điều kiện vay vốn (Mẫu 01), ngày 05 hằng tháng',
      en: 'Loan-eligibility list (Mẫu 01), on the 5th of each month',
    },
    basis: [cite('QĐ22', '14(2)(c)')],
    periods: ['month'],
    route: 'commune-police-to-commune',
    due: (period) => addDays(period.from, 4),
    dueVerified: true,
  },
} as const satisfies Record<string, ReportSchedule>;

export type ScheduledTemplate = keyof typeof REPORT_SCHEDULE;
export const SCHEDULED_TEMPLATES = Object.keys(REPORT_SCHEDULE) as ScheduledTemplate[];

/** A request the clock owes: what `RequestReport` carries, and the key its id is derived from. */
export interface ScheduledRequest {
  key: string;
  template: ScheduledTemplate;
  period: string;
  reportingUnit: string;
  recipientUnit: string;
  dueDate: LocalDate;
  requestedOn: LocalDate;
  scheduled: { dueVerified: boolean };
}

const COMMUNES: readonly UnitKind[] = ['COMMUNE', 'WARD', 'SPECIAL_ZONE'];

/** The unit of a kind directly under `parent` on a date: e.g. a commune's police. */
function childOfKind(tree: OrgUnitsState, parent: string, kind: UnitKind, date: LocalDate): string | null {
  const codes = Object.keys(tree).filter((code) => {
    const unit = unitAt(tree, code, date);
    return unit?.kind === kind && unit.parent === parent;
  });
  return codes.sort()[0] ?? null;
}

/** Who reports and who receives for one commune on a date, or null where the tree lacks a unit. */
function routeOf(
  tree: OrgUnitsState,
  commune: string,
  route: Route,
  date: LocalDate,
): { reportingUnit: string; recipientUnit: string } | null {
  const police = childOfKind(tree, commune, 'POLICE', date);
  if (!police) return null;
  if (route === 'commune-police-to-commune') return { reportingUnit: police, recipientUnit: commune };
  const province = ancestorsAt(tree, commune, date).find(
    (code) => unitAt(tree, code, date)?.kind === 'PROVINCE',
  );
  const provincePolice = province ? childOfKind(tree, province, 'POLICE', date) : null;
  return provincePolice ? { reportingUnit: police, recipientUnit: provincePolice } : null;
}

/** The request the schedule owes for one commune, template and period, or null if none is owed. */
export function scheduledRequest(
  tree: OrgUnitsState,
  commune: string,
  template: ScheduledTemplate,
  periodCode: string,
): ScheduledRequest | null {
  const schedule: ReportSchedule = REPORT_SCHEDULE[template];
  const period = reportPeriod(periodCode);
  if (!period || !schedule.periods.includes(period.kind)) return null;
  // A commune owes reports only for periods it existed from the start of.
  if (!COMMUNES.includes(unitAt(tree, commune, period.from)?.kind ?? 'NATIONAL')) return null;
  const route = routeOf(tree, commune, schedule.route, period.from);
  if (!route) return null;
  return {
    key: `${template}:${commune}:${period.code}`,
    template,
    period: period.code,
    ...route,
    dueDate: schedule.due(period),
    requestedOn: period.from,
    scheduled: { dueVerified: schedule.dueVerified },
  };
}

/** How far back a sweep requests: a service down for a quarter still opens what fell due meanwhile. */
export const SCHEDULE_LOOKBACK_DAYS = 100;

/**
 * Every request the schedule owes as of `today`: for each commune, template and period kind, the
 * periods that have begun by today and fell due no more than SCHEDULE_LOOKBACK_DAYS ago.
 */
export function scheduledRequests(tree: OrgUnitsState, today: LocalDate): ScheduledRequest[] {
  const out: ScheduledRequest[] = [];
  const oldest = addDays(today, -SCHEDULE_LOOKBACK_DAYS);
  const communes = Object.keys(tree)
    .filter((code) => COMMUNES.includes(unitAt(tree, code, today)?.kind ?? 'NATIONAL'))
    .sort();
  for (const commune of communes)
    for (const template of SCHEDULED_TEMPLATES)
      for (const kind of REPORT_SCHEDULE[template].periods) {
        let period = reportPeriod(periodOf(kind, today));
        while (period && REPORT_SCHEDULE[template].due(period) >= oldest) {
          const request = scheduledRequest(tree, commune, template, period.code);
          if (request) out.push(request);
          period = period.from > oldest ? previousPeriod(period) : null;
        }
      }
  return out;
}
