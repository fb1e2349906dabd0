import { describe, expect, it } from 'vitest';
import { formatDateTime } from './formatDateTime.js';

describe('formatDateTime', () => {
  it('shows a UTC instant in Hanoi time as dd/mm/yyyy', () => {
    expect(formatDateTime('2025-09-04T17:30:05Z')).toBe('05/09/2025 00:30:05');
  });
});
