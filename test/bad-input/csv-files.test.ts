import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api/dispatch';
import { createHandlers } from '../../src/main/api/handlers';
import { createServices } from '../../src/main/services';
import { spoke } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-dir';
import { query } from '../sync/kit';

/**
 * Malformed CSVs beyond test/imports/bad-files.test.ts (which covers the parser's
 * own errors): files saved the wrong way by a spreadsheet or an editor, values a
 * hand edit or a hostile file could carry, through `spoke import` and through the
 * dashboard's import channel. Each: one line naming the file, exit 1, nothing written.
 */

const S_HEADER = 'workout_id,date,class_title,instructor,class_type,length_min,total_output_kj,rider_name';
const S_ROW = 'aaa1,2023-05-25 09:31:58,20 min Ride,Ally Love,cycling,20,180.1,Ann';
const P_HEADER =
  'Workout Timestamp,Live/On-Demand,Instructor Name,Length (minutes),Fitness Discipline,Type,Title,Class Timestamp,Total Output,Avg. Watts,Avg. Resistance,Avg. Cadence (RPM),Avg. Speed (mph),Distance (mi),Calories Burned,Avg. Heartrate,Avg. Incline,Avg. Pace (min/mi)';
const P_ROW =
  '2021-03-02 06:45 (EST),On Demand,Matt Wilpers,45,Cycling,Power Zone,45 min Power Zone Ride,2021-02-27 08:00 (EST),512,190,47%,88,20.64,15.48,640,141.27,,';

const seed = (...rows: string[]) => `${[S_HEADER, ...rows].join('\n')}\n`;
const row = (from: string, to: string) => S_ROW.replace(from, to);
const env = { SPOKE_SECRET_KEY: 'bad-input-csv' };

let dir: string;

/** Everything the import could touch. */
const cache = () => ({
  riders: query(dir, 'SELECT id, name, source FROM riders ORDER BY id'),
  workouts: query(dir, 'SELECT * FROM workouts ORDER BY id'),
});

beforeEach(async () => {
  dir = tempDir();
  const file = join(tempDir(), 'start.csv');
  writeFileSync(
    file,
    seed(S_ROW.replace('aaa1', 'kept1'), S_ROW.replace('aaa1', 'kept2').replace('2023-05-25', '2023-05-26')),
  );
  expect((await spoke(['import', file, '--data-dir', dir], { env })).code).toBe(0);
});

type Case = [name: string, content: string | Buffer, message: RegExp | string, rider?: string];

