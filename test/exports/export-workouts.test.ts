import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Cache } from '../../src/main/cache/open-cache';
import { upsertWorkouts } from '../../src/main/cache/workouts-repo';
import { UserError } from '../../src/main/errors';
import { exportWorkouts, oneDecimal } from '../../src/main/exports/export-workouts';
import { importFile } from '../../src/main/imports/import-file';
import type { WorkoutInput } from '../../src/main/imports/workout-input';
import {
  countWorkouts,
  FIXTURES,
  freshCache,
  SEED_FILE,
  snapshot,
  tempFolder,
} from '../imports/cache-fixture';

const SEED_HEADER = 'workout_id,date,class_title,instructor,class_type,length_min,total_output_kj,rider_name';
const PELOTON_HEADER =
  'Workout Timestamp,Live/On-Demand,Instructor Name,Length (minutes),Fitness Discipline,Type,Title,Class Timestamp,Total Output,Avg. Watts,Avg. Resistance,Avg. Cadence (RPM),Avg. Speed (mph),Distance (mi),Calories Burned,Avg. Heartrate,Avg. Incline,Avg. Pace (min/mi)';

const csvRows = (path: string): string[][] => parse(readFileSync(path), { bom: true }) as string[][];
const sorted = (rows: string[][]) => [...rows].sort((a, b) => (a.join('\u0001') < b.join('\u0001') ? -1 : 1));

/** What a workout is, without when it was last written. */
function content(db: Cache): unknown[] {
  return db
    .prepare(
      `SELECT w.id, r.name AS rider, w.start_time, w.title, w.instructor, w.class_type, w.ride_kind,
              w.length_min, w.output_kj, w.metrics_json
       FROM workouts w JOIN riders r ON r.id = w.rider_id ORDER BY w.id`,
    )
    .all();
}

function exportError(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('the export did not fail');
}

describe('export to the seed format', () => {
  it('round-trips all_rides.csv: import → export gives the same rows, and importing them changes nothing', () => {
    const db = freshCache();
    importFile(db, SEED_FILE);
    const out = join(tempFolder(), 'out.csv');
    expect(exportWorkouts(db, out, 'seed')).toEqual({ format: 'seed', rows: 721 });

    const original = csvRows(SEED_FILE);
    const exported = csvRows(out);
    expect(exported[0]).toEqual(original[0]);
    expect(exported).toHaveLength(722);
    expect(sorted(exported.slice(1))).toEqual(sorted(original.slice(1)));

    const text = readFileSync(out, 'utf8');
    expect(text.startsWith(`${SEED_HEADER}\n`)).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text).toContain(
      '\n7312d7ff60bd4ee19bf3920db0789165,2022-02-13 18:09:56,"30 min XOXO, Cody",Cody Rigsby,cycling,30,187.4,Hillary Kolano\n',
    );
    expect(text).toContain(
      ',10 KM Georgia Longleaf Pines Ride,no instructor,cycling,0,126.9,Hillary Kolano\n',
    );
    // Riders in blocks (by name), each newest first, as the original.
    expect(exported[1]?.[0]).toBe('a1dc56e4e596446086ac5c2fc501e7de');
    const riders = exported.slice(1).map((r) => r[7]);
    expect(riders.indexOf('Hillary Kolano')).toBe(324);
    const bryanDates = exported.slice(1, 325).map((r) => r[1] ?? '');
    expect(bryanDates).toEqual([...bryanDates].sort().reverse());

    const before = snapshot(db);
    expect(importFile(db, out)).toEqual({
      format: 'seed',
      rows: 721,
      inserted: 0,
      updated: 0,
      unchanged: 721,
    });
    expect(snapshot(db)).toEqual(before);

    const again = freshCache();
    expect(importFile(again, out)).toMatchObject({ rows: 721, inserted: 721 });
    expect(content(again)).toEqual(content(db));
  });

  it('is deterministic: exporting twice writes the same bytes', () => {
    const db = freshCache();
    importFile(db, SEED_FILE);
    const dir = tempFolder();
    exportWorkouts(db, join(dir, 'a.csv'), 'seed');
    exportWorkouts(db, join(dir, 'b.csv'), 'seed');
    expect(readFileSync(join(dir, 'a.csv'))).toEqual(readFileSync(join(dir, 'b.csv')));
  });

  it.each([
    [265.2, '265.2'],
    [0, '0.0'],
    [12, '12.0'],
    [0.25, '0.2'],
    [0.35, '0.4'],
    [0.45, '0.4'],
    [1.05, '1.0'],
    [2.675, '2.7'],
    [265.25, '265.2'],
    [265.35, '265.4'],
    [179.04999, '179.0'],
    [386.15, '386.2'],
    [0.04, '0.0'],
  ])('writes output %s kJ as %s (numpy round-half-even of x*10)', (x, text) => {
    expect(oneDecimal(x)).toBe(text);
  });

  it('an empty cache exports the header alone', () => {
    const db = freshCache();
    const out = join(tempFolder(), 'empty.csv');
    expect(exportWorkouts(db, out, 'seed')).toEqual({ format: 'seed', rows: 0 });
    expect(readFileSync(out, 'utf8')).toBe(`${SEED_HEADER}\n`);
  });

  it('exports one rider when asked', () => {
    const db = freshCache();
    importFile(db, SEED_FILE);
    const out = join(tempFolder(), 'hillary.csv');
    expect(exportWorkouts(db, out, 'seed', { rider: 'hillary kolano' })).toEqual({
      format: 'seed',
      rows: 397,
    });
    expect(exportError(() => exportWorkouts(db, out, 'seed', { rider: 'Zed' })).message).toBe(
      'No rider "Zed" in the cache; riders: Bryan Kolano, Hillary Kolano.',
    );
  });
});

