import type { RoundParameters } from './parameters.js';

/**
 * Consecutive good quarters by sentence band, from the 2025 round-2 summary (DOMAIN.md §4.2), the
 * only source the project holds: every known round uses them until its own text is checked.
 */
const QUARTER_BANDS_2025_2: RoundParameters['quarterBands'] = [
  // Conservative until verified: the next band's 2 quarters (the source cuts this value off).
  { overMonths: 0, upToMonths: 36, quarters: 2 },
  { overMonths: 36, upToMonths: 60, quarters: 2 },
  { overMonths: 60, upToMonths: 96, quarters: 4 },
  { overMonths: 96, upToMonths: 120, quarters: 8 },
  { overMonths: 120, upToMonths: 180, quarters: 14 },
  { overMonths: 180, upToMonths: null, quarters: 16 },
];

/**
 * How the exclusions that rest on the judgment alone are found from the sentence's facts; the rest
 * (drug use, repeated acts) rest on facts no sentence field holds, so only a paper recorded on the
 * dossier proves them.
 */
const MATCHES: Record<string, RoundParameters['exclusions'][number]['match']> = {
  'two-intentional-crimes': [{ intentionalCrimesAtLeast: 2 }],
  'prior-plus-intentional': [{ priorConvictionsAtLeast: 1, intentionalCrimesAtLeast: 1 }],
};

/**
 * The parameters of the rounds DOMAIN.md §4.2 documents, as data. Values read only from press
 * summaries are marked in `unverified` and must be checked against the decision and guidance texts
 * before a real assessment relies on them (DOMAIN.md §8, open point 1).
 */
export const KNOWN_ROUNDS: Record<
  string,
  {
    decision: string;
    guidance: string;
    effectiveFrom: string;
    /** Unverified values are listed in `parameters.unverified`, recorded with the round. */
    parameters: RoundParameters;
  }
> = {
  '2024': {
    decision: '758/2024/QĐ-CTN',
    guidance: '88/HD-HĐTVĐX',
    effectiveFrom: '2024-10-01',
    parameters: {
      servedTimeCutoff: '2024-09-30',
      conductWindowFrom: '2024-05-26',
      quarterBands: QUARTER_BANDS_2025_2,
      lifeQuarters: 18,
      reducedFraction: 0.25,
      reducedLifeYears: 12,
      exclusions: [
        {
          id: 'drug-use-evidence',
          vi: 'Có dấu hiệu sử dụng trái phép chất ma túy',
          en: 'Evidence of illegal drug use',
          citation: 'QĐ 758/2024/QĐ-CTN (theo tóm tắt)',
        },
        {
          id: 'three-crimes-or-two-intentional',
          vi: 'Phạm từ 3 tội trở lên hoặc 2 tội cố ý trở lên',
          en: 'Three or more crimes, or two or more intentional crimes',
          citation: 'QĐ 758/2024/QĐ-CTN (theo tóm tắt)',
          match: [{ crimesAtLeast: 3 }, { intentionalCrimesAtLeast: 2 }],
        },
      ],
      unverified: [
        'quarterBands copied from the 2025 round-2 summary; ≤ 3 years: 2 quarters, the conservative value',
        'reducedFraction; reducedLifeYears (12 years for a commuted life sentence: in no source the project holds)',
        'exclusions (two of the list)',
      ],
    },
  },
  '2025-1': {
    decision: '266/2025/QĐ-CTN',
    guidance: '21/HD-HĐTVĐX',
    effectiveFrom: '2025-05-01',
    parameters: {
      servedTimeCutoff: '2025-04-30',
      // Not in the sources: the quarter before the decision, until HD 21's text is checked.
      conductWindowFrom: '2025-01-01',
      quarterBands: QUARTER_BANDS_2025_2,
      lifeQuarters: 18,
      reducedFraction: 0.25,
      reducedLifeYears: 12,
      // The cases round 2 re-admitted, so round 1 excluded them (DOMAIN.md §4.2, from sggp's summary).
      exclusions: [
        [
          'assault-repeated',
          'Cố ý gây thương tích nhiều lần cho một người hoặc một lần cho nhiều người',
          'Assault several times against one person, or once against several people',
        ],
        [
          'resisting-officers-twice',
          'Chống người thi hành công vụ từ 2 lần trở lên',
          'Resisting officers twice or more',
        ],
        [
          'repeated-robbery-theft',
          'Cướp, cướp giật, trộm cắp tài sản nhiều lần',
          'Repeated robbery, snatching or theft',
        ],
        ['two-intentional-crimes', 'Phạm từ 2 tội cố ý trở lên', 'Two or more intentional crimes'],
        [
          'prior-plus-intentional',
          'Đã có 1 tiền án và phạm tội mới do cố ý',
          'One prior conviction plus a new intentional crime',
        ],
      ].map(([id, vi, en]) => ({
        id: id!,
        vi: vi!,
        en: en!,
        citation: 'QĐ 266/2025/QĐ-CTN (theo tóm tắt)',
        ...(MATCHES[id!] ? { match: MATCHES[id!] } : {}),
      })),
      unverified: [
        'conductWindowFrom (not in the sources)',
        'quarterBands (from the 2025 round-2 summary; ≤ 3 years at the conservative 2)',
        'reducedFraction; reducedLifeYears (12 years for a commuted life sentence: in no source the project holds)',
        'exclusions (the five round 2 re-admitted; the full list is not in the sources)',
      ],
    },
  },
  '2025-2': {
    decision: '1244/2025/QĐ-CTN',
    guidance: '94/HD-HĐTVĐX',
    effectiveFrom: '2025-09-01',
    parameters: {
      servedTimeCutoff: '2025-08-31',
      conductWindowFrom: '2025-06-01',
      quarterBands: QUARTER_BANDS_2025_2,
      lifeQuarters: 18,
      reducedFraction: 0.25,
      reducedLifeYears: 12,
      exclusions: [
        {
          id: 'drug-use-evidence',
          vi: 'Có dấu hiệu sử dụng trái phép chất ma túy',
          en: 'Evidence of illegal drug use',
          citation: 'QĐ 1244/2025/QĐ-CTN (theo tóm tắt)',
        },
      ],
      unverified: [
        'the ≤ 3-year band (cut off in the source): 2 quarters, the conservative value',
        'reducedFraction; reducedLifeYears (12 years for a commuted life sentence: in no source the project holds)',
        'exclusions (one of fourteen)',
      ],
    },
  },
};

/**
 * Rounds known to exist whose conditions the sources do not give (DOMAIN.md §9.2): recorded with
 * their decision and no parameters; the amnesty bodies enter them with their document
 * (`EnterRoundParameters`), and no dossier of the round is assessed before that.
 */
export const PENDING_ROUNDS: Record<string, { decision: string; guidance: string; toEnter: string[] }> = {
  '2026': {
    decision: '457/2026/QĐ-CTN',
    guidance: '33/HD-HĐTVĐX',
    toEnter: [
      'occasion, amnesty date, served-time cut-off',
      'conduct window and quarter bands',
      'reduced threshold',
      'exclusions',
    ],
  },
};
