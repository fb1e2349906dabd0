import { describe, expect, it } from 'vitest';
import { ALL_PROJECTIONS, indexesOf } from '@dacxa/read-models';
import { VIEWS } from './viewCatalogue.js';

describe('view filters', () => {
  it('come from the projections’ own declarations, and every one is an indexed field', () => {
    for (const [name, view] of Object.entries(VIEWS)) {
      const collection = ALL_PROJECTIONS.find((p) => p.name === view.projection)?.collections.find(
        (c) => c.name === view.collection,
      );
      expect(collection, name).toBeDefined();
      const declared = Object.keys(collection?.filters ?? {}).sort();
      expect(Object.keys(view.filters.shape).sort(), name).toEqual(declared);
      for (const field of declared) expect(indexesOf(collection!), `${name}.${field}`).toContain(field);
    }
  });

  it('refuse a value outside a filter’s declared set, and read true/false as booleans', () => {
    expect(VIEWS['case-files']!.filters.safeParse({ status: 'lost' }).success).toBe(false);
    expect(VIEWS['loan-books']!.filters.parse({ hasLoan: 'true' })).toEqual({ hasLoan: true });
    expect(VIEWS.tasks!.filters.safeParse({ planId: 'not-a-uuid' }).success).toBe(false);
  });
});
