/**
 * The connection string as @eventstore/db-client reads it. KurrentDB (EventStoreDB renamed)
 * documents `kurrentdb://` and `kurrentdb+discover://`; the client knows only `esdb://` and
 * `esdb+discover://`, which name the same thing, so the scheme is translated and nothing else.
 */
export function esdbConnectionString(connectionString: string): string {
  return connectionString.replace(/^kurrent(?:db)?(\+discover)?:\/\//i, (_match, discover?: string) =>
    discover ? 'esdb+discover://' : 'esdb://',
  );
}
