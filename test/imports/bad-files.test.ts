import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Cache } from '../../src/main/cache/open-cache';
import { UserError } from '../../src/main/errors';
import { type ImportOptions, importFile } from '../../src/main/imports/import-file';
import { countWorkouts, FIXTURES, freshCache, snapshot, tempFile } from './cache-fixture';

const P_HEADER =
  'Workout Timestamp,Live/On-Demand,Instructor Name,Length (minutes),Fitness Discipline,Type,Title,Class Timestamp,Total Output,Avg. Watts,Avg. Resistance,Avg. Cadence (RPM),Avg. Speed (mph),Distance (mi),Calories Burned,Avg. Heartrate,Avg. Incline,Avg. Pace (min/mi)';
const P_ROW =
  '2021-03-02 06:45 (EST),On Demand,Matt Wilpers,45,Cycling,Power Zone,45 min Power Zone Ride,2021-02-27 08:00 (EST),512,190,47%,88,20.64,15.48,640,141.27,,';
const P_ROW2 =
  '2021-03-03 06:45 (EST),On Demand,Robin Arzón,30,Cycling,Music,30 min Pop Ride,2021-02-27 09:00 (EST),301,160,45%,85,19.10,9.40,420,,,';
const S_HEADER = 'workout_id,date,class_title,instructor,class_type,length_min,total_output_kj,rider_name';
const S_ROW = 'aaa1,2023-05-25 09:31:58,20 min Ride,Ally Love,cycling,20,180.1,Ann';
const S_ROW2 = 'aaa2,2023-05-26 09:31:58,20 min Ride,Robin Arzón,cycling,20,181.0,Ann';

const lines = (...rows: string[]) => `${rows.join('\n')}\n`;
const latin1 = (text: string) => Buffer.from(text, 'latin1');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001',
  'hex',
);
const XLSX = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'), Buffer.alloc(40, 1)]);

type Case = [name: string, content: string | Buffer, options: ImportOptions, message: string | RegExp];

