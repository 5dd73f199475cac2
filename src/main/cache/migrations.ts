/**
 * The cache schema, as numbered migrations. Applied migrations are recorded with
 * a checksum of their SQL: editing one that a database has already applied is an
 * error, so changes go in a new migration.
 */
export type Migration = { version: number; name: string; sql: string };

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
      CREATE TABLE riders (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        username    TEXT,
        source      TEXT NOT NULL CHECK (source IN ('peloton', 'import', 'demo')),
        created_at  INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX riders_name ON riders (name COLLATE NOCASE);

      CREATE TABLE instructors (
        id    TEXT PRIMARY KEY,
        name  TEXT NOT NULL
      );

      -- One row per Peloton workout. start_time is UTC epoch seconds; timezone is the
      -- workout's own IANA zone when known. The seed-compatible columns are derivable.
      CREATE TABLE workouts (
        id              TEXT PRIMARY KEY,
        rider_id        TEXT NOT NULL REFERENCES riders (id) ON DELETE CASCADE,
        start_time      INTEGER NOT NULL,
        timezone        TEXT,
        title           TEXT NOT NULL,
        instructor_id   TEXT,
        instructor      TEXT,
        class_type      TEXT NOT NULL,
        ride_kind       TEXT NOT NULL DEFAULT 'class'
                        CHECK (ride_kind IN ('class', 'lanebreak', 'scenic', 'just_ride')),
        length_min      INTEGER NOT NULL,
        output_kj       REAL NOT NULL DEFAULT 0,
        status          TEXT NOT NULL DEFAULT 'COMPLETE',
        source          TEXT NOT NULL CHECK (source IN ('peloton', 'seed', 'peloton-export', 'demo')),
        metrics_json    TEXT,
        raw_json        TEXT,
        updated_at      INTEGER NOT NULL
      );
      CREATE INDEX workouts_rider_time ON workouts (rider_id, start_time);
      CREATE INDEX workouts_time ON workouts (start_time);

      CREATE TABLE sync_state (
        rider_id         TEXT PRIMARY KEY REFERENCES riders (id) ON DELETE CASCADE,
        high_water_mark  INTEGER,
        last_sync_at     INTEGER
      );

      CREATE TABLE sync_runs (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        kind         TEXT NOT NULL,
        started_at   INTEGER NOT NULL,
        finished_at  INTEGER,
        status       TEXT NOT NULL DEFAULT 'running',
        summary_json TEXT,
        error        TEXT
      );

      CREATE TABLE outbox (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        target      TEXT NOT NULL,
        item        TEXT NOT NULL,
        checksum    TEXT,
        attempts    INTEGER NOT NULL DEFAULT 0,
        last_error  TEXT,
        created_at  INTEGER NOT NULL,
        UNIQUE (target, item)
      );
    `,
  },
];
