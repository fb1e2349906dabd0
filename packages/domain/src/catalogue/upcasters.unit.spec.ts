import { describe, expect, it } from 'vitest';
import { KNOWN_ROUNDS } from '../round/knownRounds.js';
import { UnreadableEventError, readStoredEvent } from './registry.js';

const metadata = { actor: 'u-1', role: 'commune-police', unit: 'xa-an-khanh' };
const v1 = (address: string) => ({
  type: 'ResidenceVerified',
  schemaVersion: 1,
  data: { address, verifiedOn: '2024-10-02', familyContacted: true },
  metadata,
});

describe('reading ResidenceVerified written before addresses were structured', () => {
  it('splits a v1 address into the commune, the village and the street', () => {
    expect(readStoredEvent(v1('Số 12, ngõ 4, Thôn Đông, xã An Khánh, thành phố Hải Phòng'))).toEqual({
      type: 'ResidenceVerified',
      data: {
        address: { communeCode: 'xa-an-khanh', village: 'Thôn Đông', street: 'Số 12, ngõ 4' },
        verifiedOn: '2024-10-02',
        familyContacted: true,
      },
    });
  });

  it('keeps the whole text as the street when no village is named', () => {
    expect(readStoredEvent(v1('Số 7 đường Lạch Tray, phường Đông Hải')).data).toMatchObject({
      address: { communeCode: 'xa-an-khanh', village: 'Chưa xác định', street: 'Số 7 đường Lạch Tray' },
    });
  });

  it('passes a current event through its schema unchanged', () => {
    const v2 = {
      ...v1(''),
      schemaVersion: 2,
      data: {
        address: { communeCode: 'xa-an-khanh', village: 'Thôn 3' },
        verifiedOn: '2025-09-01',
        familyContacted: false,
      },
    };
    expect(readStoredEvent(v2).data).toEqual(v2.data);
  });

  it('refuses unknown types, versions newer than this build and data its schema rejects', () => {
    expect(() => readStoredEvent({ ...v1('x'), type: 'NoSuchEvent' })).toThrow(UnreadableEventError);
    expect(() => readStoredEvent({ ...v1('x'), schemaVersion: 3 })).toThrow(/newer than this build/);
    expect(() => readStoredEvent({ ...v1('x'), schemaVersion: 2 })).toThrow(UnreadableEventError);
  });
});

describe('reading a round opened before rounds named their province', () => {
  const amnesty = { actor: 'u-2', role: 'amnesty-subcommittee', unit: 'tp-hai-phong/cong-an' };
  const decidedV1 = {
    roundId: '0192f5c4-0000-7000-8000-0000000001a0',
    decision: { number: '758/2024/QĐ-CTN', date: '2024-07-30' },
    occasion: 'Quốc khánh 2024',
    amnestyDate: '2024-10-01',
    parameters: KNOWN_ROUNDS['2024']!.parameters,
  };

  it('takes the recording unit as the province of a v1 decision or proposal', () => {
    const decided = { type: 'AmnestyRoundDecided', schemaVersion: 1, data: decidedV1, metadata: amnesty };
    expect(readStoredEvent(decided).data).toEqual({ ...decidedV1, province: 'tp-hai-phong/cong-an' });
    const proposalV1 = {
      roundId: decidedV1.roundId,
      occasion: 'Quốc khánh 2024',
      amnestyDate: '2024-10-01',
      submittedOn: '2024-07-15',
      daysBeforeAmnesty: 78,
    };
    const proposal = {
      type: 'AmnestyProposalSubmitted',
      schemaVersion: 1,
      data: proposalV1,
      metadata: amnesty,
    };
    expect(readStoredEvent(proposal).data).toMatchObject({ province: 'tp-hai-phong/cong-an' });
  });

  it('refuses a v1 event that already carries a field v1 never had', () => {
    const odd = { ...decidedV1, province: 'tp-ha-noi' };
    expect(() =>
      readStoredEvent({ type: 'AmnestyRoundDecided', schemaVersion: 1, data: odd, metadata: amnesty }),
    ).toThrow();
  });
});

describe('reading a task assigned before tasks recorded their plan’s issuer', () => {
  it('takes the recording unit, which v1 required to be the issuer the assigner named', () => {
    const v1 = {
      taskId: '0192f5c4-0000-7000-8000-0000000000c1',
      planId: '0192f5c4-0000-7000-8000-0000000000b1',
      group: 1,
      leadUnit: 'xa-an-khanh/cong-an',
      coordinatingUnits: [],
      requestType: 'ASSIGN',
      description: 'Tiếp nhận, quản lý người được đặc xá',
      assignedOn: '2025-07-28',
    };
    const stored = {
      type: 'TaskAssigned',
      schemaVersion: 1,
      data: v1,
      metadata: { actor: 'u-3', role: 'commune-chair', unit: 'xa-an-khanh' },
    };
    expect(readStoredEvent(stored).data).toEqual({ ...v1, issuerUnit: 'xa-an-khanh' });
  });
});
