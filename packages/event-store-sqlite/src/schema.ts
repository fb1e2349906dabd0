import type Database from 'better-sqlite3';
import { SchemaTooNewError } from '@dacxa/event-store';

/** 'dacx' in ASCII: marks a SQLite file as a dacxa event store (PRAGMA application_id). */
export const APPLICATION_ID = 0x64616378;

/**
 * Migrations in order; the file's PRAGMA user_version counts how many have run. Append new ones,
 * never edit a shipped one.
 */
export const MIGRATIONS: readonly string[] = [
  // position is the rowid: assigned max+1 inside the single writer's transaction, so gapless.
  // A stream's head is its highest revision in events_by_stream; there is no second table to keep
  // in step with it.
  `CREATE TABLE events (
     position  INTEGER PRIMARY KEY,
     stream    TEXT    NOT NULL,
     revision  INTEGER NOT NULL,
     id        TEXT    NOT NULL,
     type      TEXT    NOT NULL,
     body      TEXT    NOT NULL, -- the canonical envelope, exactly the bytes the hash covers
     prev_hash TEXT    NOT NULL,
     hash      TEXT    NOT NULL
   );
   CREATE UNIQUE INDEX events_by_stream ON events (stream, revision);
   CREATE UNIQUE INDEX events_by_id ON events (id);`,
  // Exports and audits filter by event type.
  `CREATE INDEX events_by_type ON events (type, position);`,
];

/** Refuses foreign or newer files, then brings an older file up to the current schema. */
export function migrate(db: Database.Database): void {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (applicationId !== 0 && applicationId !== APPLICATION_ID) {
    throw new Error(`${db.name} is a SQLite file of another application (application_id ${applicationId})`);
  }
  if (version > MIGRATIONS.length) throw new SchemaTooNewError(version, MIGRATIONS.length);
  if (version === MIGRATIONS.length) return;
  db.transaction(() => {
    for (const sql of MIGRATIONS.slice(version)) db.exec(sql);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
