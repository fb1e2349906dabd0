import { AGGREGATES, TEST_UNITS } from '@dacxa/domain';
import { sealedInMemoryStore } from '@dacxa/protection/testing';
import { createGrantIndex } from './grantIndex.js';
import { handleCommand, type CommandDeps } from './handleCommand.js';
import { ORG_UNITS_ID, createOrgTree } from './orgTree.js';

export const CASE_ID = '0192f5c4-0000-7000-8000-000000000001';
export const NOTICE = {
  caseId: CASE_ID,
  person: {
    personId: '0192f5c4-0000-7000-8000-0000000000aa',
    fullName: 'Người Giả Định Một',
    birthDate: '1990-01-01',
  },
  source: 'AMNESTY',
  communeCode: 'xa-1',
  releaseDate: '2025-09-01',
  reportBy: '2025-09-10',
  receivedOn: '2025-08-29',
  notice: { number: '215/TB-TG', date: '2025-08-29' },
};
export const RECEIVED = {
  reportedOn: '2025-09-03',
  certificate: { number: '1693-0042/GCN', date: '2025-09-01' },
  reportBy: '2025-09-10',
  minutes: { number: '01/BB-CA', date: '2025-09-03', form: 'HCD-05' },
  commitmentSigned: true,
};
export const VISIT = { visitedOn: '2025-09-20', place: 'HOME', findings: 'Đã gặp, ổn định', concerns: [] };

/** Commune police of a commune of the test tree, acting on a date (08:00 in Hanoi). */
export const police = (unit = 'xa-1/cong-an', on = '2025-09-20') => ({
  actor: `u-${unit}`,
  role: 'commune-police' as const,
  unit,
  now: `${on}T01:00:00Z`,
});

/** The handler over an in-memory sealing store holding the test tree (two provinces). */
export async function testDeps(): Promise<CommandDeps> {
  const { sealer, store } = sealedInMemoryStore();
  const deps: CommandDeps = { store, sealer, tree: createOrgTree(store), grants: createGrantIndex(store) };
  for (const [code, kind, name, parent] of TEST_UNITS) {
    await handleCommand(deps, 'org-units', AGGREGATES['org-units'], {
      type: 'EstablishOrgUnit',
      id: ORG_UNITS_ID,
      data: { code, kind, name, parent, effectiveFrom: '2024-01-01' },
      meta: { actor: 'u-admin', role: 'admin', unit: 'bo-cong-an', now: '2024-01-01T01:00:00Z' },
    });
  }
  return deps;
}
