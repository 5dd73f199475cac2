import type { Cache } from '../cache/open-cache';

/** A UTC day whose daily CSV must be (re)built, and the outbox version it was owed at. */
export type OwedDay = { day: string; version: number | null };

export type DayState = { rows: number; csvSha256: string; dataSha256: string };

/**
 * The days whose CSV is owed: those the cache triggers marked (a workout of that day
 * was inserted, changed or deleted, or its rider renamed; see migration 2), plus any
 * day written before whose file is no longer in the folder.
 */
export function owedCsvDays(db: Cache, filesPresent: ReadonlySet<string>): OwedDay[] {
  const marked = db
    .prepare<[], { day: string; version: number }>(
      "SELECT item AS day, version FROM outbox WHERE target = 'csv' ORDER BY item",
    )
    .all();
  const owed = new Map<string, number | null>(marked.map((m) => [m.day, m.version]));
  const written = db.prepare<[], { day: string }>('SELECT day FROM target_days').all();
  for (const { day } of written) if (!filesPresent.has(day) && !owed.has(day)) owed.set(day, null);
  return [...owed].map(([day, version]) => ({ day, version })).sort((a, b) => a.day.localeCompare(b.day));
}

/**
 * Records what a day's outputs hold now and settles its outbox mark, unless the day
 * changed again since `version` was read (then it stays owed for the next run).
 * `state` null: the day has no workouts left.
 */
export function settleDay(db: Cache, day: string, version: number | null, state: DayState | null): void {
  db.transaction(() => {
    if (state) {
      db.prepare(
        `INSERT INTO target_days (day, rows, csv_sha256, data_sha256, updated_at) VALUES (?, ?, ?, ?, unixepoch())
         ON CONFLICT (day) DO UPDATE SET rows = excluded.rows, csv_sha256 = excluded.csv_sha256,
           data_sha256 = excluded.data_sha256, updated_at = excluded.updated_at
         WHERE (rows, csv_sha256, data_sha256) IS NOT (excluded.rows, excluded.csv_sha256, excluded.data_sha256)`,
      ).run(day, state.rows, state.csvSha256, state.dataSha256);
    } else {
      db.prepare('DELETE FROM target_days WHERE day = ?').run(day);
    }
    if (version !== null) {
      db.prepare("DELETE FROM outbox WHERE target = 'csv' AND item = ? AND version = ?").run(day, version);
    }
  })();
}

/** Marks a day's CSV as owed again (its file was found changed on disk). */
export function oweCsvDay(db: Cache, day: string): void {
  db.prepare(
    `INSERT INTO outbox (target, item, created_at) VALUES ('csv', ?, unixepoch())
     ON CONFLICT (target, item) DO UPDATE SET version = version + 1`,
  ).run(day);
}
