import { describe, expect, it } from 'vitest';
import { DOSSIER_COMMANDS, type DossierCommand } from './commands.js';
import { DOSSIER_RULES as R } from './dossierRules.js';
import {
  POSTED_ROUND,
  assess,
  assessmentData,
  givenDossier,
  goodRatings,
  historyIn,
  obligationsMet,
  petition,
  rating,
} from './testing.js';

const ROUND = POSTED_ROUND;
const given = givenDossier(ROUND);
const petitioned = historyIn(ROUND, petition('2024-08-12'), obligationsMet());
/** The conduct check of an assessment after the petition, the confirmation and these ratings. */
const conductAfter = (...ratings: DossierCommand[]) => {
  const events = historyIn(ROUND, petition('2024-08-12'), obligationsMet(), ...ratings, assess());
  const data = events.at(-1)?.data as {
    eligible: boolean;
    checks: { rule: string; outcome: string; reason: { vi: string } }[];
  };
  return { eligible: data.eligible, conduct: data.checks.find((c) => c.rule === 'conduct')! };
};
// 2023-Q1 … 2024-Q2 and the rating since the window (2024-08-14), as the warden recorded them.
const [q1, q2, q3, q4, q5, q6, window] = goodRatings();

describe('conduct, from the ratings the facility recorded (LĐX 11(1)(a); NĐ52 4(1))', () => {
  it('takes no quarter count, window flag or exclusion from the assessor', () => {
    const schema = DOSSIER_COMMANDS.find((c) => c.type === 'AssessEligibility')!.schema;
    for (const field of ['consecutiveGoodQuarters', 'ratedGoodSinceWindow', 'roundExclusionsMatched'])
      expect(
        schema.safeParse(assessmentData({ [field]: field === 'roundExclusionsMatched' ? [] : 6 })).success,
      ).toBe(false);
  });

  it('passes with the round’s run of good quarters and khá or tốt since the window', () => {
    expect(conductAfter(...goodRatings())).toMatchObject({ eligible: true, conduct: { outcome: 'PASS' } });
  });

  it('fails a quarter rated trung bình inside the window, however many good quarters came before', () => {
    const result = conductAfter(
      q1!,
      q2!,
      q3!,
      q4!,
      q5!,
      q6!,
      rating('2024-Q3', 'TRUNG_BINH', '2024-08-01'),
      window!,
    );
    expect(result).toMatchObject({ eligible: false, conduct: { outcome: 'FAIL' } });
    expect(result.conduct.reason.vi).toContain('trung bình');
  });

  it('fails when not rated khá or tốt since the round’s conduct window (P2)', () => {
    const result = conductAfter(q1!, q2!, q3!, q4!, q5!, q6!, rating(null, 'TRUNG_BINH'));
    expect(result).toMatchObject({ eligible: false, conduct: { outcome: 'FAIL' } });
    // No rating at all since 26/05/2024: not yet known, so not eligible either.
    expect(conductAfter(q1!, q2!, q3!, q4!).conduct.outcome).toBe('MISSING_DATA');
  });

  it('fails any classified quarter below khá, even one outside the run (every quarter, NĐ52 4(1))', () => {
    const early = rating('2022-Q1', 'KEM', '2022-04-05');
    expect(conductAfter(early, ...goodRatings()).conduct.outcome).toBe('FAIL');
  });

  it('counts only consecutive quarters: a gap leaves fewer than the band’s four', () => {
    // 2023-Q1, then 2024-Q1 and 2024-Q2: the run ending with the latest is two quarters.
    expect(conductAfter(q1!, q5!, q6!, window!).conduct).toMatchObject({ outcome: 'FAIL' });
  });

  it('records a quarter once, with its quarter named, by the facility that holds the person', () => {
    const noQuarter = { ...(q1!.data as Record<string, unknown>), quarter: undefined };
    given(petitioned)
      .when({ ...q1!, data: noQuarter } as DossierCommand)
      .thenRefuses(R.ratingPeriod);
    given([...petitioned, ...historyIn(ROUND, petition('2024-08-12'), q1!).slice(1)])
      .when(q1!)
      .thenRefuses(R.quarterRated);
    given(petitioned)
      .when(rating('2024-Q2', 'KHA', undefined, 'procuracy'))
      .thenRefuses(R.role);
    given(petitioned)
      .when(rating('2024-Q2', 'KHA', undefined, 'court'))
      .thenRefuses(R.courtSuspendedOnly);
  });
});
