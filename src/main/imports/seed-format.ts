import { UserError } from '../errors';
import type { CsvRecord } from './read-csv';
import type { WorkoutInput } from './workout-input';

/** The original pipeline's 8 columns, in its order. */
export const SEED_COLUMNS = [
  'workout_id',
  'date',
  'class_title',
  'instructor',
  'class_type',
  'length_min',
  'total_output_kj',
  'rider_name',
] as const;

/** True when a header row looks like the seed format (so its errors should be about that format). */
export function looksLikeSeed(header: string[]): boolean {
  return SEED_COLUMNS.filter((c) => header.includes(c)).length >= 3;
}

/** Accepts exactly the 8 seed columns in order, or throws naming the column at fault. */
export function checkSeedHeader(header: string[], fileName: string): void {
  const expected = `expected the header ${SEED_COLUMNS.join(',')}`;
  const missing = SEED_COLUMNS.find((c) => !header.includes(c));
  if (missing) {
    throw new UserError(
      `${fileName} line 1, column ${missing}: missing from the header; ${expected}.`,
      'bad_input',
    );
  }
  for (let i = 0; i < header.length; i++) {
    const h = header[i] ?? '';
    if (h === SEED_COLUMNS[i]) continue;
    const why = SEED_COLUMNS.includes(h as (typeof SEED_COLUMNS)[number])
      ? header.indexOf(h) !== i
        ? 'appears twice'
        : `is in position ${i + 1}`
      : 'is not a seed column';
    throw new UserError(`${fileName} line 1, column ${h || i + 1}: ${why}; ${expected}.`, 'bad_input');
  }
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const SLUG = /^[a-z0-9_]{1,40}$/;
const INT = /^\d{1,4}$/;
const DECIMAL = /^\d{1,7}(\.\d+)?$/;

/** Epoch milliseconds of a `YYYY-MM-DD HH:MM:SS` UTC date (or with a `T`), or NaN when it is not a real one. */
function utcMillis(date: string): number {
  if (date.length !== 19) return Number.NaN;
  const c = (k: number) => date.charCodeAt(k);
  if (c(4) !== 45 || c(7) !== 45 || (c(10) !== 32 && c(10) !== 84) || c(13) !== 58 || c(16) !== 58) {
    return Number.NaN;
  }
  const num = (from: number, to: number) => {
    let n = 0;
    for (let k = from; k < to; k++) {
      const d = c(k) - 48;
      if (d < 0 || d > 9) return -1;
      n = n * 10 + d;
    }
    return n;
  };
  const y = num(0, 4);
  const mo = num(5, 7);
  const day = num(8, 10);
  const h = num(11, 13);
  const mi = num(14, 16);
  const sec = num(17, 19);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const monthDays = mo === 2 ? (leap ? 29 : 28) : 30 + ((mo + (mo >> 3)) & 1);
  if (y < 0 || mo < 1 || mo > 12 || day < 1 || day > monthDays || h < 0 || h > 23 || mi < 0 || mi > 59) {
    return Number.NaN;
  }
  if (sec < 0 || sec > 59) return Number.NaN;
  return Date.UTC(y, mo - 1, day, h, mi, sec);
}

/** Turns one seed row into a workout, or throws naming the line and the column. */
export function seedRow(rec: CsvRecord, fileName: string): WorkoutInput {
  const f = rec.fields;
  const fail = (col: (typeof SEED_COLUMNS)[number], expected: string): never => {
    const value = f[SEED_COLUMNS.indexOf(col)] ?? '';
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    throw new UserError(
      `${fileName} line ${rec.line}, column ${col}: expected ${expected}, found "${shown}".`,
      'bad_input',
    );
  };
  const [
    id = '',
    date = '',
    title = '',
    instructor = '',
    classType = '',
    length = '',
    output = '',
    rider = '',
  ] = f;
  if (!ID.test(id)) fail('workout_id', 'a workout id (letters and digits)');
  const startMs = utcMillis(date);
  if (Number.isNaN(startMs)) fail('date', 'a UTC date and time as YYYY-MM-DD HH:MM:SS');
  if (title.trim() === '') fail('class_title', 'a class title');
  if (!SLUG.test(classType)) fail('class_type', 'a class type such as cycling or yoga');
  if (!INT.test(length)) fail('length_min', 'a whole number of minutes');
  if (!DECIMAL.test(output)) fail('total_output_kj', 'a number of kilojoules such as 265.2');
  if (rider.trim() === '') fail('rider_name', 'a rider name');
  const noInstructor = instructor.trim() === '' || instructor === 'no instructor';
  return {
    id,
    riderName: rider.trim(),
    startTime: startMs / 1000,
    timezone: null,
    title,
    instructorId: null,
    instructor: noInstructor ? null : instructor,
    classType,
    rideKind: classType === 'lanebreak' ? 'lanebreak' : 'class',
    lengthMin: Number(length),
    outputKj: Number(output),
    status: 'COMPLETE',
    source: 'seed',
    metricsJson: null,
    rawJson: null,
  };
}
