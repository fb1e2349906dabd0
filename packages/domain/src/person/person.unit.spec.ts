import { describe, it } from 'vitest';
import type { Role } from '../shared/roles.js';
import { givenWhenThen } from '../testing/givenWhenThen.js';
import {
  PERSON_RULES,
  decidePerson,
  evolvePerson,
  initialPersonState,
  type PersonCommand,
  type PersonEvent,
  type PersonState,
} from './person.js';

const given = givenWhenThen<PersonCommand, PersonEvent, PersonState>({
  decide: decidePerson,
  evolve: evolvePerson,
  initialState: initialPersonState,
});
const erase = (role: Role, withOrder: boolean): PersonCommand => ({
  type: 'ErasePersonalData',
  data: {
    personId: '0192f5c4-0000-7000-8000-0000000000aa',
    reason: 'LAWFUL_ORDER',
    legalBasis: { source: 'NĐ13', article: '16' },
    ...(withOrder ? { order: { number: '12/QĐ-TA', date: '2026-01-10' } } : {}),
    erasedOn: '2026-01-12',
  },
  meta: { actor: 'u', role, unit: 'he-thong', now: '2026-01-12T02:00:00Z' },
});

describe('personal data of a person', () => {
  it('is erased by an administrator on a lawful order, once', () => {
    given().when(erase('commune-police', true)).thenRefuses(PERSON_RULES.role);
    given().when(erase('admin', false)).thenRefuses(PERSON_RULES.orderRequired);
    const erased = given()
      .when(erase('admin', true))
      .then(() => undefined);
    given(erased).when(erase('admin', true)).thenRefuses(PERSON_RULES.erased);
  });
});
