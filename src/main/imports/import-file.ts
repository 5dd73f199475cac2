import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Cache } from '../cache/open-cache';
import { upsertWorkouts } from '../cache/workouts-repo';
import { UserError } from '../errors';
import { type CsvTable, readCsv } from './read-csv';
import { SEED_COLUMNS, seedRow } from './seed-format';
import type { WorkoutInput } from './workout-input';

export type ImportFormat = 'seed' | 'peloton-export';

export type ImportResult = {
  format: ImportFormat;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
};

export type ImportOptions = { rider?: string };

/**
 * Imports a CSV file all or nothing: every row is checked before the first one
 * is written, and the writes happen in one transaction.
 */
export function importFile(db: Cache, path: string, options: ImportOptions = {}): ImportResult {
  const name = basename(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : 'it cannot be read';
    throw new UserError(`Cannot import ${path}: ${why}.`, 'bad_input');
  }
  const table = readCsv(bytes, name);
  const format = detectFormat(table, name);
  const workouts = toWorkouts(table, format, name, options);
  const counts = upsertWorkouts(db, workouts, 'import');
  return { format, rows: workouts.length, ...counts };
}

function detectFormat(table: CsvTable, name: string): ImportFormat {
  const header = table.header;
  const isSeed = header.length === SEED_COLUMNS.length && SEED_COLUMNS.every((c, i) => header[i] === c);
  if (isSeed) return 'seed';
  const missing = SEED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length < SEED_COLUMNS.length) {
    throw new UserError(
      `${name} line 1: the header is missing column ${missing.join(', ') || '(order differs)'}; expected ${SEED_COLUMNS.join(',')}.`,
      'bad_input',
    );
  }
  throw new UserError(
    `${name} line 1: not a format Spoke knows. Expected the original pipeline's header (${SEED_COLUMNS.join(',')}).`,
    'bad_input',
  );
}

function toWorkouts(
  table: CsvTable,
  _format: ImportFormat,
  name: string,
  _options: ImportOptions,
): WorkoutInput[] {
  const headerLine = table.header.join(',');
  const seen = new Set<string>();
  return table.records.map((rec) => {
    if (rec.fields.join(',') === headerLine) {
      throw new UserError(`${name} line ${rec.line}: the header is repeated inside the file.`, 'bad_input');
    }
    if (rec.fields.length !== table.header.length) {
      throw new UserError(
        `${name} line ${rec.line}: expected ${table.header.length} fields, found ${rec.fields.length}.`,
        'bad_input',
      );
    }
    const w = seedRow(rec, name);
    if (seen.has(w.id)) {
      throw new UserError(
        `${name} line ${rec.line}, column workout_id: ${w.id} appears twice in the file.`,
        'bad_input',
      );
    }
    seen.add(w.id);
    return w;
  });
}