const pelotonCases: Case[] = [
  [
    'a missing column',
    lines(P_HEADER.replace(',Total Output', ''), P_ROW.replace(',512', '')),
    { rider: 'Ann' },
    /^x\.csv line 1, column Total Output: missing from the header; Peloton's export has these columns: Workout Timestamp,/,
  ],
  [
    'a non-numeric output',
    lines(P_HEADER, P_ROW, P_ROW2.replace(',301,', ',lots,')),
    { rider: 'Ann' },
    'x.csv line 3, column Total Output: expected a number of kilojoules such as 512, found "lots".',
  ],
  [
    'a bad date',
    lines(P_HEADER, P_ROW.replace('2021-03-02', '2021-02-30')),
    { rider: 'Ann' },
    'x.csv line 2, column Workout Timestamp: expected a real date and time such as 2023-05-25 05:31 (EDT), found "2021-02-30 06:45 (EST)".',
  ],
  [
    'a date in another layout',
    lines(P_HEADER, P_ROW, P_ROW2.replace('2021-03-03 06:45', '03/03/2021 06:45')),
    { rider: 'Ann' },
    /^x\.csv line 3, column Workout Timestamp: expected a date and time such as 2023-05-25 05:31 \(EDT\)/,
  ],
  [
    'an unknown time zone',
    lines(P_HEADER, P_ROW.replace('06:45 (EST)', '06:45 (XYZ)')),
    { rider: 'Ann' },
    /^x\.csv line 2, column Workout Timestamp: expected a known time zone; "XYZ" .*\(\+01\)/,
  ],
  [
    'a bad class timestamp',
    lines(P_HEADER, P_ROW.replace('2021-02-27 08:00 (EST)', 'yesterday')),
    { rider: 'Ann' },
    /^x\.csv line 2, column Class Timestamp: expected nothing or a date and time/,
  ],
  [
    'a bad length',
    lines(P_HEADER, P_ROW.replace(',45,Cycling', ',forty,Cycling')),
    { rider: 'Ann' },
    'x.csv line 2, column Length (minutes): expected a whole number of minutes, or None, found "forty".',
  ],
  [
    'a bad resistance',
    lines(P_HEADER, P_ROW.replace('47%', 'high%')),
    { rider: 'Ann' },
    /^x\.csv line 2, column Avg\. Resistance: expected a resistance such as 45%/,
  ],
  [
    'a blank title',
    lines(P_HEADER, P_ROW.replace('45 min Power Zone Ride', ' ')),
    { rider: 'Ann' },
    'x.csv line 2, column Title: expected the class title, found nothing.',
  ],
  ['an empty file', '', { rider: 'Ann' }, /^x\.csv line 1: the file is empty/],
  [
    'a file of blank lines and a BOM',
    '\uFEFF\r\n\r\n  \n',
    { rider: 'Ann' },
    /^x\.csv line 1: the file is empty/,
  ],
  [
    'the header repeated inside the file',
    lines(P_HEADER, P_ROW, P_HEADER, P_ROW2),
    { rider: 'Ann' },
    /^x\.csv line 3, column Workout Timestamp: the header row is repeated inside the file/,
  ],
  [
    'too many fields on a row',
    lines(P_HEADER, P_ROW, `${P_ROW2},extra`),
    { rider: 'Ann' },
    /^x\.csv line 3, column 19 \(after Avg\. Pace \(min\/mi\)\): the row has 19 fields but the header has 18; put a field that contains a comma in double quotes\.$/,
  ],
  [
    'too few fields on a row',
    lines(P_HEADER, P_ROW.slice(0, -1)),
    { rider: 'Ann' },
    'x.csv line 2, column Avg. Pace (min/mi): missing; the row has 17 fields but the header has 18.',
  ],
  [
    'a binary file',
    PNG,
    { rider: 'Ann' },
    /^x\.csv line 3: binary data, not CSV text; choose the CSV file itself\.$/,
  ],
  [
    'a spreadsheet workbook',
    XLSX,
    { rider: 'Ann' },
    /^x\.csv line 1: binary data, not CSV text; it looks like a spreadsheet workbook.*save it as CSV UTF-8\.$/,
  ],
  [
    'a file that is not UTF-8',
    latin1(lines(P_HEADER, P_ROW, P_ROW2)),
    { rider: 'Ann' },
    'x.csv line 3, column Instructor Name: not UTF-8 text (byte 0xF3); save the file as CSV UTF-8 and import it again.',
  ],
  [
    'a quote left open',
    lines(P_HEADER, P_ROW, P_ROW2.replace('30 min Pop Ride', '"30 min Pop Ride'), P_ROW),
    { rider: 'Ann' },
    /^x\.csv line 3, column Title: a double quote opens a field that is never closed/,
  ],
  [
    'a stray quote inside a field',
    lines(P_HEADER, P_ROW, P_ROW2.replace('30 min Pop Ride', '30 min "Pop" Ride')),
    { rider: 'Ann' },
    /^x\.csv line 3, column Title: a double quote in the middle of a field/,
  ],
  [
    'the same workout twice',
    lines(P_HEADER, P_ROW, P_ROW2, P_ROW),
    { rider: 'Ann' },
    /^x\.csv line 4, column Workout Timestamp: the same workout \(Workout Timestamp and Title\) is already on line 2; remove one of them\.$/,
  ],
  [
    'no --rider',
    lines(P_HEADER, P_ROW),
    {},
    "x.csv is Peloton's own workout export, which does not say whose workouts they are: pass --rider NAME.",
  ],
  [
    'mixed unit families',
    lines(P_HEADER.replace('Distance (mi)', 'Distance (km)'), P_ROW),
    { rider: 'Ann' },
    /^x\.csv line 1, column Avg\. Speed \(mph\): the header mixes imperial and metric columns \(expected Avg\. Speed \(kph\)\)/,
  ],
  [
    'a header Spoke does not know',
    lines('date,what,how much', '2023-01-01,ride,3'),
    { rider: 'Ann' },
    /^x\.csv line 1: not a format Spoke knows/,
  ],
];