describe('writing files', () => {
  it('replaces an existing file atomically and leaves no temporary file behind', () => {
    const db = freshCache();
    importFile(db, SEED_FILE);
    const dir = tempFolder();
    const out = join(dir, 'rides.csv');
    writeFileSync(out, 'old content');
    exportWorkouts(db, out, 'seed');
    expect(readFileSync(out, 'utf8').startsWith(SEED_HEADER)).toBe(true);
    expect(readdirSync(dir)).toEqual(['rides.csv']);
  });

  it('a folder that does not exist, or a folder as the file, is a clear error and writes nothing', () => {
    const db = freshCache();
    const dir = tempFolder();
    expect(exportError(() => exportWorkouts(db, join(dir, 'nope', 'x.csv'), 'seed')).message).toBe(
      `Cannot export to ${join(dir, 'nope', 'x.csv')}: the folder ${join(dir, 'nope')} does not exist.`,
    );
    expect(exportError(() => exportWorkouts(db, dir, 'seed')).message).toMatch(/it is a folder/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('export to the Peloton export format', () => {
  it('round-trips a Peloton export (imperial): same workouts, same metrics', () => {
    const db = freshCache();
    importFile(db, join(FIXTURES, 'peloton-imperial.csv'), { rider: 'Ann' });
    const out = join(tempFolder(), 'peloton.csv');
    expect(exportWorkouts(db, out, 'peloton-export')).toEqual({ format: 'peloton-export', rows: 9 });
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toBe(PELOTON_HEADER);
    expect(text).toContain(
      '\n2021-03-02 06:45 (EST),On Demand,Matt Wilpers,45,Cycling,Power Zone,45 min Power Zone Endurance Ride,2021-02-27 08:00 (EST),512,190,47%,88,20.64,15.48,640,141.27,,\n',
    );
    expect(text).toContain('"30 min XOXO, Cody"');

    const before = snapshot(db);
    expect(importFile(db, out, { rider: 'Ann' })).toMatchObject({ rows: 9, unchanged: 9 });
    expect(snapshot(db)).toEqual(before);
    const again = freshCache();
    importFile(again, out, { rider: 'Ann' });
    expect(content(again)).toEqual(content(db));
  });

  it('writes metric accounts in imperial units', () => {
    const db = freshCache();
    importFile(db, join(FIXTURES, 'peloton-metric.csv'), { rider: 'Ann' });
    const out = join(tempFolder(), 'peloton.csv');
    exportWorkouts(db, out, 'peloton-export');
    const rows = csvRows(out);
    expect(rows[0]?.join(',')).toBe(PELOTON_HEADER);
    const climb = rows.find((r) => r[6] === '30 min Climb Ride');
    expect(climb?.slice(12, 14)).toEqual(['20.64', '10.32']);
    const run = rows.find((r) => r[6] === '20 min Endurance Run');
    expect(run?.[17]).toBe('9.19');
  });

  it('writes seed workouts so that importing them back matches them, not duplicates them', () => {
    const db = freshCache();
    importFile(db, SEED_FILE);
    const out = join(tempFolder(), 'bryan.csv');
    expect(exportWorkouts(db, out, 'peloton-export', { rider: 'Bryan Kolano' })).toMatchObject({ rows: 324 });
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(
      '\n2023-05-25 09:31 (UTC),On Demand,Bradley Rose,30,Cycling,,30 min HIIT & Hills Ride,,265.2,',
    );
    expect(importFile(db, out, { rider: 'Bryan Kolano' })).toMatchObject({ rows: 324, inserted: 0 });
    expect(countWorkouts(db)).toBe(721);

    const fresh = freshCache();
    importFile(fresh, out, { rider: 'Bryan Kolano' });
    const kinds = fresh
      .prepare('SELECT class_type, ride_kind, COUNT(*) AS n FROM workouts GROUP BY 1, 2 ORDER BY 1, 2')
      .all();
    const seedKinds = db
      .prepare(
        `SELECT class_type, ride_kind, COUNT(*) AS n FROM workouts w JOIN riders r ON r.id = w.rider_id
         WHERE r.name = 'Bryan Kolano' GROUP BY 1, 2 ORDER BY 1, 2`,
      )
      .all();
    expect(kinds).toEqual(seedKinds);
  });

  it('needs a rider when the cache has several, since the format has no rider column', () => {
    const db = freshCache();
    importFile(db, SEED_FILE);
    const error = exportError(() => exportWorkouts(db, join(tempFolder(), 'x.csv'), 'peloton-export'));
    expect(error.code).toBe('bad_input');
    expect(error.message).toBe(
      "Peloton's export format has no rider column; choose one rider (Bryan Kolano, Hillary Kolano) with --rider NAME, or export with --format seed.",
    );
  });
});

describe('formula injection', () => {
  const titles = [
    '=1+1',
    '=HYPERLINK("http://evil.example","click")',
    '+SUM(A1:A9)',
    '-2+3',
    '@SUM(A1)',
    '\tTabbed',
    '\rCarriage return',
    "'=already quoted",
    "''+two quotes",
    "'plain apostrophe",
    "Mother's Day",
    'normal, with "quotes"',
    'two\nlines',
  ];
  const workout = (title: string, i: number): WorkoutInput => ({
    id: `w${i}`,
    riderName: '=Eve',
    startTime: 1_700_000_000 + i * 3600,
    timezone: null,
    title,
    instructorId: null,
    instructor: i % 2 ? '@Instructor' : null,
    classType: 'cycling',
    rideKind: 'class',
    lengthMin: 20,
    outputKj: 100 + i,
    status: 'COMPLETE',
    source: 'seed',
    metricsJson: null,
    rawJson: null,
  });

  it.each(['seed', 'peloton-export'] as const)(
    'titles never start a formula and round-trip (%s)',
    (format) => {
      const db = freshCache();
      upsertWorkouts(db, titles.map(workout), 'import');
      const out = join(tempFolder(), 'x.csv');
      exportWorkouts(db, out, format);
      for (const row of csvRows(out)) {
        for (const field of row) expect(field).not.toMatch(/^[=+\-@\t\r]/);
      }
      const text = readFileSync(out, 'utf8');
      expect(text).toContain(",'=1+1,");
      expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")",`);
      expect(text).toContain(",''=already quoted,");
      expect(text).toContain(",'''+two quotes,");
      expect(text).toContain(",'plain apostrophe,");

      const again = freshCache();
      importFile(again, out, format === 'seed' ? {} : { rider: '=Eve' });
      const read = again.prepare('SELECT title, instructor FROM workouts ORDER BY start_time').all();
      expect(read).toEqual(titles.map((title, i) => ({ title, instructor: i % 2 ? '@Instructor' : null })));
      expect(again.prepare('SELECT name FROM riders').all()).toEqual([{ name: '=Eve' }]);
    },
  );
});
