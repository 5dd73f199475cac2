import { createHash } from 'node:crypto';
import type { WorkoutInput } from '../imports/workout-input';
import { titleKey, utcMinute } from '../imports/workout-key';
import type { Cache } from './open-cache';

export type UpsertCounts = { inserted: number; updated: number; unchanged: number };

/** A stable rider id for riders known only by name (imports); Peloton riders use their user id. */
export function localRiderId(name: string): string {
  return `local-${createHash('sha256').update(name.trim().toLowerCase()).digest('hex').slice(0, 16)}`;
}

const COLUMNS = [
  'rider_id',
  'start_time',
  'timezone',
  'title',
  'instructor_id',
  'instructor',
  'class_type',
  'ride_kind',
  'length_min',
  'output_kj',
  'status',
  'source',
  'metrics_json',
  'raw_json',
] as const;

type Outcome = keyof UpsertCounts;

const BATCH = 50;
const BULK_ROWS = 10_000;
/** The page cache during a bulk load, in KiB as cache_size takes it (negative). */
const BULK_CACHE_KIB = -65_536;
const METRICS = COLUMNS.indexOf('metrics_json');
const RAW = COLUMNS.indexOf('raw_json');
const PARAMS_PER_ROW = COLUMNS.length + 2;

/** Prepared statements and a rider-id cache shared by the upserts below. */
function createWriter(db: Cache, riderSource: 'peloton' | 'import' | 'demo') {
  const now = Math.floor(Date.now() / 1000);
  const findRiderByName = db.prepare<[string], { id: string }>(
    'SELECT id FROM riders WHERE name = ? COLLATE NOCASE',
  );
  const addRider = db.prepare('INSERT INTO riders (id, name, source, created_at) VALUES (?, ?, ?, ?)');
  const existing = db.prepare<[string], Record<(typeof COLUMNS)[number], unknown>>(
    `SELECT ${COLUMNS.join(', ')} FROM workouts WHERE id = ?`,
  );
  const rowParams = `(?, ${COLUMNS.map(() => '?').join(', ')}, ?)`;
  const insert = db.prepare(
    `INSERT INTO workouts (id, ${COLUMNS.join(', ')}, updated_at) VALUES ${rowParams}`,
  );
  // Inserts go out BATCH rows per statement: each statement run re-evaluates the
  // schema's CHECK (... IN (...)) lists from scratch, which made single-row inserts
  // about a third slower on a 100,000-row import.
  const insertBatch = db.prepare(
    `INSERT INTO workouts (id, ${COLUMNS.join(', ')}, updated_at) VALUES ${Array(BATCH).fill(rowParams).join(', ')}`,
  );
  const update = db.prepare(
    `UPDATE workouts SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
  );
  const isEmpty = db.prepare<[], { empty: number }>('SELECT NOT EXISTS (SELECT 1 FROM workouts) AS empty');
  const riderIds = new Map<string, string>();
  // When the table starts empty (a first import), a workout not written earlier in
  // the same run cannot be there: no lookup needed. When the caller also vouches
  // that no id comes twice (an import checks that), nothing needs remembering.
  let freshIds: Set<string> | null = null;
  let freshAndUnique = false;

  const riderIdFor = (name: string): string => {
    const key = name.toLowerCase();
    let id = riderIds.get(key);
    if (id) return id;
    id = findRiderByName.get(name)?.id;
    if (!id) {
      id = localRiderId(name);
      addRider.run(id, name, riderSource, now);
    }
    riderIds.set(key, id);
    return id;
  };

  // One reused parameter array for the batch statement (better-sqlite3 reads it
  // synchronously), filled row by row: no garbage per row.
  const pending: unknown[] = new Array(BATCH * PARAMS_PER_ROW);
  let queued = 0;
  const pendingIds = new Set<string>();
  const queueInsert = (w: WorkoutInput, riderId: string) => {
    let k = queued * PARAMS_PER_ROW;
    pending[k++] = w.id;
    pending[k++] = riderId;
    pending[k++] = w.startTime;
    pending[k++] = w.timezone;
    pending[k++] = w.title;
    pending[k++] = w.instructorId;
    pending[k++] = w.instructor;
    pending[k++] = w.classType;
    pending[k++] = w.rideKind;
    pending[k++] = w.lengthMin;
    pending[k++] = w.outputKj;
    pending[k++] = w.status;
    pending[k++] = w.source;
    pending[k++] = w.metricsJson;
    pending[k++] = w.rawJson;
    pending[k] = now;
    pendingIds.add(w.id);
    owedDays?.add(Math.floor(w.startTime / 86400));
    if (++queued === BATCH) {
      insertBatch.run(pending);
      queued = 0;
      pendingIds.clear();
    }
  };
  /** Writes the queued inserts; call before reading workouts back, and at the end. */
  const flush = () => {
    for (let r = 0; r < queued; r++) insert.run(pending.slice(r * PARAMS_PER_ROW, (r + 1) * PARAMS_PER_ROW));
    queued = 0;
    pendingIds.clear();
  };

  let rebuild: { name: string; sql: string; type: string }[] = [];
  /** In a bulk load (and only then), the UTC days (epoch days) written, which the insert trigger would mark owed. */
  let owedDays: Set<number> | null = null;
  let cacheSize: number | null = null;
  /**
   * Call inside the transaction, before the first put. A bulk load into an empty
   * table (`expectedRows` at least BULK_ROWS) sets aside the table's secondary
   * indexes and its insert trigger, and puts them back at the end from their own
   * SQL in sqlite_master: one sorted index build instead of 100,000 random inserts,
   * and the loaded days marked owed at the end (what the trigger does row by row)
   * instead of a trigger run per row. Foreign keys are checked once, at commit.
   * All inside the transaction, so a failed import rolls every part of it back.
   */
  const begin = (expectedRows = 0, uniqueIds = false) => {
    freshIds = isEmpty.get()?.empty ? new Set() : null;
    freshAndUnique = freshIds !== null && uniqueIds;
    if (freshIds === null || expectedRows < BULK_ROWS) return;
    owedDays = new Set();
    db.pragma('defer_foreign_keys = ON');
    // Room for the index builds' sorts in memory (a fifth faster than spilling to
    // temporary files); the connection's own size comes back in end().
    cacheSize = db.pragma('cache_size', { simple: true }) as number;
    db.pragma(`cache_size = ${BULK_CACHE_KIB}`);
    rebuild = db
      .prepare<[], { name: string; sql: string; type: string }>(
        `SELECT name, sql, type FROM sqlite_master
          WHERE tbl_name = 'workouts' AND sql IS NOT NULL
            AND (type = 'index' OR (type = 'trigger' AND name = 'workouts_owe_csv_insert'))`,
      )
      .all();
    for (const item of rebuild) db.exec(`DROP ${item.type.toUpperCase()} "${item.name.replace(/"/g, '""')}"`);
  };

  /** Call inside the transaction, after the last put. */
  const end = () => {
    flush();
    if (owedDays) {
      db.prepare(
        `INSERT OR IGNORE INTO outbox (target, item, created_at)
         SELECT 'csv', strftime('%Y-%m-%d', value * 86400, 'unixepoch'), unixepoch() FROM json_each(?)`,
      ).run(JSON.stringify([...owedDays]));
    }
    owedDays = null;
    for (const item of rebuild) db.exec(item.sql);
    rebuild = [];
  };

  /** Puts the connection's page cache back to its size before a bulk load; call after the transaction, whether it failed or not. */
  const restoreCache = () => {
    if (cacheSize !== null) db.pragma(`cache_size = ${cacheSize}`);
    cacheSize = null;
  };

  /** Upserts by id: a row already there with the same values is left alone. */
  const put = (w: WorkoutInput, riderId = w.riderId ?? riderIdFor(w.riderName)): Outcome => {
    if (freshAndUnique) {
      queueInsert(w, riderId);
      return 'inserted';
    }
    if (freshIds && !freshIds.has(w.id)) {
      freshIds.add(w.id);
      queueInsert(w, riderId);
      return 'inserted';
    }
    if (pendingIds.has(w.id)) flush();
    const old = existing.get(w.id);
    if (!old) {
      queueInsert(w, riderId);
      freshIds?.add(w.id);
      return 'inserted';
    }
    const values: unknown[] = [
      riderId,
      w.startTime,
      w.timezone,
      w.title,
      w.instructorId,
      w.instructor,
      w.classType,
      w.rideKind,
      w.lengthMin,
      w.outputKj,
      w.status,
      w.source,
      w.metricsJson,
      w.rawJson,
    ];
    // No metrics or raw payload in the input means "not known here", not "none": an
    // import without them keeps what an export or a sync already stored.
    if (w.metricsJson === null) values[METRICS] = old.metrics_json;
    if (w.rawJson === null) values[RAW] = old.raw_json;
    if (COLUMNS.some((c, i) => old[c] !== values[i])) {
      update.run(...values, now, w.id);
      return 'updated';
    }
    return 'unchanged';
  };

  return { now, riderIdFor, begin, put, flush, end, restoreCache };
}

