import { describe, expect, it } from 'vitest';
import { readStoredEvent } from '@dacxa/domain';
import { runEventStoreContract } from '@dacxa/event-store/contract';
import { getInMemoryEventStore, type RecordedEvent } from '@dacxa/event-store';
import { ErasedSubjectError, SealIntegrityError, UnsealedPersonalDataError } from './errors.js';
import { getSealingEventStore } from './sealingEventStore.js';
import { openDocument } from './openDocument.js';
import { ERASED, REDACTED, type Access } from './policy.js';
import { ID_NUMBER, NAME, PERSON_ID, notice, testSealer } from './testing.js';

const recorded = (
  event: Awaited<ReturnType<ReturnType<typeof testSealer>['sealer']['sealEvent']>>,
): RecordedEvent => ({
  ...event,
  id: 'x',
  stream: 'case-1',
  revision: 0,
  schemaVersion: 1,
  position: 1n,
  occurredAt: '',
  recordedAt: '',
  prevHash: '',
  hash: '',
});
const police: Access = { role: 'commune-police', purpose: 'case-management', inScope: true };

describe('sealing personal fields', () => {
  it('leaves no personal value in the clear, and opens them all for commune police managing the case', async () => {
    const { sealer } = testSealer();
    const sealed = await sealer.sealEvent(notice());
    const text = JSON.stringify(sealed);
    expect(text).not.toContain(NAME);
    expect(text).not.toContain(ID_NUMBER);
    expect(text).toContain('"communeCode":"xa-an-khanh"');
    const opened = await sealer.unsealEvent(recorded(sealed), police);
    expect(opened.data).toEqual(notice().data);
  });

  it('shows each role only the categories its work needs', async () => {
    const { sealer } = testSealer();
    const sealed = recorded(await sealer.sealEvent(notice()));
    const person = async (access: Access) =>
      ((await sealer.unsealEvent(sealed, access)).data as { person: Record<string, string> }).person;
    expect(await person({ role: 'village-head', purpose: 'supervision', inScope: true })).toMatchObject({
      fullName: NAME,
      idNumber: REDACTED,
    });
    expect(await person({ role: 'auditor', purpose: 'oversight', inScope: true })).toMatchObject({
      fullName: REDACTED,
      birthDate: REDACTED,
      idNumber: REDACTED,
    });
    expect(await person({ role: 'village-head', purpose: 'support', inScope: true })).toMatchObject({
      fullName: REDACTED,
    });
    expect(await person({ ...police, inScope: false })).toMatchObject({ fullName: REDACTED });
  });

  it('refuses an event with personal data but no subject to seal it for', async () => {
    const { sealer } = testSealer();
    await expect(sealer.sealEvent(notice(null as never))).rejects.toBeInstanceOf(UnsealedPersonalDataError);
  });

  it('detects a sealed value moved into another field', async () => {
    const { sealer } = testSealer();
    const sealed = recorded(await sealer.sealEvent(notice()));
    const person = (sealed.data as { person: Record<string, unknown> }).person;
    const swapped = {
      ...sealed,
      data: { ...(sealed.data as object), person: { ...person, fullName: person.idNumber } },
    } as RecordedEvent;
    await expect(sealer.unsealEvent(swapped, police)).rejects.toBeInstanceOf(SealIntegrityError);
  });

  it('shows erased data as erased to everyone, and records nothing new for an erased person', async () => {
    const { sealer, keys } = testSealer();
    const sealed = recorded(await sealer.sealEvent(notice()));
    await keys.erase(PERSON_ID, '2026-01-12T00:00:00Z');
    expect(
      ((await sealer.unsealEvent(sealed, police)).data as { person: { fullName: string } }).person.fullName,
    ).toBe(ERASED);
    await expect(sealer.sealEvent(notice())).rejects.toBeInstanceOf(ErasedSubjectError);
  });
});

runEventStoreContract('sealing over in-memory', {
  open: () => Promise.resolve(getSealingEventStore(getInMemoryEventStore(), testSealer().sealer)),
});

describe('sealed events of an older version', () => {
  it('are sealed and opened by that version’s personal fields, then upcast to the current shape', async () => {
    const { sealer } = testSealer();
    const v1 = {
      type: 'ResidenceVerified',
      schemaVersion: 1,
      data: {
        address: 'Số 12, ngõ 4, Thôn Đông, xã An Khánh',
        verifiedOn: '2024-10-02',
        familyContacted: true,
      },
      metadata: { actor: 'u', role: 'commune-police', unit: 'xa-an-khanh', subject: PERSON_ID },
    };
    const sealed = recorded(await sealer.sealEvent(v1));
    expect(JSON.stringify(sealed.data)).not.toContain('ngõ 4');
    const opened = await sealer.unsealEvent({ ...sealed, schemaVersion: 1 }, police);
    expect(
      readStoredEvent({ ...opened, metadata: { ...opened.metadata, unit: 'xa-an-khanh' } }).data,
    ).toMatchObject({
      address: { communeCode: 'xa-an-khanh', village: 'Thôn Đông', street: 'Số 12, ngõ 4' },
    });
  });
});

describe('sealed values copied into a view document', () => {
  it('open by the category they carry, for whoever may read it, wherever they sit', async () => {
    const { sealer, keys } = testSealer();
    const sealed = await sealer.sealEvent(notice());
    const person = (sealed.data as { person: Record<string, unknown> }).person;
    const view = { caseId: 'c1', holder: { name: person.fullName, id: person.idNumber }, status: 'expected' };
    expect(await openDocument(view, keys, police)).toEqual({
      caseId: 'c1',
      holder: { name: NAME, id: ID_NUMBER },
      status: 'expected',
    });
    expect(
      await openDocument(view, keys, { role: 'village-head', purpose: 'supervision', inScope: true }),
    ).toMatchObject({ holder: { name: NAME, id: REDACTED } });
  });

  it('refuse a value relabelled to a laxer category', async () => {
    const { sealer, keys } = testSealer();
    const sealed = await sealer.sealEvent(notice());
    const { idNumber } = (sealed.data as { person: { idNumber: object } }).person;
    const relabelled = { id: { ...idNumber, c: 'identity' } };
    await expect(
      openDocument(relabelled, keys, { role: 'village-head', purpose: 'supervision', inScope: true }),
    ).rejects.toBeInstanceOf(SealIntegrityError);
  });
});
