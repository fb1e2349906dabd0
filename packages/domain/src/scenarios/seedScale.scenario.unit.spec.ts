import { describe, expect, it } from 'vitest';
import { runAnKhanh } from './anKhanhScript.js';
import { caseOfDossier, runProvince2024 } from './province2024Script.js';
import { runnerOf, scenarioLog } from './scenarioLog.js';
import { id } from './anKhanhPlan.js';

describe('the demo seed’s scale', () => {
  it('plays both plans with thirty people and twelve dossiers, leaving people and dossiers at every stage', async () => {
    const log = scenarioLog();
    await runAnKhanh(runnerOf(log), { people: 30 });
    await runProvince2024(runnerOf(log), { granted: 6, pending: 2, openCases: true });
    const caseStatuses = new Set(
      Array.from({ length: 30 }, (_, i) => log.state('case', id(2, i + 1)).status),
    );
    expect([...caseStatuses].sort()).toEqual(['closed', 'expected', 'received', 'supervised']);
    const dossierStatuses = Array.from({ length: 12 }, (_, i) => log.state('dossier', id(11, i + 1)).status);
    expect(new Set(dossierStatuses)).toEqual(new Set(['granted', 'not-granted', 'open']));
    expect(log.state('case', caseOfDossier(1))).toMatchObject({
      status: 'expected',
      communeCode: 'xa-an-khanh',
    });
  });
});