const seedCases: Case[] = [
  [
    'a missing column',
    lines(S_HEADER.replace(',total_output_kj', ''), S_ROW.replace(',180.1', '')),
    {},
    /^x\.csv line 1, column total_output_kj: missing from the header; expected the header workout_id,date,/,
  ],
  [
    'columns out of order',
    lines('date,workout_id,class_title,instructor,class_type,length_min,total_output_kj,rider_name', S_ROW),
    {},
    /^x\.csv line 1, column date: is in position 1; expected the header/,
  ],
  [
    'a non-numeric output',
    lines(S_HEADER, S_ROW, S_ROW2.replace('181.0', 'lots')),
    {},
    'x.csv line 3, column total_output_kj: expected a number of kilojoules such as 265.2, found "lots".',
  ],
  [
    'a bad date',
    lines(S_HEADER, S_ROW.replace('2023-05-25', '2023-13-01')),
    {},
    'x.csv line 2, column date: expected a UTC date and time as YYYY-MM-DD HH:MM:SS, found "2023-13-01 09:31:58".',
  ],
  ['an empty file', '', {}, /^x\.csv line 1: the file is empty/],
  [
    'the header repeated inside the file',
    lines(S_HEADER, S_ROW, S_HEADER, S_ROW2),
    {},
    /^x\.csv line 3, column workout_id: the header row is repeated inside the file/,
  ],
  [
    'too many fields on a row (an unquoted comma)',
    lines(S_HEADER, S_ROW.replace('20 min Ride', '30 min XOXO, Cody')),
    {},
    /^x\.csv line 2, column 9 \(after rider_name\): the row has 9 fields but the header has 8/,
  ],
  ['a binary file', PNG, {}, /^x\.csv line 3: binary data/],
  [
    'a file that is not UTF-8',
    latin1(lines(S_HEADER, S_ROW, S_ROW2)),
    {},
    'x.csv line 3, column instructor: not UTF-8 text (byte 0xF3); save the file as CSV UTF-8 and import it again.',
  ],
  [
    'a quote left open',
    lines(S_HEADER, S_ROW.replace('20 min Ride', '"20 min Ride'), S_ROW2),
    {},
    /^x\.csv line 2, column class_title: a double quote opens a field that is never closed/,
  ],
  [
    'the same workout id twice',
    lines(S_HEADER, S_ROW, S_ROW2, S_ROW),
    {},
    'x.csv line 4, column workout_id: workout aaa1 is already on line 2; remove one of them.',
  ],
  [
    '--rider given for a file with rider names',
    lines(S_HEADER, S_ROW),
    { rider: 'Ann' },
    /^x\.csv has a rider_name column, so --rider does not apply to it/,
  ],
];

/** A cache with workouts in it, so "nothing written" means "nothing changed". */
function populated(): Cache {
  const db = freshCache();
  importFile(db, join(FIXTURES, 'peloton-imperial.csv'), { rider: 'Ann' });
  importFile(
    db,
    tempFile(
      'seed.csv',
      lines(S_HEADER, 'bbb1,2022-01-01 10:00:00,10 min Ride,Ally Love,cycling,10,80.0,Ann'),
    ),
  );
  return db;
}

