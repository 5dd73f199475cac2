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
  {
    version: 2,
    name: 'daily targets',
    sql: `
      -- The outbox's 'csv' rows are the UTC days whose daily CSV (and so S3 object and
      -- Postgres rows) may be out of date. Triggers add them in the same transaction as
      -- the cache write, so a crash before the CSV step cannot lose one; version counts
      -- changes, so a day changed again while it is being written stays owed.
      ALTER TABLE outbox ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

      -- What each day's outputs hold now: the bytes of csv/YYYY_MM_DD.csv, and
      -- everything its Postgres rows carry.
      CREATE TABLE target_days (
        day          TEXT PRIMARY KEY,
        rows         INTEGER NOT NULL,
        csv_sha256   TEXT NOT NULL,
        data_sha256  TEXT NOT NULL,
        updated_at   INTEGER NOT NULL
      );

      -- What was delivered where (a bucket and key layout, a database), by checksum.
      CREATE TABLE target_deliveries (
        target        TEXT NOT NULL,
        destination   TEXT NOT NULL,
        item          TEXT NOT NULL,
        checksum      TEXT NOT NULL,
        delivered_at  INTEGER NOT NULL,
        PRIMARY KEY (target, destination, item)
      ) WITHOUT ROWID;

      CREATE TRIGGER workouts_owe_csv_insert AFTER INSERT ON workouts BEGIN
        INSERT INTO outbox (target, item, created_at)
        VALUES ('csv', strftime('%Y-%m-%d', NEW.start_time, 'unixepoch'), unixepoch())
        ON CONFLICT (target, item) DO UPDATE SET version = version + 1;
      END;
      CREATE TRIGGER workouts_owe_csv_update AFTER UPDATE ON workouts BEGIN
        INSERT INTO outbox (target, item, created_at)
        VALUES ('csv', strftime('%Y-%m-%d', OLD.start_time, 'unixepoch'), unixepoch())
        ON CONFLICT (target, item) DO UPDATE SET version = version + 1;
        INSERT INTO outbox (target, item, created_at)
        VALUES ('csv', strftime('%Y-%m-%d', NEW.start_time, 'unixepoch'), unixepoch())
        ON CONFLICT (target, item) DO UPDATE SET version = version + 1;
      END;
      CREATE TRIGGER workouts_owe_csv_delete AFTER DELETE ON workouts BEGIN
        INSERT INTO outbox (target, item, created_at)
        VALUES ('csv', strftime('%Y-%m-%d', OLD.start_time, 'unixepoch'), unixepoch())
        ON CONFLICT (target, item) DO UPDATE SET version = version + 1;
      END;
      -- rider_name is a CSV column: a renamed rider changes every one of their days.
      CREATE TRIGGER riders_owe_csv_rename AFTER UPDATE OF name ON riders
      WHEN OLD.name IS NOT NEW.name BEGIN
        INSERT INTO outbox (target, item, created_at)
        SELECT DISTINCT 'csv', strftime('%Y-%m-%d', start_time, 'unixepoch'), unixepoch()
        FROM workouts WHERE rider_id = NEW.id
        ON CONFLICT (target, item) DO UPDATE SET version = version + 1;
      END;

      -- Days cached before this migration are owed too.
      INSERT INTO outbox (target, item, created_at)
      SELECT DISTINCT 'csv', strftime('%Y-%m-%d', start_time, 'unixepoch'), unixepoch()
      FROM workouts WHERE true
      ON CONFLICT (target, item) DO NOTHING;
    `,
  },
  {
    version: 3,
    name: 'daily targets: lighter triggers',
    sql: `
      -- Marking a day owed is now a plain INSERT OR IGNORE (a row-level upsert made a
      -- 100,000-row import a sixth slower). A day changed while its CSV is being written
      -- cannot lose its mark any more: the CSV step holds the write lock for each day
      -- (BEGIN IMMEDIATE) from reading its workouts to clearing its mark, so outbox.version
      -- is no longer used.
      DROP TRIGGER workouts_owe_csv_insert;
      DROP TRIGGER workouts_owe_csv_update;
      DROP TRIGGER workouts_owe_csv_delete;
      DROP TRIGGER riders_owe_csv_rename;

      CREATE TRIGGER workouts_owe_csv_insert AFTER INSERT ON workouts BEGIN
        INSERT OR IGNORE INTO outbox (target, item, created_at)
        VALUES ('csv', strftime('%Y-%m-%d', NEW.start_time, 'unixepoch'), unixepoch());
      END;
      CREATE TRIGGER workouts_owe_csv_update AFTER UPDATE ON workouts BEGIN
        INSERT OR IGNORE INTO outbox (target, item, created_at)
        VALUES ('csv', strftime('%Y-%m-%d', OLD.start_time, 'unixepoch'), unixepoch()),
               ('csv', strftime('%Y-%m-%d', NEW.start_time, 'unixepoch'), unixepoch());
      END;
      CREATE TRIGGER workouts_owe_csv_delete AFTER DELETE ON workouts BEGIN
        INSERT OR IGNORE INTO outbox (target, item, created_at)
        VALUES ('csv', strftime('%Y-%m-%d', OLD.start_time, 'unixepoch'), unixepoch());
      END;
      CREATE TRIGGER riders_owe_csv_rename AFTER UPDATE OF name ON riders
      WHEN OLD.name IS NOT NEW.name BEGIN
        INSERT OR IGNORE INTO outbox (target, item, created_at)
        SELECT DISTINCT 'csv', strftime('%Y-%m-%d', start_time, 'unixepoch'), unixepoch()
        FROM workouts WHERE rider_id = NEW.id;
      END;
    `,
  },
  {
    version: 4,
    name: 'report index',
    sql: `
      -- Every column the reports group by or sum, after rider and time: reports over
      -- most of the cache read this index in rider-and-time order instead of the
      -- table (the reports pick it up by its columns; see analytics/filter.ts).
      CREATE INDEX workouts_report ON workouts
        (rider_id, start_time, class_type, length_min, output_kj, instructor, ride_kind);
    `,
  },
  {
    version: 5,
    name: 'length-ordered report index',
    sql: `
      -- Reports that group by class length, class type and instructor (class types,
      -- instructors, records, output by length) read this index in that order, so
      -- SQLite groups them without sorting 100,000 rows (see analytics/filter.ts).
      -- (rider_id, start_time) was a prefix of workouts_report, so it goes: an
      -- import builds as many indexes as before.
      DROP INDEX workouts_rider_time;
      CREATE INDEX workouts_by_length ON workouts
        (rider_id, length_min, class_type, instructor, ride_kind, output_kj, start_time);
    `,
  },
  {
    version: 6,
    name: 'workouts rebuilt: plain checks, narrower report index',
    sql: `
      -- SQLite evaluates a CHECK (x IN (...)) through a temporary table set up for every
      -- statement; spelled as comparisons, the two checks cost a tenth less of a bulk
      -- import. Changing a CHECK takes a rebuild of the table (SQLite's documented
      -- procedure: new table, copy, drop, rename, then indexes and triggers again).
      -- The rebuild also narrows workouts_report to what the time-ordered reports read:
      -- instructor and ride kind are in workouts_by_length, for the reports that need them.
      DROP TRIGGER workouts_owe_csv_insert;
      DROP TRIGGER workouts_owe_csv_update;
      DROP TRIGGER workouts_owe_csv_delete;
      DROP TRIGGER riders_owe_csv_rename;

      CREATE TABLE workouts_rebuilt (
        id              TEXT PRIMARY KEY,
        rider_id        TEXT NOT NULL REFERENCES riders (id) ON DELETE CASCADE,
        start_time      INTEGER NOT NULL,
        timezone        TEXT,
        title           TEXT NOT NULL,
        instructor_id   TEXT,
        instructor      TEXT,
        class_type      TEXT NOT NULL,
        ride_kind       TEXT NOT NULL DEFAULT 'class'
                        CHECK (ride_kind = 'class' OR ride_kind = 'lanebreak' OR ride_kind = 'scenic'
                               OR ride_kind = 'just_ride'),
        length_min      INTEGER NOT NULL,
        output_kj       REAL NOT NULL DEFAULT 0,
        status          TEXT NOT NULL DEFAULT 'COMPLETE',
        source          TEXT NOT NULL
                        CHECK (source = 'peloton' OR source = 'seed' OR source = 'peloton-export'
                               OR source = 'demo'),
        metrics_json    TEXT,
        raw_json        TEXT,
        updated_at      INTEGER NOT NULL
      );
      INSERT INTO workouts_rebuilt
        (id, rider_id, start_time, timezone, title, instructor_id, instructor, class_type, ride_kind,
         length_min, output_kj, status, source, metrics_json, raw_json, updated_at)
      SELECT id, rider_id, start_time, timezone, title, instructor_id, instructor, class_type, ride_kind,
             length_min, output_kj, status, source, metrics_json, raw_json, updated_at
        FROM workouts ORDER BY rowid;
      DROP TABLE workouts;
      ALTER TABLE workouts_rebuilt RENAME TO workouts;

      CREATE INDEX workouts_time ON workouts (start_time);
      CREATE INDEX workouts_report ON workouts (rider_id, start_time, class_type, length_min, output_kj);
      CREATE INDEX workouts_by_length ON workouts
        (rider_id, length_min, class_type, instructor, ride_kind, output_kj, start_time);

      CREATE TRIGGER workouts_owe_csv_insert AFTER INSERT ON workouts BEGIN
        INSERT OR IGNORE INTO outbox (target, item, created_at)
        VALUES ('csv', strftime('%Y-%m-%d', NEW.start_time, 'unixepoch'), unixepoch());
      END;
      CREATE TRIGGER workouts_owe_csv_update AFTER UPDATE ON workouts BEGIN
        INSERT OR IGNORE INTO outbox (target, item, created_at)
        VALUES ('csv', strftime('%Y-%m-%d', OLD.start_time, 'unixepoch'), unixepoch()),
               ('csv', strftime('%Y-%m-%d', NEW.start_time, 'unixepoch'), unixepoch());
      END;
      CREATE TRIGGER workouts_owe_csv_delete AFTER DELETE ON workouts BEGIN
        INSERT OR IGNORE INTO outbox (target, item, created_at)
        VALUES ('csv', strftime('%Y-%m-%d', OLD.start_time, 'unixepoch'), unixepoch());
      END;
      CREATE TRIGGER riders_owe_csv_rename AFTER UPDATE OF name ON riders
      WHEN OLD.name IS NOT NEW.name BEGIN
        INSERT OR IGNORE INTO outbox (target, item, created_at)
        SELECT DISTINCT 'csv', strftime('%Y-%m-%d', start_time, 'unixepoch'), unixepoch()
        FROM workouts WHERE rider_id = NEW.id;
      END;
    `,
  },
];
