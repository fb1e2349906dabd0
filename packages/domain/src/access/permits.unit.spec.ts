import { describe, expect, it } from 'vitest';
import type { Role } from '../shared/roles.js';
import { held, type Holders } from './holders.js';
import { jurisdictionOf } from './jurisdiction.js';
import { permits } from './permits.js';
import type { Action, RecordKind } from './policy.js';
import { testTree } from './testTree.js';

const tree = testTree();
const ON = '2025-03-01';
const may = (
  role: Role,
  unit: string,
  kind: RecordKind,
  action: Action,
  holders: Holders,
  actor = 'u-1',
  date = ON,
) => permits(tree, { actor, role, unit }, kind, action, holders, date);

const dossierA = [held('facility', 'trai-a')];
const roundA = [held('province', 'tinh-a')];
const caseX1 = [held('commune', 'xa-1'), held('village', 'xa-1', 'Thôn 1'), held('supervisor', 'u-sup')];

describe('the area a unit acts for', () => {
  it('is the unit itself for an area or facility, the area above it for an office', () => {
    expect(jurisdictionOf(tree, 'xa-1/cong-an', ON)).toBe('xa-1');
    expect(jurisdictionOf(tree, 'tinh-a/cong-an/tieu-ban', ON)).toBe('tinh-a');
    expect(jurisdictionOf(tree, 'trai-a', ON)).toBe('trai-a');
    expect(jurisdictionOf(tree, 'khong-co', ON)).toBeNull();
    expect(jurisdictionOf(tree, 'xa-1', '2023-12-31')).toBeNull();
  });
});

describe('amnesty dossiers and rounds belong to their province (and a dossier to its facility)', () => {
  it('lets the province’s own bodies read a dossier, and no other province’s', () => {
    for (const [role, unit] of [
      ['procuracy', 'tinh-a/vks'],
      ['court', 'tinh-a/toa-an'],
      ['amnesty-subcommittee', 'tinh-a/cong-an/tieu-ban'],
      ['fatherland-front', 'tinh-a/mat-tran'],
    ] as const) {
      expect(may(role, unit, 'dossier', 'read', dossierA)).toBe(true);
    }
    expect(may('procuracy', 'tinh-b/vks', 'dossier', 'read', dossierA)).toBe(false);
    expect(may('provincial-police', 'tinh-b/cong-an', 'round', 'read', roundA)).toBe(false);
    expect(may('amnesty-subcommittee', 'tinh-b/cong-an', 'dossier', 'write', dossierA)).toBe(false);
  });

  it('lets a warden act on their own facility’s dossiers only', () => {
    expect(may('facility-warden', 'trai-a', 'dossier', 'write', dossierA)).toBe(true);
    expect(may('facility-warden', 'trai-a2', 'dossier', 'read', dossierA)).toBe(false);
    expect(may('facility-warden', 'trai-b', 'dossier', 'write', dossierA)).toBe(false);
    expect(may('facility-warden', 'trai-a', 'round', 'read', roundA)).toBe(true);
    expect(may('facility-warden', 'trai-b', 'round', 'read', roundA)).toBe(false);
  });

  it('gives a commune’s Fatherland Front no dossier at all', () => {
    expect(may('fatherland-front', 'xa-1/mat-tran', 'dossier', 'read', dossierA)).toBe(false);
    expect(may('fatherland-front', 'xa-1/mat-tran', 'round', 'read', roundA)).toBe(false);
    expect(may('fatherland-front', 'xa-1/mat-tran', 'case', 'read', caseX1)).toBe(true);
  });
});

