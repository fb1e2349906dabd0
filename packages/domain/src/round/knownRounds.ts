import type { RoundParameters } from './parameters.js';

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
    parameters: RoundParameters;
    unverified: string[];
  }
> = {
  '2024': {
    decision: '758/2024/QĐ-CTN',
    guidance: '88/HD-HĐTVĐX',
    effectiveFrom: '2024-10-01',
    parameters: {
      servedTimeCutoff: '2024-09-30',
      conductWindowFrom: '2024-05-26',
      quarterBands: [
        { overMonths: 0, upToMonths: 36, quarters: 0 },
        { overMonths: 36, upToMonths: 60, quarters: 2 },
        { overMonths: 60, upToMonths: 96, quarters: 4 },
        { overMonths: 96, upToMonths: 120, quarters: 8 },
        { overMonths: 120, upToMonths: 180, quarters: 14 },
        { overMonths: 180, upToMonths: null, quarters: 16 },
      ],
      lifeQuarters: 18,
      reducedFraction: 0.25,
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
        },
      ],
    },
    unverified: [
      'quarterBands copied from the 2025 round-2 summary',
      'reducedFraction',
      'exclusions (two of the list)',
    ],
  },
  '2025-2': {
    decision: '1244/2025/QĐ-CTN',
    guidance: '94/HD-HĐTVĐX',
    effectiveFrom: '2025-09-01',
    parameters: {
      servedTimeCutoff: '2025-08-31',
      conductWindowFrom: '2025-06-01',
      quarterBands: [
        { overMonths: 0, upToMonths: 36, quarters: 0 },
        { overMonths: 36, upToMonths: 60, quarters: 2 },
        { overMonths: 60, upToMonths: 96, quarters: 4 },
        { overMonths: 96, upToMonths: 120, quarters: 8 },
        { overMonths: 120, upToMonths: 180, quarters: 14 },
        { overMonths: 180, upToMonths: null, quarters: 16 },
      ],
      lifeQuarters: 18,
      reducedFraction: 0.25,
      exclusions: [
        {
          id: 'drug-use-evidence',
          vi: 'Có dấu hiệu sử dụng trái phép chất ma túy',
          en: 'Evidence of illegal drug use',
          citation: 'QĐ 1244/2025/QĐ-CTN (theo tóm tắt)',
        },
      ],
    },
    unverified: [
      'the ≤ 3-year band (cut off in the source)',
      'reducedFraction',
      'exclusions (one of fourteen)',
    ],
  },
};
