import { describe, expect, it } from 'vitest';
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
