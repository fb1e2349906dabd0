import { describe, expect, it } from 'vitest';
import { esdbConnectionString } from './connectionString.js';

describe('connection strings', () => {
  it('reads KurrentDB schemes as the client’s esdb ones, keeping hosts and settings', () => {
    expect(esdbConnectionString('kurrentdb://admin:changeit@db:2113?tls=false')).toBe(
      'esdb://admin:changeit@db:2113?tls=false',
    );
    expect(esdbConnectionString('kurrentdb+discover://a:2113,b:2113')).toBe('esdb+discover://a:2113,b:2113');
    expect(esdbConnectionString('kurrent://db:2113')).toBe('esdb://db:2113');
    expect(esdbConnectionString('esdb://db:2113?tls=false')).toBe('esdb://db:2113?tls=false');
  });
});
