import { describe, expect, it } from 'vitest';
import { PersonDetails } from './personal.js';

const person = (birthDate: string) => ({
  personId: '0192f5c4-0000-7000-8000-0000000000aa',
  fullName: 'Người Giả Định Một',
  birthDate,
});

describe('PersonDetails birth date', () => {
  it('accepts a full birth date, or only the year where that is all that is known', () => {
    expect(PersonDetails.safeParse(person('1990-01-01')).success).toBe(true);
    expect(PersonDetails.safeParse(person('1990')).success).toBe(true);
  });

  it('refuses a birth date that does not exist', () => {
    for (const birthDate of ['1990-02-30', '1990-13-01', '1990-00-10']) {
      expect(PersonDetails.safeParse(person(birthDate)).error?.issues[0]?.message).toBe(
        'ngày sinh không tồn tại (no such date)',
      );
    }
  });

  it('refuses a birth date or year outside 1900–2100, and anything not YYYY-MM-DD or YYYY', () => {
    for (const birthDate of ['1850-01-01', '1899', '2101', '9999-12-31']) {
      expect(PersonDetails.safeParse(person(birthDate)).error?.issues[0]?.path).toEqual(['birthDate']);
    }
    for (const birthDate of ['1990-1-1', '90', 'abc', '']) {
      expect(PersonDetails.safeParse(person(birthDate)).success).toBe(false);
    }
  });
});
