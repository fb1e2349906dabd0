import { z } from 'zod';
import { DocRef } from '../shared/docRef.js';
import { defineCommand, type CommandOf } from '../shared/command.js';
import { defineEvent, eventOf, type EventOf } from '../shared/defineEvent.js';
import { LegalRef, cite } from '../shared/legalBasis.js';
import { LocalDate } from '../shared/localDate.js';
import { defineRule, ensure } from '../shared/rules.js';

const aggregate = 'person';

export const PersonalDataErased = defineEvent({
  type: 'PersonalDataErased',
  version: 1,
  aggregate,
  label: { vi: 'Xóa dữ liệu cá nhân (hủy khóa dữ liệu)', en: 'Personal data erased (data key destroyed)' },
  emittedBy: ['admin'],
  basis: [cite('NĐ13', '16')],
  schema: z
    .object({
      personId: z.uuid(),
      reason: z.enum(['RETENTION_ENDED', 'LAWFUL_ORDER', 'SUBJECT_REQUEST']),
      legalBasis: LegalRef,
      order: DocRef.optional(),
      erasedOn: LocalDate,
    })
    .strict(),
});

export const SubjectAccessExported = defineEvent({
  type: 'SubjectAccessExported',
  version: 1,
  aggregate,
  label: { vi: 'Cung cấp dữ liệu cá nhân cho chủ thể dữ liệu', en: 'Subject access export made' },
  emittedBy: ['commune-police', 'admin'],
  basis: [cite('NĐ13', '14')],
  schema: z
    .object({
      personId: z.uuid(),
      request: DocRef,
      purpose: z.string().min(1),
      exportedOn: LocalDate,
      streams: z.number().int().nonnegative(),
      events: z.number().int().nonnegative(),
    })
    .strict(),
});

export const PERSON_EVENTS = [PersonalDataErased, SubjectAccessExported] as const;
export type PersonEvent = EventOf<(typeof PERSON_EVENTS)[number]>;

export const PERSON_COMMANDS = [
  defineCommand({
    type: 'ErasePersonalData',
    label: PersonalDataErased.label,
    schema: PersonalDataErased.schema,
  }),
  defineCommand({
    type: 'RecordSubjectAccessExport',
    label: SubjectAccessExported.label,
    schema: SubjectAccessExported.schema,
  }),
] as const;
export type PersonCommand = CommandOf<(typeof PERSON_COMMANDS)[number]>;

/** What is known of a person's data as such: whether it has been erased. */
export type PersonState = { erasedOn: string | null };
export const initialPersonState: PersonState = { erasedOn: null };

export const PERSON_RULES = {
  role: defineRule({
    id: 'person.role',
    kind: 'forbidden',
    vi: 'Vai trò này không thực hiện thao tác này với dữ liệu cá nhân',
    en: 'This role may not do this with personal data',
  }),
  erased: defineRule({
    id: 'person.already-erased',
    kind: 'illegal-state',
    vi: 'Dữ liệu cá nhân đã được xóa',
    en: 'The personal data has already been erased',
  }),
  orderRequired: defineRule({
    id: 'person.erasure-order-required',
    kind: 'illegal-state',
    vi: 'Xóa theo yêu cầu của cơ quan có thẩm quyền phải có văn bản',
    en: 'An erasure on a lawful order needs the order',
    basis: cite('NĐ13', '16'),
  }),
} as const;

export function evolvePerson(state: PersonState, event: PersonEvent): PersonState {
  return event.type === 'PersonalDataErased' ? { erasedOn: event.data.erasedOn } : state;
}

export function decidePerson(command: PersonCommand, state: PersonState): PersonEvent[] {
  switch (command.type) {
    case 'ErasePersonalData':
      ensure(PersonalDataErased.emittedBy.includes(command.meta.role), PERSON_RULES.role);
      ensure(state.erasedOn === null, PERSON_RULES.erased);
      ensure(
        command.data.reason !== 'LAWFUL_ORDER' || command.data.order !== undefined,
        PERSON_RULES.orderRequired,
      );
      return [eventOf(PersonalDataErased, command.data)];
    case 'RecordSubjectAccessExport':
      ensure(SubjectAccessExported.emittedBy.includes(command.meta.role), PERSON_RULES.role);
      return [eventOf(SubjectAccessExported, command.data)];
  }
}
