import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Cache } from '../cache/open-cache';
import { UserError } from '../errors';
import { csvLine, writeFileAtomic } from '../exports/csv-write';
import { SEED_COLUMNS } from '../imports/seed-format';
import type { Logger } from '../log/logger';
import {
  dataChecksum,
  dayFileName,
  dayOfFileName,
  dayWorkouts,
  type PgWorkoutRow,
  pgRow,
  sha256,
} from './day-rows';
import { owedCsvDays, settleDay } from './day-state';
import { recordWaiting } from './outbox';

export type Progress = (done: number, total: number) => void;

/**
 * The original pipeline's daily CSV of these workouts: its 8 columns in its order,
 * UTF-8 without BOM, LF, RFC 4180 quoting, formula-guarded fields (what `spoke
 * import` reads back), the same bytes for the same workouts.
 */
export function dailyCsvText(rows: PgWorkoutRow[]): string {
  let text = csvLine(SEED_COLUMNS);
  for (const row of rows) text += csvLine(row.seed);
  return text;
}

/**
 * Brings `<csvDir>/YYYY_MM_DD.csv` up to date for every owed UTC day (see
 * owedCsvDays): a file is replaced atomically, and only when its bytes differ; a day
 * left without workouts loses its file. Returns the paths written. A day that
 * cannot be written stays owed, with the reason in the outbox.
 */
export function writeDailyCsv(db: Cache, csvDir: string, log: Logger, progress: Progress): string[] {
  let present: Set<string>;
  try {
    mkdirSync(csvDir, { recursive: true });
    const names = readdirSync(csvDir);
    removeLeftovers(csvDir, names);
    present = new Set(names.map(dayOfFileName).filter((d) => d !== null));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const why = `Cannot use the folder ${csvDir} (${code}); check that Spoke may write there.`;
    const owed = owedCsvDays(db, new Set());
    recordWaiting(
      db,
      'csv',
      owed.map((day) => ({ item: day, checksum: null })),
      why,
    );
    return [];
  }
  const owed = owedCsvDays(db, present);
  progress(0, owed.length);
  const written: string[] = [];
  // One write transaction per day, from reading its workouts to clearing its mark: a
  // workout of that day written meanwhile (an import in another process) waits for
  // it, then marks the day again. A crash before the commit leaves the mark: the
  // next run redoes the day, and finds the file already right.
  const writeDay = db.transaction((day: string, path: string) => {
    const rows = dayWorkouts(db, day).map(pgRow);
    if (rows.length === 0) {
      rmSync(path, { force: true });
      settleDay(db, day, null);
      return;
    }
    const text = dailyCsvText(rows);
    if (!sameBytes(path, text)) {
      writeFileAtomic(path, text);
      written.push(path);
    }
    settleDay(db, day, { rows: rows.length, csvSha256: sha256(text), dataSha256: dataChecksum(rows) });
  });
  owed.forEach((day, i) => {
    const path = join(csvDir, dayFileName(day));
    try {
      writeDay.immediate(day, path);
    } catch (error) {
      if (!(error instanceof UserError)) log.error('daily CSV failed', { day, error });
      const why = error instanceof UserError ? error.message : `Cannot write ${path}; see the log.`;
      recordWaiting(
        db,
        'csv',
        [{ item: day, checksum: null }],
        why.replace('Cannot export to', 'Cannot write'),
      );
    }
    progress(i + 1, owed.length);
  });
  return written;
}

// writeFileAtomic's temporary file for a daily CSV: `.YYYY_MM_DD.csv.<pid>.<time>.tmp`.
const TEMP_FILE = /^\.\d{4}_\d{2}_\d{2}\.csv\.\d+\.[0-9a-z]+\.tmp$/;

/**
 * Removes the temporary files of a run killed between writing a day's file and
 * renaming it into place (SIGKILL, power loss). Only a sync writes here, one at a
 * time (the sync lock), so no such file belongs to a write in progress.
 */
function removeLeftovers(csvDir: string, names: string[]): void {
  for (const name of names) if (TEMP_FILE.test(name)) rmSync(join(csvDir, name), { force: true });
}

function sameBytes(path: string, text: string): boolean {
  try {
    return readFileSync(path).equals(Buffer.from(text, 'utf8'));
  } catch {
    return false;
  }
}