describe('inside a commune', () => {
  it('lets a supervisor reach only the cases assigned to them', () => {
    expect(may('supervisor', 'xa-1', 'case', 'read', caseX1, 'u-sup')).toBe(true);
    expect(may('supervisor', 'xa-1', 'case', 'read', caseX1, 'u-other')).toBe(false);
    expect(may('supervisor', 'xa-1', 'case', 'write', caseX1, 'u-other')).toBe(false);
  });

  it('lets a village head reach only their village’s cases, by the village the address names', () => {
    expect(may('village-head', 'xa-1/thon-1', 'case', 'write', caseX1)).toBe(true);
    expect(may('village-head', 'xa-1/thon-2', 'case', 'read', caseX1)).toBe(false);
    const decomposed = [held('village', 'xa-1', 'thôn 1'.normalize('NFD'))];
    expect(may('village-head', 'xa-1/thon-1', 'case', 'read', decomposed)).toBe(true);
  });

  it('keeps another commune’s police out, and lets the province’s procuracy read but not write', () => {
    expect(may('commune-police', 'xa-2/cong-an', 'case', 'read', caseX1)).toBe(false);
    expect(may('commune-police', 'xa-1/cong-an', 'case', 'write', caseX1)).toBe(true);
    expect(may('procuracy', 'tinh-a/vks', 'case', 'read', caseX1)).toBe(true);
    expect(may('procuracy', 'tinh-a/vks', 'case', 'write', caseX1)).toBe(false);
    expect(may('procuracy', 'tinh-b/vks', 'case', 'read', caseX1)).toBe(false);
  });
});

describe('the unit registry', () => {
  const moveXa3IntoA = [held('unit', 'xa-3'), held('unit', 'tinh-a'), held('unit', 'tinh-b')];
  it('is changed only by an admin above every unit the change touches, or a national one', () => {
    expect(may('admin', 'xa-1', 'org-units', 'write', [held('unit', 'xa-2')])).toBe(false);
    expect(may('admin', 'tinh-a', 'org-units', 'write', moveXa3IntoA)).toBe(false);
    expect(may('admin', 'tinh-a', 'org-units', 'write', [held('unit', 'xa-1'), held('unit', 'tinh-a')])).toBe(
      true,
    );
    expect(may('admin', 'bo-cong-an', 'org-units', 'write', moveXa3IntoA)).toBe(true);
    expect(may('admin', 'bo-cong-an', 'org-units', 'write', [held('unit', 'tinh-moi')])).toBe(true);
    expect(may('commune-police', 'xa-1/cong-an', 'org-units', 'write', [held('unit', 'xa-1')])).toBe(false);
  });
});

describe('requests and recommendations', () => {
  it('are addressed only inside the requester’s jurisdiction', () => {
    const toOwnCommune = [held('recipient', 'tinh-a'), held('reporter', 'xa-1/cong-an')];
    const toOtherProvince = [held('recipient', 'tinh-a'), held('reporter', 'xa-3/cong-an')];
    expect(may('provincial-committee', 'tinh-a', 'report', 'write', toOwnCommune)).toBe(true);
    expect(may('provincial-committee', 'tinh-a', 'report', 'write', toOtherProvince)).toBe(false);
    const recommendation = (addressee: string) => [held('body', 'tinh-a/vks'), held('addressee', addressee)];
    expect(may('procuracy', 'tinh-a/vks', 'oversight', 'write', recommendation('xa-1'))).toBe(true);
    expect(may('procuracy', 'tinh-a/vks', 'oversight', 'write', recommendation('xa-3'))).toBe(false);
  });
});

describe('after a merger', () => {
  const merged = testTree({ merged: true });
  const caseX2 = [held('commune', 'xa-2')];
  const on = (date: string, unit: string, action: Action) =>
    permits(merged, { actor: 'u', role: 'commune-police', unit }, 'case', action, caseX2, date);

  it('lets the successor read and continue the merged commune’s cases', () => {
    expect(on('2025-07-01', 'xa-1/cong-an', 'write')).toBe(true);
    expect(on('2025-06-30', 'xa-1/cong-an', 'write')).toBe(false);
  });

  it('lets the dissolved commune record nothing new', () => {
    expect(on('2025-06-30', 'xa-2/cong-an', 'write')).toBe(true);
    // Its police unit still exists in the tree, but the area it acted for is gone.
    expect(on('2025-07-01', 'xa-2/cong-an', 'write')).toBe(false);
  });
});

describe('tasks', () => {
  it('are assigned by a plan’s issuer only to units inside its own area', () => {
    const task = (lead: string) => [held('issuer', 'xa-1'), held('lead', lead)];
    expect(may('commune-chair', 'xa-1', 'task', 'write', task('xa-1/cong-an'))).toBe(true);
    expect(may('commune-chair', 'xa-1', 'task', 'write', task('xa-3/cong-an'))).toBe(false);
    expect(may('commune-police', 'xa-3/cong-an', 'task', 'write', task('xa-3/cong-an'))).toBe(true);
  });
});