function importError(db: Cache, content: string | Buffer, options: ImportOptions): UserError {
  try {
    importFile(db, tempFile('x.csv', content), options);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('the import did not fail');
}

describe.each([
  ['a Peloton export', pelotonCases],
  ['a seed file', seedCases],
])('a bad file (%s) imports nothing, with one error naming the line and column', (_, cases) => {
  let db: Cache;
  beforeEach(() => {
    db = populated();
  });

  it.each(cases)('%s', (_name, content, options, message) => {
    const before = snapshot(db);
    const count = countWorkouts(db);
    const error = importError(db, content, options);
    expect(error.code).toBe('bad_input');
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
    expect(countWorkouts(db)).toBe(count);
    expect(snapshot(db)).toEqual(before);
  });
});

describe('all or nothing', () => {
  it('a bad last row leaves every good row before it unwritten', () => {
    const db = freshCache();
    const good = Array.from(
      { length: 50 },
      (_, i) => `id${i},2023-05-25 09:${String(i).padStart(2, '0')}:00,Ride,Ally Love,cycling,20,180.1,Ann`,
    );
    const error = importError(
      db,
      lines(S_HEADER, ...good, 'id99,2023-05-25 10:00:00,Ride,Ally Love,cycling,20,x,Ann'),
      {},
    );
    expect(error.message).toMatch(/^x\.csv line 52, column total_output_kj:/);
    expect(countWorkouts(db)).toBe(0);
    expect(db.prepare('SELECT COUNT(*) AS n FROM riders').get()).toEqual({ n: 0 });
  });

  it('line numbers count the physical lines of quoted multi-line fields, blank lines and CRLF', () => {
    const db = freshCache();
    const text = [
      S_HEADER,
      'a1,2023-05-25 09:31:58,"Two\r\nlines",Ally Love,cycling,20,1.0,Ann',
      '',
      S_ROW2.replace('181.0', 'bad'),
    ].join('\r\n');
    expect(importError(db, text, {}).message).toMatch(/^x\.csv line 5, column total_output_kj:/);
  });

  it('a missing file or a folder is a clear error', () => {
    const db = freshCache();
    expect(() => importFile(db, '/no/such/file.csv')).toThrow(
      'Cannot import /no/such/file.csv: no such file.',
    );
    expect(() => importFile(db, FIXTURES)).toThrow(/it is a folder/);
  });
});

describe('seed files in other encodings and line endings', () => {
  it('accepts a BOM, CRLF, quoted commas and blank lines', () => {
    const db = freshCache();
    const text = `\uFEFF${[S_HEADER, S_ROW.replace('20 min Ride', '"30 min XOXO, Cody"'), '', S_ROW2, ',,,,,,,'].join('\r\n')}\r\n`;
    expect(importFile(db, tempFile('crlf.csv', text))).toEqual({
      format: 'seed',
      rows: 2,
      inserted: 2,
      updated: 0,
      unchanged: 0,
    });
    const titles = db.prepare('SELECT title, instructor FROM workouts ORDER BY id').all();
    expect(titles).toEqual([
      { title: '30 min XOXO, Cody', instructor: 'Ally Love' },
      { title: '20 min Ride', instructor: 'Robin Arzón' },
    ]);
  });
});

describe('bulk loads', () => {
  const indexes = (db: Cache) =>
    db
      .prepare(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = 'workouts' ORDER BY name",
      )
      .all();
  const owedDays = (db: Cache) =>
    db.prepare("SELECT item FROM outbox WHERE target = 'csv' ORDER BY item").pluck().all() as string[];
  const bigFile = (rows: number, badLast: boolean) => {
    const lines = [S_HEADER];
    for (let i = 0; i < rows; i++) {
      const date = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000)
        .toISOString()
        .slice(0, 19)
        .replace('T', ' ');
      const output = badLast && i === rows - 1 ? 'oops' : `${i % 400}.${i % 10}`;
      lines.push(`id${i},${date},20 min Ride,Ally Love,cycling,20,${output},Rider ${i % 3}`);
    }
    return tempFile('big.csv', `${lines.join('\n')}\n`);
  };

  it('a large first import keeps the indexes, and a failed one leaves the cache as it was', () => {
    const db = freshCache();
    const before = indexes(db);
    expect(before.length).toBeGreaterThanOrEqual(3);
    const cacheSize = db.pragma('cache_size', { simple: true });
    expect(() => importFile(db, bigFile(12_000, true))).toThrow(/line 12001, column total_output_kj/);
    expect(countWorkouts(db)).toBe(0);
    expect(indexes(db)).toEqual(before);
    expect(owedDays(db)).toEqual([]);
    expect(db.pragma('cache_size', { simple: true })).toBe(cacheSize);

    expect(importFile(db, bigFile(12_000, false))).toMatchObject({ rows: 12_000, inserted: 12_000 });
    expect(indexes(db)).toEqual(before);
    expect(db.pragma('cache_size', { simple: true })).toBe(cacheSize);
    expect(countWorkouts(db)).toBe(12_000);
    // Every day with a workout is owed its daily CSV, as the insert trigger would have marked it
    // (12,000 hours from 2020-01-01: 500 days).
    const days = owedDays(db);
    expect(days).toHaveLength(500);
    expect([days[0], days.at(-1)]).toEqual(['2020-01-01', '2021-05-14']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT id FROM workouts WHERE rider_id = ? AND start_time >= ? AND start_time < ?',
      )
      .all('x', 0, 60) as { detail: string }[];
    // Either index that starts with (rider_id, start_time) serves the lookup.
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/INDEX workouts_(rider_time|report) \(rider_id=\?/);
    expect(importFile(db, bigFile(12_000, false))).toMatchObject({ unchanged: 12_000 });
  });
});
