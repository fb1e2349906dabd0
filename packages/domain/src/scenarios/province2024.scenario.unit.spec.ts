import { beforeAll, describe, expect, it } from 'vitest';
import { expectedCaseFromCertificate } from '../dossier/openExpectedCase.js';
import { DomainRefusal } from '../shared/rules.js';
import { by, id } from './anKhanhPlan.js';
import {
  D1,
  D2,
  D3,
  D4,
  ROUND_2024 as ROUND,
  prisoner as person,
  runProvince2024,
} from './province2024Script.js';
import { runnerOf, scenarioLog } from './scenarioLog.js';

const log = scenarioLog();
let lateComplaint: unknown;

beforeAll(async () => {
  ({ lateComplaint } = await runProvince2024(runnerOf(log)));
});

describe('the provincial 2024 round (QĐ 758/2024/QĐ-CTN)', () => {
  it('records the province whose round it is', () => {
    expect(log.state('round', ROUND).province).toBe('tp-hai-phong');
  });

  it('assesses every dossier with explained rules: two eligible, two excluded by the round’s own list', () => {
    const eligible = [D1, D2, D3, D4].map(
      (d) =>
        (
          log.events('dossier', d).find((e) => e.type === 'EligibilityAssessed')?.data as {
            eligible: boolean;
          }
        ).eligible,
    );
    expect(eligible).toEqual([true, false, false, true]);
  });

  it('resolves one complaint inside its window, and refuses one lodged after the window closed', () => {
    expect(log.state('dossier', D2)).toMatchObject({ eligible: true, complaint: { outcome: 'ACCEPTED' } });
    expect(lateComplaint).toBeInstanceOf(DomainRefusal);
    expect(lateComplaint).toMatchObject({
      rule: 'dossier.complaint-window',
      basis: { source: 'LĐX', article: '36(3)' },
    });
    expect(log.state('dossier', D3)).toMatchObject({ complaint: null });
  });

  it('lets an aggravating protest disqualify a dossier that was eligible', () => {
    expect(log.state('dossier', D4)).toMatchObject({
      status: 'not-granted',
      disqualified: 'AGGRAVATING_CASSATION_OR_REOPENING_PROTEST',
    });
  });

  it('grants and releases those the President named, and the certificate opens the expected case at the destination commune', async () => {
    expect([D1, D2, D3, D4].map((d) => log.state('dossier', d).status)).toEqual([
      'granted',
      'granted',
      'not-granted',
      'not-granted',
    ]);
    const certificate = log.events('dossier', D1).find((e) => e.type === 'AmnestyCertificateIssued')
      ?.data as Parameters<typeof expectedCaseFromCertificate>[0]['certificate'];
    const caseId = id(2, 2024);
    await log.run('case', caseId, {
      type: 'ReceiveReleaseNotice',
      data: expectedCaseFromCertificate({
        caseId,
        roundId: ROUND,
        person: person(1),
        certificate,
        releasedOn: '2024-10-01',
        receivedOn: '2024-10-01',
      }),
      meta: by('commune-police', 'xa-an-khanh/cong-an', '2024-10-01'),
    });
    expect(log.state('case', caseId)).toMatchObject({
      status: 'expected',
      communeCode: 'xa-an-khanh',
      source: 'AMNESTY',
      reportBy: '2024-10-11',
      residence: { verifyBy: '2024-10-04' },
    });
    expect(log.events('case', caseId)[0]?.data).toMatchObject({ roundId: ROUND });
  });
});