const cases: Case[] = [
  [
    'UTF-16 with a byte order mark (Excel’s "Unicode Text")',
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed(S_ROW), 'utf16le')]),
    'bad.csv line 1: UTF-16 text, which Spoke does not read; save the file as CSV UTF-8 and import it again.',
  ],
  [
    'UTF-16 big-endian without a byte order mark',
    Buffer.from(seed(S_ROW), 'utf16le').swap16(),
    'bad.csv line 1: UTF-16 text, which Spoke does not read; save the file as CSV UTF-8 and import it again.',
  ],
  [
    'semicolons between fields (a European spreadsheet)',
    seed().replaceAll(',', ';') + S_ROW.replaceAll(',', ';'),
    /^bad\.csv line 1: not a format Spoke knows\. Expected the original pipeline's header/,
  ],
  [
    'tabs between fields',
    seed().replaceAll(',', '\t') + S_ROW.replaceAll(',', '\t'),
    /^bad\.csv line 1: not a format Spoke knows\./,
  ],
  [
    'a web page saved as .csv',
    '<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>\n',
    /^bad\.csv line 1: not a format Spoke knows\./,
  ],
  [
    'a gzip archive',
    Buffer.from('1f8b0800000000000003cb48cdc9c95728cf2fca49e10200', 'hex'),
    /^bad\.csv line 1: binary data, not CSV text/,
  ],
  [
    'a negative output',
    seed(row('180.1', '-180.1')),
    'bad.csv line 2, column total_output_kj: expected a number of kilojoules such as 265.2, found "-180.1".',
  ],
  ['NaN as output', seed(row('180.1', 'NaN')), /^bad\.csv line 2, column total_output_kj: .*found "NaN"\.$/],
  [
    'Infinity as output',
    seed(row('180.1', 'Infinity')),
    /^bad\.csv line 2, column total_output_kj: .*found "Infinity"\.$/,
  ],
  [
    'an exponent as output',
    seed(row('180.1', '1e308')),
    /^bad\.csv line 2, column total_output_kj: .*found "1e308"\.$/,
  ],
  [
    'a formula as output',
    seed(row('180.1', "'=1+1")),
    /^bad\.csv line 2, column total_output_kj: .*found "=1\+1"\.$/,
  ],
  [
    'a fractional length',
    seed(row(',20,180', ',2.5,180')),
    /^bad\.csv line 2, column length_min: expected a whole number of minutes/,
  ],
  [
    'an absurd length',
    seed(row(',20,180', ',100000,180')),
    /^bad\.csv line 2, column length_min: expected a whole number of minutes/,
  ],
  [
    'SQL in the workout id',
    seed(row('aaa1', "x'; DROP TABLE workouts;--")),
    'bad.csv line 2, column workout_id: expected a workout id (letters and digits), found "x\'; DROP TABLE workouts;--".',
  ],
  [
    'a workout id of 65 characters',
    seed(row('aaa1', 'a'.repeat(65))),
    /^bad\.csv line 2, column workout_id: expected a workout id/,
  ],
  [
    'a blank rider name',
    seed(row(',Ann', ',   ')),
    'bad.csv line 2, column rider_name: expected a rider name, found "   ".',
  ],
  [
    'a class type in capitals',
    seed(row(',cycling,', ',Cycling,')),
    /^bad\.csv line 2, column class_type: expected a class type such as cycling or yoga/,
  ],
  [
    'a date with a time zone',
    seed(row('2023-05-25 09:31:58', '2023-05-25T09:31:58Z')),
    /^bad\.csv line 2, column date: expected a UTC date and time/,
  ],
  ['a date that does not exist', seed(row('2023-05-25', '2023-02-29')), /^bad\.csv line 2, column date: /],
  ['a leap second', seed(row('09:31:58', '23:59:60')), /^bad\.csv line 2, column date: /],
  [
    'a bad row after many good ones',
    seed(...Array.from({ length: 500 }, (_, i) => row('aaa1', `ok${i}`)), row('aaa1', 'bad!')),
    /^bad\.csv line 502, column workout_id:/,
  ],
  [
    'Peloton’s export with the Title column twice',
    `${P_HEADER.replace(',Type,', ',Title,')}\n${P_ROW}\n`,
    'bad.csv line 1, column Title: the header names this column twice; keep only one.',
    'Ann',
  ],
];

describe('spoke import of a malformed CSV', () => {
  it.each(cases)(
    '%s: one line naming the file, exit 1, nothing written',
    async (_name, content, message, rider) => {
      const file = join(tempDir(), 'bad.csv');
      writeFileSync(file, content);
      const before = cache();
      const run = await spoke(['import', file, ...(rider ? ['--rider', rider] : []), '--data-dir', dir], {
        env,
      });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^spoke: [^\n]+\n$/);
      const said = run.stderr.slice('spoke: '.length, -1);
      if (typeof message === 'string') expect(said).toBe(message);
      else expect(said).toMatch(message);
      expect(cache()).toEqual(before);
    },
  );
});

describe('the dashboard’s import channel with a malformed file', () => {
  const imported = async (input: unknown) => {
    const services = createServices({ dataDir: dir, face: 'serve', env });
    try {
      return await dispatch(createHandlers(services), 'imports:csv', input);
    } finally {
      services.close();
    }
  };

  it('refuses a file over 64 MB before reading it', async () => {
    const before = cache();
    const result = await imported({
      fileName: 'huge.csv',
      text: `${S_HEADER}\n${'x'.repeat(64 * 1024 * 1024)}`,
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'bad_input',
        message: 'Invalid input for imports:csv: text: the file is larger than 64 MB.',
      },
    });
    expect(cache()).toEqual(before);
  });

  it('names the file by its own name only, whatever path the page claims', async () => {
    const result = await imported({ fileName: '../../../../etc/passwd', text: seed(row('180.1', 'lots')) });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'bad_input',
        message:
          'passwd line 2, column total_output_kj: expected a number of kilojoules such as 265.2, found "lots".',
      },
    });
  });

  it('answers a malformed file with the same one line as the command line, and writes nothing', async () => {
    const before = cache();
    for (const [, content, message, rider] of cases.filter(([, c]) => typeof c === 'string')) {
      const result = await imported({
        fileName: 'bad.csv',
        text: content as string,
        ...(rider ? { rider } : {}),
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'bad_input' } });
      const said = (result as { error: { message: string } }).error.message;
      if (typeof message === 'string') expect(said).toBe(message);
      else expect(said).toMatch(message);
    }
    expect(cache()).toEqual(before);
  });
});