/**
 * Writes workouts in one transaction, upserting by workout id: a row that is
 * already there with the same values is left alone, so a rerun changes nothing.
 * A workout given without metrics_json or raw_json keeps the ones stored.
 * `workouts` may be a generator: an error it throws rolls the whole write back.
 * `expectedRows` (an estimate) lets a large load into an empty table go in bulk;
 * `uniqueIds` says no workout id comes twice (the caller has checked).
 */
export function upsertWorkouts(
  db: Cache,
  workouts: Iterable<WorkoutInput>,
  riderSource: 'peloton' | 'import' | 'demo',
  {
    expectedRows = Array.isArray(workouts) ? workouts.length : 0,
    uniqueIds = false,
  }: { expectedRows?: number; uniqueIds?: boolean } = {},
): UpsertCounts {
  const writer = createWriter(db, riderSource);
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  try {
    db.transaction(() => {
      writer.begin(expectedRows, uniqueIds);
      for (const w of workouts) counts[writer.put(w)]++;
      writer.end();
    })();
  } finally {
    writer.restoreCache();
  }
  return counts;
}

type Candidate = { id: string; title: string; source: string; metrics_json: string | null };

/**
 * Writes rows of Peloton's CSV export, which have no ids, in one transaction.
 * A row that matches a workout already cached for the same rider, in the same
 * UTC minute, with the same title (compared by {@link titleKey}) enriches that
 * workout instead of duplicating it: its metrics are merged into `metrics_json`
 * and its id and every other field are kept. The metrics already there win (the
 * API is the source of truth); the export only fills keys that are missing or
 * null. A row matching nothing, or matching a workout this format wrote before
 * (same derived id), is upserted by its derived id.
 *
 * The lookup uses the (rider_id, start_time) index: one range probe per row.
 */
