import { describe, expect, it } from 'vitest';
import { BUILT_IN_CALENDAR } from './builtInCalendar.js';
import { everyYearCalendar } from './testing.js';
import { Sentence } from '../dossier/values.js';
import { IssueRecommendation } from '../oversight/oversight.js';
import { quarterlyReportDue } from '../reintegration/quarters.js';
import { Quarter } from '../reintegration/values.js';
import { QuarterBand } from '../round/parameters.js';
import { CommandMeta } from '../shared/command.js';

const recommendation = (responseDays: number) => ({
  recommendationId: '0192f5c4-0000-7000-8000-0000000000bb',
  kind: 'RECOMMENDATION',
  addresseeUnit: 'xa-an-khanh',
  content: 'Đề nghị bổ sung hồ sơ',
  issuedOn: '2025-09-02',
  responseDays,
  dayKind: 'WORKING',
  document: { number: '12/KN-VKS', date: '2025-09-02' },
});

describe('commands that feed date arithmetic', () => {
  it('refuses a response period longer than a year, fractional or not positive', () => {
    const { schema } = IssueRecommendation;
    expect(schema.safeParse(recommendation(30)).error).toBeUndefined();
    for (const days of [366, 1e9, 1.5, 0, -5]) {
      expect(schema.safeParse(recommendation(days)).error?.issues[0]?.path).toEqual(['responseDays']);
    }
  });

  it('refuses a sentence term or excluded days beyond a lifetime', () => {
    const sentence = {
      kind: 'FIXED',
      termMonths: 60,
      servedSince: '2020-01-01',
      excludedDays: 0,
      seriousListed: false,
      corruption: false,
      nationalSecurityListed: false,
      offences: ['Trộm cắp tài sản'],
    };
    expect(Sentence.safeParse(sentence).success).toBe(true);
    expect(Sentence.safeParse({ ...sentence, termMonths: 1e9 }).success).toBe(false);
    expect(Sentence.safeParse({ ...sentence, excludedDays: 1e9 }).success).toBe(false);
    expect(QuarterBand.safeParse({ overMonths: 0, upToMonths: 1e9, quarters: 2 }).success).toBe(false);
  });

  it('refuses a quarter outside 1900–2099, so its report due date can always be computed', () => {
    expect(Quarter.safeParse('9999-Q4').success).toBe(false);
    expect(Quarter.safeParse('2099-Q4').success).toBe(true);
    expect(quarterlyReportDue('2099-Q4', everyYearCalendar())).toBe('2100-01-05');
    // On the built-in data alone, that far a year is not covered: refused, not guessed.
    expect(() => quarterlyReportDue('2099-Q4', BUILT_IN_CALENDAR)).toThrow(
      expect.objectContaining({ code: 'ERR_CALENDAR_UNCOVERED' }),
    );
  });

  it('refuses a command issued at an instant outside 1900–2100', () => {
    const meta = { actor: 'u-1', role: 'admin', unit: 'xa-an-khanh' };
    expect(CommandMeta.safeParse({ ...meta, now: '2025-09-05T02:00:00Z' }).success).toBe(true);
    expect(CommandMeta.safeParse({ ...meta, now: '9999-12-31T23:59:59Z' }).error?.issues[0]?.path).toEqual([
      'now',
    ]);
  });
});
