/**
 * Golden tests: the seed CSV of the original pipeline, bucketed in UTC, must
 * reproduce the notebook's published numbers (seed-pipeline.md, sections f and g),
 * and the reports the notebook never had must agree with plain JS over the CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/main/imports/import-file';
import { reportNames } from '../../src/shared/reports';
import {
  inRideSubset,
  isoWeekOf,
  keyed,
  report,
  round,
  SEED_CSV,
  type SeedRow,
  seedRows,
  type TempCache,
  tempCache,
} from './helpers';

const BRYAN = 'Bryan Kolano';
const HILLARY = 'Hillary Kolano';

let cache: TempCache;
let rows: SeedRow[];
const db = () => cache.db;

beforeAll(() => {
  cache = tempCache();
  const result = importFile(cache.db, SEED_CSV);
  expect(result.rows).toBe(721);
  rows = seedRows();
  expect(rows).toHaveLength(721);
});

afterAll(() => cache?.close());

const utcDay = (sec: number) => new Date(sec * 1000).toISOString().slice(0, 10);
const utcMonth = (sec: number) => new Date(sec * 1000).toISOString().slice(0, 7);
const iso = (sec: number) => `${new Date(sec * 1000).toISOString().slice(0, 19)}Z`;
const of = (rider: string) => rows.filter((r) => r.rider === rider);

describe('summary', () => {
  it('counts 721 workouts: Bryan 324, Hillary 397, with minutes, kJ and first/last instants', () => {
    const got = report(db(), 'summary');
    expect(got.map((r) => [r.rider, r.workouts])).toEqual([
      [BRYAN, 324],
      [HILLARY, 397],
    ]);
    for (const row of got) {
      const mine = of(row.rider);
      expect(row.minutes).toBe(mine.reduce((s, r) => s + r.lengthMin, 0));
      expect(row.outputKj).toBeCloseTo(
        mine.reduce((s, r) => s + r.outputKj, 0),
        6,
      );
      expect(row.firstWorkout).toBe(iso(Math.min(...mine.map((r) => r.start))));
      expect(row.lastWorkout).toBe(iso(Math.max(...mine.map((r) => r.start))));
    }
    expect(got.find((r) => r.rider === BRYAN)?.lastWorkout).toBe('2023-05-25T09:31:58Z');
    expect(got.find((r) => r.rider === BRYAN)?.firstWorkout).toBe('2021-10-16T13:31:51Z');
  });
});

describe('monthly-counts (F1)', () => {
  const got = () => report(db(), 'monthly-counts');

  it('has every month from first to last, with the notebook’s gaps as 0', () => {
    const bryan = keyed(got(), BRYAN, (r) => r.month);
    const hillary = keyed(got(), HILLARY, (r) => r.month);
    expect(bryan.get('2022-11')?.workouts).toBe(0);
    expect(hillary.get('2021-11')?.workouts).toBe(0);
    expect(hillary.get('2022-03')?.workouts).toBe(0);
    // 19 active months for Bryan, 18 for Hillary (seed-pipeline.md g).
    expect([...bryan.values()].filter((r) => r.workouts > 0)).toHaveLength(19);
    expect([...hillary.values()].filter((r) => r.workouts > 0)).toHaveLength(18);
    expect([...bryan.keys()][0]).toBe('2021-10');
    expect([...bryan.keys()].at(-1)).toBe('2023-05');
    expect(bryan.size).toBe(20);
    expect([...hillary.keys()][0]).toBe('2021-10');
    expect(hillary.size).toBe(20);
  });

  it('matches a count of the CSV per rider and UTC month, and sums to 721', () => {
    const expected = new Map<string, number>();
    for (const r of rows) {
      const key = `${r.rider}|${utcMonth(r.start)}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const rowsGot = got();
    for (const row of rowsGot) {
      expect(row.workouts, `${row.rider} ${row.month}`).toBe(expected.get(`${row.rider}|${row.month}`) ?? 0);
    }
    expect(rowsGot.reduce((s, r) => s + r.workouts, 0)).toBe(721);
    // The busiest month sets the notebook's y axis: 0 … 73.
    expect(Math.max(...rowsGot.map((r) => r.workouts))).toBe(72);
  });
});

describe('class-types (F2, F3)', () => {
  it('reproduces the F3 proportion table exactly (3 decimals) with its totals', () => {
    const f3 = [
      [BRYAN, 'cycling', 0.238, 77],
      [BRYAN, 'lanebreak', 0.006, 2],
      [BRYAN, 'meditation', 0.062, 20],
      [BRYAN, 'stretching', 0.009, 3],
      [BRYAN, 'yoga', 0.685, 222],
      [HILLARY, 'bike_bootcamp', 0.023, 9],
      [HILLARY, 'cardio', 0.015, 6],
      [HILLARY, 'cycling', 0.542, 215],
      [HILLARY, 'lanebreak', 0.04, 16],
      [HILLARY, 'meditation', 0.048, 19],
      [HILLARY, 'running', 0.01, 4],
      [HILLARY, 'strength', 0.176, 70],
      [HILLARY, 'stretching', 0.108, 43],
      [HILLARY, 'yoga', 0.038, 15],
    ];
    const got = report(db(), 'class-types');
    expect(got.map((r) => [r.rider, r.classType, round(r.proportion, 3), r.workouts])).toEqual(f3);
    // Unrounded: a share of the rider's total.
    expect(got[0]?.proportion).toBe(77 / 324);
  });
});

describe('ride subset reports (F5–F9)', () => {
  const subset = () => rows.filter(inRideSubset);

  it('keeps 210 rides: Bryan 59, Hillary 151', () => {
    expect(subset()).toHaveLength(210); // the test's own filter agrees with the notebook
    const byLength = report(db(), 'output-by-length');
    const n = (rider: string) => byLength.filter((r) => r.rider === rider).reduce((s, r) => s + r.n, 0);
    expect(n(BRYAN)).toBe(59);
    expect(n(HILLARY)).toBe(151);
    const instructors = report(db(), 'instructors');
    const w = (rider: string) =>
      instructors.filter((r) => r.rider === rider).reduce((s, r) => s + r.workouts, 0);
    expect(w(BRYAN)).toBe(59);
    expect(w(HILLARY)).toBe(151);
  });

  it('reproduces the F6 quartile table, with raw extremes and means from the CSV', () => {
    const f6: [string, number, number, number, number, number][] = [
      [BRYAN, 15, 1, 128.7, 128.7, 128.7],
      [BRYAN, 20, 44, 170.125, 180.25, 186.825],
      [BRYAN, 30, 13, 247.0, 260.6, 270.1],
      [BRYAN, 45, 1, 386.1, 386.1, 386.1],
      [HILLARY, 15, 29, 98.9, 113.9, 123.1],
      [HILLARY, 20, 89, 113.0, 157.2, 163.7],
      [HILLARY, 30, 33, 187.4, 238.3, 244.5],
    ];
    const got = report(db(), 'output-by-length');
    expect(got.map((r) => [r.rider, r.lengthMin, r.n])).toEqual(f6.map((r) => r.slice(0, 3)));
    for (const [rider, length, , q1, median, q3] of f6) {
      const row = got.find((r) => r.rider === rider && r.lengthMin === length);
      expect(row?.q1).toBeCloseTo(q1, 9);
      expect(row?.median).toBeCloseTo(median, 9);
      expect(row?.q3).toBeCloseTo(q3, 9);
      const values = subset()
        .filter((r) => r.rider === rider && r.lengthMin === length)
        .map((r) => r.outputKj);
      expect(row?.min).toBe(Math.min(...values));
      expect(row?.max).toBe(Math.max(...values));
      expect(row?.mean).toBeCloseTo(values.reduce((s, v) => s + v, 0) / values.length, 9);
    }
  });

  it('reproduces F7’s example series and agrees with the CSV everywhere', () => {
    const got = report(db(), 'monthly-output');
    const series = (rider: string, length: number) =>
      got
        .filter((r) => r.rider === rider && r.lengthMin === length)
        .map((r) => [r.month, round(r.avgOutputKj, 1)]);
    expect(series(BRYAN, 45)).toEqual([['2021-10', 386.1]]);
    expect(series(BRYAN, 15)).toEqual([['2022-10', 128.7]]);
    expect(series(HILLARY, 30)).toEqual([
      ['2021-10', 167.6],
      ['2022-02', 179.5],
      ['2022-08', 237.7],
      ['2022-09', 243.8],
      ['2022-10', 246.8],
      ['2022-11', 252.2],
      ['2022-12', 162.0],
      ['2023-04', 231.5],
      ['2023-05', 234.2],
    ]);
    const expected = new Map<string, number[]>();
    for (const r of subset()) {
      const key = `${r.rider}|${utcMonth(r.start)}|${r.lengthMin}`;
      expected.set(key, [...(expected.get(key) ?? []), r.outputKj]);
    }
    expect(got).toHaveLength(expected.size);
    for (const row of got) {
      const values = expected.get(`${row.rider}|${row.month}|${row.lengthMin}`) ?? [];
      expect(row.n).toBe(values.length);
      expect(row.avgOutputKj).toBeCloseTo(values.reduce((s, v) => s + v, 0) / values.length, 9);
    }
  });

  it('has the 73 rows of the F8 instructor table', () => {
    const got = report(db(), 'instructors');
    expect(got).toHaveLength(73);
    expect(new Set(got.map((r) => `${r.rider}|${r.instructor}|${r.lengthMin}`)).size).toBe(73);
    // The instructor-less rides of the subset are all Lanebreak rides.
    expect(got.some((r) => r.instructor === 'No instructor')).toBe(false);
  });

  it('reproduces every F9 value (average to 2 decimals, and the number of classes)', () => {
    const f9 = `
      Bryan 20: Leanne Hainsby 153.0 (1); Hannah Corbin 154.75 (2); Denis Morton 159.3 (4); Jess King 169.8 (3); Emma Lovewell 174.35 (2); Bradley Rose 177.35 (4); Robin Arzón 178.0 (1); Hannah Frankson 178.1 (1); Tunde Oyeneyin 178.9 (1); Jenn Sherman 178.97 (3); Kendall Toole 179.0 (6); Sam Yo 184.63 (3); Ally Love 185.04 (5); Camila Ramón 186.6 (1); Olivia Amato 188.5 (3); Ben Alldis 189.73 (3); Lanebreak 200.8 (1)
      Bryan 30: Denis Morton 232.9 (1); Camila Ramón 247.0 (1); Bradley Rose 248.9 (2); Ally Love 249.6 (2); Alex Toussaint 253.5 (1); Jess King 257.6 (1); Sam Yo 267.67 (3); Kendall Toole 280.6 (1); Cody Rigsby 307.1 (1)
      Bryan 45: Jenn Sherman 386.1 (1)
      Bryan 15: Lanebreak 128.7 (1)
      Hillary 15: Olivia Amato 56.0 (1); Jenn Sherman 91.6 (2); Robin Arzón 96.5 (1); Alex Toussaint 96.8 (1); Emma Lovewell 97.8 (1); Kendall Toole 98.9 (1); Tunde Oyeneyin 101.8 (1); Hannah Corbin 102.3 (2); Denis Morton 105.1 (1); Ally Love 113.5 (1); Bradley Rose 116.97 (4); Hannah Frankson 117.78 (5); Sam Yo 118.72 (4); Lanebreak 128.1 (3); Ben Alldis 128.7 (1)
      Hillary 20: Denis Morton 102.15 (2); Emma Lovewell 121.6 (9); Ally Love 122.44 (5); Camila Ramón 129.75 (2); Alex Toussaint 131.4 (3); Robin Arzón 133.11 (17); Bradley Rose 143.33 (11); Hannah Corbin 146.17 (3); Sam Yo 149.0 (4); Ben Alldis 154.45 (6); Kendall Toole 154.48 (5); Leanne Hainsby 156.18 (4); Jess King 157.2 (1); Olivia Amato 160.47 (6); Hannah Frankson 161.53 (3); Lanebreak 163.75 (6); Tunde Oyeneyin 165.8 (1); Jenn Sherman 173.9 (1)
      Hillary 30: Leanne Hainsby 174.07 (3); Ally Love 197.2 (4); Bradley Rose 201.15 (2); Cody Rigsby 203.9 (3); Alex Toussaint 212.8 (1); Robin Arzón 215.36 (5); Kendall Toole 215.37 (3); Lanebreak 242.3 (7); Camila Ramón 242.5 (1); Emma Lovewell 243.9 (1); Sam Yo 248.35 (2); Ben Alldis 249.6 (1)`;
    const got = report(db(), 'instructors');
    let checked = 0;
    for (const line of f9.trim().split('\n')) {
      const [, first, length, list] = /^\s*(\w+) (\d+): (.*)$/.exec(line) ?? [];
      const rider = first === 'Bryan' ? BRYAN : HILLARY;
      const points = (list ?? '').split('; ').map((p) => {
        const [, name, avg, n] = /^(.+) ([\d.]+) \((\d+)\)$/.exec(p) ?? [];
        return { name, avg: Number(avg), n: Number(n) };
      });
      const actual = got
        .filter((r) => r.rider === rider && r.lengthMin === Number(length))
        .sort((a, b) => a.avgOutputKj - b.avgOutputKj);
      // Ascending by average, as plotted: the same instructors in the same order, with their counts.
      expect(
        actual.map((r) => [r.instructor, r.workouts]),
        line,
      ).toEqual(points.map((p) => [p.name, p.n]));
      // The published averages are rounded to 2 decimals (116.975 shows as 116.97 or 116.98
      // depending on the float's last bit), so each must lie within half a cent of ours.
      actual.forEach((r, i) => {
        expect(
          Math.abs(r.avgOutputKj - (points[i]?.avg ?? Number.NaN)),
          `${line} ${r.instructor}`,
        ).toBeLessThanOrEqual(0.005 + 1e-9);
        const values = subset()
          .filter((s) => s.rider === rider && s.lengthMin === r.lengthMin)
          .filter((s) => (s.instructor === 'no instructor' ? 'Lanebreak' : s.instructor) === r.instructor)
          .map((s) => s.outputKj);
        expect(r.avgOutputKj).toBeCloseTo(values.reduce((a, v) => a + v, 0) / values.length, 9);
      });
      checked += points.length;
    }
    expect(checked).toBe(73);
  });

  it('records the best output per length, a tie going to the earliest workout', () => {
    const expected = new Map<string, SeedRow>();
    for (const r of subset()) {
      const key = `${r.rider}|${r.lengthMin}`;
      const best = expected.get(key);
      if (!best || r.outputKj > best.outputKj || (r.outputKj === best.outputKj && r.start < best.start)) {
        expected.set(key, r);
      }
    }
    const got = report(db(), 'records');
    expect(got).toHaveLength(expected.size);
    for (const row of got) {
      const best = expected.get(`${row.rider}|${row.lengthMin}`);
      expect(row).toEqual({
        rider: best?.rider,
        lengthMin: best?.lengthMin,
        bestOutputKj: best?.outputKj,
        workoutId: best?.id,
        date: iso(best?.start ?? 0),
      });
    }
    expect(got.find((r) => r.rider === BRYAN && r.lengthMin === 45)?.bestOutputKj).toBe(386.1);
  });
});

describe('weekday-hour (F10)', () => {
  it('puts every workout in its UTC weekday (Monday = 1) and hour, 721 in all', () => {
    const got = report(db(), 'weekday-hour');
    expect(got.reduce((s, r) => s + r.workouts, 0)).toBe(721);
    const expected = new Map<string, number>();
    for (const r of rows) {
      const d = new Date(r.start * 1000);
      const key = `${r.rider}|${((d.getUTCDay() + 6) % 7) + 1}|${d.getUTCHours()}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    expect(got).toHaveLength(expected.size);
    for (const row of got) {
      expect(row.workouts).toBeGreaterThan(0);
      expect(row.workouts).toBe(expected.get(`${row.rider}|${row.weekday}|${row.hour}`));
    }
    // Hours of day (UTC) fall only between 08 and 23 (seed-pipeline.md g).
    expect(Math.min(...got.map((r) => r.hour))).toBe(8);
    expect(Math.max(...got.map((r) => r.hour))).toBe(23);
  });
});

describe('streaks', () => {
  /** Runs of consecutive UTC days per rider, computed here from the CSV. */
  function expectedRuns(rider: string, lastDay = '9999-12-31') {
    const days = [...new Set(of(rider).map((r) => utcDay(r.start)))].filter((d) => d <= lastDay).sort();
    const runs: { start: string; end: string; length: number }[] = [];
    for (const day of days) {
      const last = runs.at(-1);
      const next =
        last && new Date(Date.parse(`${last.end}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
      if (last && next === day) {
        last.end = day;
        last.length++;
      } else runs.push({ start: day, end: day, length: 1 });
    }
    return { days, runs };
  }

  it('finds the longest run (a tie going to the most recent) and the active days: 444 in all', () => {
    const got = report(db(), 'streaks');
    expect(got.map((r) => r.rider)).toEqual([BRYAN, HILLARY]);
    for (const row of got) {
      const { days, runs } = expectedRuns(row.rider);
      const longest = runs.reduce((best, run) => (run.length >= best.length ? run : best));
      expect(row.activeDays).toBe(days.length);
      expect(row.longestDays).toBe(longest.length);
      expect(row.longestStart).toBe(longest.start);
      expect(row.longestEnd).toBe(longest.end);
      // The data ends in May 2023: nothing is current today.
      expect(row.currentDays).toBe(0);
    }
    expect(got.reduce((s, r) => s + r.activeDays, 0)).toBe(444);
  });

  it('counts the current run up to --to, or the day before', () => {
    for (const to of ['2023-05-25', '2023-05-26', '2023-05-27', '2022-02-19', '2022-02-20', '2022-02-10']) {
      const got = report(db(), 'streaks', { to });
      for (const row of got) {
        const { runs } = expectedRuns(row.rider, to);
        const dayBefore = new Date(Date.parse(`${to}T00:00:00Z`) - 86400_000).toISOString().slice(0, 10);
        const current = runs.find((r) => r.end === to || r.end === dayBefore);
        expect(row.currentDays, `${row.rider} to ${to}`).toBe(current?.length ?? 0);
      }
    }
    const bryan = report(db(), 'streaks', { riders: [BRYAN], to: '2022-02-10' })[0];
    // Bryan's 50-day run from 2022-01-01, cut at --to: 41 days so far.
    expect(bryan?.currentDays).toBe(41);
    expect(bryan?.longestDays).toBe(41);
  });
});

describe('weekly', () => {
  it('sums workouts, minutes and kJ per ISO week, every week from first to last, empty weeks as 0', () => {
    const got = report(db(), 'weekly');
    for (const rider of [BRYAN, HILLARY]) {
      const expected = new Map<string, { workouts: number; minutes: number; outputKj: number }>();
      for (const r of of(rider)) {
        const week = isoWeekOf(utcDay(r.start));
        const e = expected.get(week) ?? { workouts: 0, minutes: 0, outputKj: 0 };
        e.workouts++;
        e.minutes += r.lengthMin;
        e.outputKj += r.outputKj;
        expected.set(week, e);
      }
      // Every week from the first to the last, walking day by day.
      const starts = of(rider).map((r) => r.start);
      const weeks: string[] = [];
      for (let t = Math.min(...starts); t <= Math.max(...starts) + 7 * 86400; t += 86400) {
        const w = isoWeekOf(utcDay(t));
        if (w <= isoWeekOf(utcDay(Math.max(...starts))) && weeks.at(-1) !== w) weeks.push(w);
      }
      const mine = got.filter((r) => r.rider === rider);
      expect(mine.map((r) => r.week)).toEqual(weeks);
      for (const row of mine) {
        const e = expected.get(row.week) ?? { workouts: 0, minutes: 0, outputKj: 0 };
        expect(row.workouts).toBe(e.workouts);
        expect(row.minutes).toBe(e.minutes);
        expect(row.outputKj).toBeCloseTo(e.outputKj, 6);
      }
      expect(mine.some((r) => r.workouts === 0)).toBe(true);
      expect(mine.reduce((s, r) => s + r.workouts, 0)).toBe(of(rider).length);
    }
    // 2022-01-02 (a Sunday) belongs to ISO week-year 2021.
    const bryanNewYear = got.find((r) => r.rider === BRYAN && r.week === '2021-W52');
    const onJan2 = of(BRYAN).filter(
      (r) => utcDay(r.start) >= '2021-12-27' && utcDay(r.start) <= '2022-01-02',
    );
    expect(onJan2.some((r) => utcDay(r.start) === '2022-01-02')).toBe(true);
    expect(bryanNewYear?.workouts).toBe(onJan2.length);
    expect(got.some((r) => r.week.startsWith('2022-W52'))).toBe(true);
  });
});

describe('filters over the seed', () => {
  it('restricts every report to one rider, by name or id, ignoring case', () => {
    const id = db()
      .prepare<[], { id: string }>("SELECT id FROM riders WHERE name = 'Hillary Kolano'")
      .get()?.id;
    for (const name of reportNames) {
      const byName = report(db(), name, { riders: ['hillary kolano'] });
      expect(byName.length, name).toBeGreaterThan(0);
      expect(new Set(byName.map((r) => r.rider)), name).toEqual(new Set([HILLARY]));
      expect(report(db(), name, { riders: [id ?? ''] }), name).toEqual(byName);
    }
  });

  it('computes proportions and zero-filled series inside the date range', () => {
    const filter = { from: '2022-01-01', to: '2022-03-31' };
    const inRange = rows.filter((r) => utcDay(r.start) >= filter.from && utcDay(r.start) <= filter.to);
    const classTypes = report(db(), 'class-types', filter);
    for (const rider of [BRYAN, HILLARY]) {
      const total = inRange.filter((r) => r.rider === rider).length;
      const mine = classTypes.filter((r) => r.rider === rider);
      expect(mine.reduce((s, r) => s + r.workouts, 0)).toBe(total);
      expect(mine.reduce((s, r) => s + r.proportion, 0)).toBeCloseTo(1, 12);
    }
    const months = report(db(), 'monthly-counts', filter);
    expect(months.map((r) => `${r.rider} ${r.month} ${r.workouts}`)).toEqual([
      `${BRYAN} 2022-01 ${inRange.filter((r) => r.rider === BRYAN && utcMonth(r.start) === '2022-01').length}`,
      `${BRYAN} 2022-02 ${inRange.filter((r) => r.rider === BRYAN && utcMonth(r.start) === '2022-02').length}`,
      `${BRYAN} 2022-03 ${inRange.filter((r) => r.rider === BRYAN && utcMonth(r.start) === '2022-03').length}`,
      `${HILLARY} 2022-01 ${inRange.filter((r) => r.rider === HILLARY && utcMonth(r.start) === '2022-01').length}`,
      `${HILLARY} 2022-02 ${inRange.filter((r) => r.rider === HILLARY && utcMonth(r.start) === '2022-02').length}`,
    ]);
    expect(months.at(-1)?.workouts).toBeGreaterThan(0); // Hillary's empty March is past her last workout
    // Mid-month bounds count only the days inside them.
    const mid = { from: '2022-01-15', to: '2022-02-10' };
    const inMid = rows.filter((r) => utcDay(r.start) >= mid.from && utcDay(r.start) <= mid.to);
    const count = (rider: string, month: string) =>
      inMid.filter((r) => r.rider === rider && utcMonth(r.start) === month).length;
    expect(report(db(), 'monthly-counts', mid).map((r) => `${r.rider} ${r.month} ${r.workouts}`)).toEqual([
      `${BRYAN} 2022-01 ${count(BRYAN, '2022-01')}`,
      `${BRYAN} 2022-02 ${count(BRYAN, '2022-02')}`,
      `${HILLARY} 2022-01 ${count(HILLARY, '2022-01')}`,
      `${HILLARY} 2022-02 ${count(HILLARY, '2022-02')}`,
    ]);
    // The 15th cuts Bryan’s January short.
    expect(count(BRYAN, '2022-01')).toBeLessThan(
      rows.filter((r) => r.rider === BRYAN && utcMonth(r.start) === '2022-01').length,
    );
    const summary = report(db(), 'summary', filter);
    expect(summary.reduce((s, r) => s + r.workouts, 0)).toBe(inRange.length);
  });
});
