import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runReport } from '../../src/main/analytics';
import { type Cache, openCache } from '../../src/main/cache/open-cache';
import type { ReportFilter, ReportName, ReportRows } from '../../src/shared/reports';

/** The original pipeline's 721 workouts; `shared/` sits beside the repository. */
export const SEED_CSV = resolve(__dirname, '../../../shared/data/seed/all_rides.csv');

export type SeedRow = {
  id: string;
  /** UTC epoch seconds. */
  start: number;
  date: string;
  title: string;
  instructor: string;
  classType: string;
  lengthMin: number;
  outputKj: number;
  rider: string;
};

/** Parses the seed CSV here, independently of the importer, for expected values. */
export function seedRows(): SeedRow[] {
  const text = readFileSync(SEED_CSV, 'utf8');
  const records: string[][] = [];
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n') {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  const [, ...data] = records;
  return data.map(([id, date, title, instructor, classType, length, output, rider]) => ({
    id: id ?? '',
    start: Date.parse(`${(date ?? '').replace(' ', 'T')}Z`) / 1000,
    date: date ?? '',
    title: title ?? '',
    instructor: instructor ?? '',
    classType: classType ?? '',
    lengthMin: Number(length),
    outputKj: Number(output),
    rider: rider ?? '',
  }));
}

/** The notebook's ride subset (F5). */
export const inRideSubset = (r: SeedRow) =>
  (r.classType === 'cycling' || r.classType === 'lanebreak') && r.outputKj > 1 && r.lengthMin > 10;

export type TempCache = { db: Cache; close(): void };

/** A fresh cache in a temporary folder, removed by close(). */
export function tempCache(): TempCache {
  const dir = mkdtempSync(join(tmpdir(), 'spoke-analytics-'));
  const db = openCache(join(dir, 'spoke.db'));
  return {
    db,
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Inserts a rider and workouts straight into the cache, for small synthetic cases. */
export function insertWorkouts(
  db: Cache,
  riderName: string,
  workouts: {
    id: string;
    at: string;
    classType?: string;
    lengthMin?: number;
    outputKj?: number;
    instructor?: string | null;
    rideKind?: 'class' | 'lanebreak' | 'scenic' | 'just_ride';
  }[],
): string {
  const riderId = `rider-${riderName.toLowerCase().replace(/\W+/g, '-')}`;
  db.prepare("INSERT OR IGNORE INTO riders (id, name, source, created_at) VALUES (?, ?, 'demo', 0)").run(
    riderId,
    riderName,
  );
  const insert = db.prepare(
    `INSERT INTO workouts (id, rider_id, start_time, title, instructor, class_type, ride_kind, length_min,
                           output_kj, source, updated_at)
     VALUES (?, ?, ?, 'Test class', ?, ?, ?, ?, ?, 'demo', 0)`,
  );
  for (const w of workouts) {
    insert.run(
      w.id,
      riderId,
      Date.parse(w.at) / 1000,
      w.instructor === undefined ? 'Test Instructor' : w.instructor,
      w.classType ?? 'cycling',
      w.rideKind ?? 'class',
      w.lengthMin ?? 20,
      w.outputKj ?? 150,
    );
  }
  return riderId;
}

export function report<N extends ReportName>(
  db: Cache,
  name: N,
  filter: ReportFilter = {},
  tz = 'UTC',
): ReportRows[N][] {
  return runReport(db, name, filter, tz);
}

/** Rows of one rider, keyed by a string made from each row. */
export function keyed<T extends { rider: string }>(rows: T[], rider: string, key: (row: T) => string) {
  return new Map(rows.filter((r) => r.rider === rider).map((r) => [key(r), r]));
}

export const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The ISO week `YYYY-Www` of a UTC day, computed the textbook way (Thursday rule). */
export function isoWeekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(d.getTime() + (3 - weekday) * 86400_000);
  const isoYear = thursday.getUTCFullYear();
  const jan4 = new Date(Date.UTC(isoYear, 0, 4));
  const week1Monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400_000);
  const week = Math.round((d.getTime() - week1Monday.getTime()) / (7 * 86400_000) - weekday / 7) + 1;
  return `${isoYear}-W${String(week).padStart(2, '0')}`;
}