export function upsertExportWorkouts(db: Cache, workouts: Iterable<WorkoutInput>): UpsertCounts {
  const writer = createWriter(db, 'import');
  const candidates = db.prepare<[string, number, number], Candidate>(
    `SELECT id, title, source, metrics_json FROM workouts
     WHERE rider_id = ? AND start_time >= ? AND start_time < ? ORDER BY start_time, id`,
  );
  const enrich = db.prepare('UPDATE workouts SET metrics_json = ?, updated_at = ? WHERE id = ?');
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  db.transaction(() => {
    for (const w of workouts) {
      const riderId = w.riderId ?? writer.riderIdFor(w.riderName);
      const minute = utcMinute(w.startTime);
      writer.flush();
      const found = candidates.all(riderId, minute, minute + 60);
      const key = titleKey(w.title);
      const match = found.find((c) => c.id === w.id) ?? found.find((c) => titleKey(c.title) === key);
      if (!match || match.id === w.id) {
        counts[writer.put(w, riderId)]++;
        continue;
      }
      const merged = mergeMetrics(match.metrics_json, w.metricsJson);
      if (merged === match.metrics_json) {
        counts.unchanged++;
      } else {
        enrich.run(merged, writer.now, match.id);
        counts.updated++;
      }
    }
    writer.flush();
  })();
  return counts;
}

/** The new metrics with the old ones on top (old non-null values win); old keys the new lack are kept. */
function mergeMetrics(oldJson: string | null, newJson: string | null): string | null {
  if (newJson === null) return oldJson;
  if (oldJson === null) return newJson;
  let old: unknown;
  try {
    old = JSON.parse(oldJson);
  } catch {
    return newJson;
  }
  if (typeof old !== 'object' || old === null || Array.isArray(old)) return oldJson;
  const merged: Record<string, unknown> = JSON.parse(newJson);
  for (const [k, v] of Object.entries(old))
    if ((v !== null && v !== undefined) || !(k in merged)) merged[k] = v;
  const text = JSON.stringify(merged);
  return text === JSON.stringify(old) ? oldJson : text;
}

/** A cached workout with its rider's name, as exports read it. */
export type StoredWorkout = {
  id: string;
  riderId: string;
  riderName: string;
  startTime: number;
  timezone: string | null;
  title: string;
  instructor: string | null;
  classType: string;
  rideKind: WorkoutInput['rideKind'];
  lengthMin: number;
  outputKj: number;
  source: WorkoutInput['source'];
  metricsJson: string | null;
};

/**
 * Every cached workout (of one rider, when given), sorted by rider name (ignoring
 * case), then newest first, then id: the original pipeline's order (riders in
 * blocks, each newest first), made deterministic.
 */
export function listWorkouts(db: Cache, riderId?: string): StoredWorkout[] {
  return db
    .prepare<unknown[], StoredWorkout>(
      `SELECT w.id, w.rider_id AS riderId, r.name AS riderName, w.start_time AS startTime,
              w.timezone, w.title, w.instructor, w.class_type AS classType, w.ride_kind AS rideKind,
              w.length_min AS lengthMin, w.output_kj AS outputKj, w.source, w.metrics_json AS metricsJson
       FROM workouts w JOIN riders r ON r.id = w.rider_id
       ${riderId === undefined ? '' : 'WHERE w.rider_id = ?'}
       ORDER BY r.name COLLATE NOCASE, r.name, r.id, w.start_time DESC, w.id`,
    )
    .all(...(riderId === undefined ? [] : [riderId]));
}
