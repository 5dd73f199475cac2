import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Cache } from '../cache/open-cache';
import { lookupRider } from '../cache/riders-repo';
import { upsertExportWorkouts, upsertWorkouts } from '../cache/workouts-repo';
import { UserError } from '../errors';
import {
  looksLikePelotonExport,
  PELOTON_IMPERIAL_COLUMNS,
  pelotonExportRow,
  pelotonLayout,
} from './peloton-export-format';
import { type CsvRecord, type CsvStream, streamCsv } from './read-csv';
import { checkSeedHeader, looksLikeSeed, SEED_COLUMNS, seedRow } from './seed-format';
import type { WorkoutInput } from './workout-input';

export type ImportFormat = 'seed' | 'peloton-export';

export type ImportResult = {
  format: ImportFormat;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
};

/** `rider`: whose workouts a Peloton export holds (a rider's name or id); required for that format. */
export type ImportOptions = { rider?: string };

/**
 * Imports a CSV file all or nothing: rows are read, checked and written one by
 * one inside a single transaction, and the first problem rolls all of it back.
 * Any problem is one UserError ('bad_input') naming the file, the line and the
 * column. (Holding no table of rows keeps a large import out of the garbage
 * collector's way.)
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
  return importBytes(db, bytes, name, options);
}

/** Imports CSV bytes already in memory (a file the dashboard's picker or drop zone sent). */
export function importBytes(
  db: Cache,
  bytes: Buffer,
  name: string,
  options: ImportOptions = {},
): ImportResult {
  const table = streamCsv(bytes, name);
  const format = detectFormat(table, name);
  const rider = options.rider?.trim() ?? '';
  if (format === 'seed') {
    if (rider !== '') {
      throw new UserError(
        `${name} has a rider_name column, so --rider does not apply to it; import it without --rider.`,
        'bad_input',
      );
    }
    const workouts = checkedRows(table, name, (rec) => seedRow(rec, name), 'workout_id');
    // checkedRows refuses a repeated workout id, so the writer need not look for one.
    const counts = upsertWorkouts(db, workouts, 'import', {
      expectedRows: table.approxRows,
      uniqueIds: true,
    });
    return withRows(format, counts);
  }
  if (rider === '') {
    throw new UserError(
      `${name} is Peloton's own workout export, which does not say whose workouts they are: pass --rider NAME.`,
      'bad_input',
    );
  }
  // A rider given by id (or by another spelling of the name) is the rider the cache already has.
  const riderName = lookupRider(db, rider)?.name ?? rider;
  const layout = pelotonLayout(table.header, name);
  const workouts = checkedRows(
    table,
    name,
    (rec) => pelotonExportRow(rec, layout, riderName, name),
    layout.name.workoutTimestamp,
    () => `the same workout (${layout.name.workoutTimestamp} and ${layout.name.title})`,
  );
  return withRows(format, upsertExportWorkouts(db, workouts));
}

function withRows(format: ImportFormat, counts: Omit<ImportResult, 'format' | 'rows'>): ImportResult {
  return { format, rows: counts.inserted + counts.updated + counts.unchanged, ...counts };
}

function detectFormat(table: CsvStream, name: string): ImportFormat {
  const header = table.header;
  if (looksLikeSeed(header)) {
    checkSeedHeader(header, name);
    return 'seed';
  }
  if (looksLikePelotonExport(header)) return 'peloton-export';
  throw new UserError(
    `${name} line 1: not a format Spoke knows. Expected the original pipeline's header (${SEED_COLUMNS.join(',')}) or Peloton's "Download Workouts" export (${PELOTON_IMPERIAL_COLUMNS.join(',')}).`,
    'bad_input',
  );
}

/**
 * Checks each row's shape (no repeated header, as many fields as the header),
 * converts it, and refuses two rows for the same workout id, as the rows are read.
 */
function* checkedRows(
  table: CsvStream,
  name: string,
  convert: (rec: CsvRecord) => WorkoutInput,
  idColumn: string,
  duplicate: (w: WorkoutInput) => string = (w) => `workout ${w.id}`,
): Generator<WorkoutInput> {
  const { header } = table;
  const firstLine = new Map<string, number>();
  for (const rec of table.records) {
    const { fields } = rec;
    if (fields[0]?.trim() === header[0] && header.every((h, i) => fields[i]?.trim() === h)) {
      throw new UserError(
        `${name} line ${rec.line}, column ${header[0]}: the header row is repeated inside the file (were two files joined?); delete this line and import again.`,
        'bad_input',
      );
    }
    if (fields.length > header.length) {
      throw new UserError(
        `${name} line ${rec.line}, column ${header.length + 1} (after ${header[header.length - 1]}): the row has ${fields.length} fields but the header has ${header.length}; put a field that contains a comma in double quotes.`,
        'bad_input',
      );
    }
    if (fields.length < header.length) {
      throw new UserError(
        `${name} line ${rec.line}, column ${header[fields.length]}: missing; the row has ${fields.length} fields but the header has ${header.length}.`,
        'bad_input',
      );
    }
    const w = convert(rec);
    const seen = firstLine.get(w.id);
    if (seen !== undefined) {
      throw new UserError(
        `${name} line ${rec.line}, column ${idColumn}: ${duplicate(w)} is already on line ${seen}; remove one of them.`,
        'bad_input',
      );
    }
    firstLine.set(w.id, rec.line);
    yield w;
  }
}
