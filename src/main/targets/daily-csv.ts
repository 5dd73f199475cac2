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
    present = new Set(
      readdirSync(csvDir)
        .map(dayOfFileName)
        .filter((d) => d !== null),
    );
  } catch (error) {
    const why = `Cannot use the folder ${csvDir} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check that Spoke may write there.`;
    recordWaiting(db, 'csv', owedCsvDays(db, new Set()).map((d) => ({ item: d.day, checksum: null })), why);
    return [];
  }
  const owed = owedCsvDays(db, present);
  const written: string[] = [];
  owed.forEach(({ day, version }, i) => {
    const path = join(csvDir, dayFileName(day));
    try {
      const workouts = dayWorkouts(db, day);
      if (workouts.length === 0) {
        rmSync(path, { force: true });
        settleDay(db, day, version, null);
      } else {
        const rows = workouts.map(pgRow);
        const text = dailyCsvText(rows);
        if (!sameBytes(path, text)) {
          writeFileAtomic(path, text);
          written.push(path);
        }
        settleDay(db, day, version, {
          rows: rows.length,
          csvSha256: sha256(text),
          dataSha256: dataChecksum(rows),
        });
      }
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

function sameBytes(path: string, text: string): boolean {
  try {
    return readFileSync(path).equals(Buffer.from(text, 'utf8'));
  } catch {
    return false;
  }
}
