import type { Cache } from '../cache/open-cache';

export type DayState = { rows: number; csvSha256: string; dataSha256: string };

/**
 * The UTC days whose CSV is owed, oldest first: those the cache triggers marked (a
 * workout of that day was inserted, changed or deleted, or its rider renamed; see
 * migrations 2 and 3), plus any day written before whose file is no longer there.
 */
export function owedCsvDays(db: Cache, filesPresent: ReadonlySet<string>): string[] {
  const owed = new Set(
    db
      .prepare<[], { day: string }>("SELECT item AS day FROM outbox WHERE target = 'csv'")
      .all()
      .map((m) => m.day),
  );
  for (const { day } of db.prepare<[], { day: string }>('SELECT day FROM target_days').all()) {
    if (!filesPresent.has(day)) owed.add(day);
  }
  return [...owed].sort();
}

/**
 * Records what a day's outputs hold now (`state` null: the day has no workouts left)
 * and clears its outbox mark. Call it in the same write transaction that read the
 * day's workouts, so that a change made meanwhile cannot lose its mark.
 */
export function settleDay(db: Cache, day: string, state: DayState | null): void {
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
  db.prepare("DELETE FROM outbox WHERE target = 'csv' AND item = ?").run(day);
}

/** Marks a day's CSV as owed again (its file was found changed on disk). */
export function oweCsvDay(db: Cache, day: string): void {
  db.prepare("INSERT OR IGNORE INTO outbox (target, item, created_at) VALUES ('csv', ?, unixepoch())").run(
    day,
  );
}
