/**
 * Synthetic caches: zone bucketing across DST changes, inclusive local-day
 * filters, labels, ties, and the error and empty cases.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reports } from '../../src/main/analytics';
import { resolveFilter, workoutsSource } from '../../src/main/analytics/filter';
import { dayOf, localDayRanges, startOfDay } from '../../src/main/analytics/time-zone';
import { UserError } from '../../src/main/errors';
import { importFile } from '../../src/main/imports/import-file';
import { reportNames } from '../../src/shared/reports';
import { insertWorkouts, report, SEED_CSV, type TempCache, tempCache } from './helpers';

let cache: TempCache;
beforeEach(() => {
  cache = tempCache();
});
afterEach(() => cache.close());
const db = () => cache.db;

describe('the registry', () => {
  it('has exactly one implementation per report name', () => {
    expect(Object.keys(reports).sort()).toEqual([...reportNames].sort());
  });

  it('gives [] for every report on an empty cache', () => {
    for (const name of reportNames) {
      expect(report(db(), name), name).toEqual([]);
      expect(report(db(), name, { from: '2023-01-01', to: '2023-12-31' }, 'Europe/Berlin'), name).toEqual([]);
    }
  });
});

describe('riders', () => {
  it('refuses an unknown rider, listing the riders there are', () => {
    insertWorkouts(db(), 'Ada', [{ id: 'a1', at: '2023-01-01T10:00:00Z' }]);
    insertWorkouts(db(), 'Grace', [{ id: 'g1', at: '2023-01-01T10:00:00Z' }]);
    const attempt = () => report(db(), 'summary', { riders: ['Linus'] });
    expect(attempt).toThrow(UserError);
    expect(attempt).toThrow('Unknown rider "Linus". Riders: Ada, Grace.');
  });

  it('says there are none yet on an empty cache', () => {
    expect(() => report(db(), 'weekly', { riders: ['ada'] })).toThrow('Riders: none yet.');
  });

  it('matches names and ids ignoring case, and counts a rider named twice once', () => {
    const id = insertWorkouts(db(), 'Ada', [{ id: 'a1', at: '2023-01-01T10:00:00Z' }]);
    insertWorkouts(db(), 'Grace', [{ id: 'g1', at: '2023-01-01T10:00:00Z' }]);
    const got = report(db(), 'summary', { riders: ['ADA', id.toUpperCase()] });
    expect(got.map((r) => [r.rider, r.workouts])).toEqual([['Ada', 1]]);
  });
});

describe('America/New_York across DST', () => {
  beforeEach(() => {
    insertWorkouts(db(), 'Ada', [
      { id: 'sat-late', at: '2023-03-12T04:30:00Z' }, // Sat 11 Mar 23:30 EST
      { id: 'spring-before', at: '2023-03-12T06:30:00Z' }, // Sun 12 Mar 01:30 EST
      { id: 'spring-after', at: '2023-03-12T07:30:00Z' }, // Sun 12 Mar 03:30 EDT
      { id: 'fall-edt', at: '2023-11-05T05:30:00Z' }, // Sun 5 Nov 01:30 EDT
      { id: 'fall-est', at: '2023-11-05T06:30:00Z' }, // Sun 5 Nov 01:30 EST, an hour later
      { id: 'fall-late', at: '2023-11-06T04:30:00Z' }, // Sun 5 Nov 23:30 EST (Monday in UTC)
    ]);
  });

  it('buckets weekdays and hours by local wall time', () => {
    const cells = (tz: string) =>
      report(db(), 'weekday-hour', {}, tz).map((r) => [r.weekday, r.hour, r.workouts]);
    expect(cells('America/New_York')).toEqual([
      [6, 23, 1],
      [7, 1, 3],
      [7, 3, 1],
      [7, 23, 1],
    ]);
    expect(cells('UTC')).toEqual([
      [1, 4, 1],
      [7, 4, 1],
      [7, 5, 1],
      [7, 6, 2],
      [7, 7, 1],
    ]);
  });

  it('puts each workout on its local day: streaks and weekly', () => {
    const ny = report(db(), 'streaks', { to: '2023-11-06' }, 'America/New_York')[0];
    // 11 and 12 Mar, then 5 Nov: the late Sunday workout stays on Sunday.
    expect(ny).toMatchObject({
      activeDays: 3,
      longestDays: 2,
      longestStart: '2023-03-11',
      longestEnd: '2023-03-12',
    });
    expect(ny?.currentDays).toBe(1);
    const utc = report(db(), 'streaks', { to: '2023-11-06' }, 'UTC')[0];
    // In UTC: 12 Mar only, then 5 and 6 Nov, the most recent of two 2-day... runs of 1 and 2.
    expect(utc).toMatchObject({
      activeDays: 3,
      longestDays: 2,
      longestStart: '2023-11-05',
      longestEnd: '2023-11-06',
    });
    expect(utc?.currentDays).toBe(2);

    const weeks = (tz: string) =>
      report(db(), 'weekly', {}, tz)
        .filter((r) => r.workouts > 0)
        .map((r) => [r.week, r.workouts]);
    expect(weeks('America/New_York')).toEqual([
      ['2023-W10', 3],
      ['2023-W44', 3],
    ]);
    expect(weeks('UTC')).toEqual([
      ['2023-W10', 3],
      ['2023-W44', 2],
      ['2023-W45', 1],
    ]);
  });

  it('treats --from and --to as inclusive local days', () => {
    const count = (filter: { from?: string; to?: string }, tz: string) =>
      report(db(), 'summary', filter, tz)[0]?.workouts ?? 0;
    expect(count({ from: '2023-03-12', to: '2023-03-12' }, 'America/New_York')).toBe(2);
    expect(count({ from: '2023-03-12', to: '2023-03-12' }, 'UTC')).toBe(3);
    expect(count({ to: '2023-03-11' }, 'America/New_York')).toBe(1);
    expect(count({ to: '2023-03-11' }, 'UTC')).toBe(0);
    expect(count({ from: '2023-11-05', to: '2023-11-05' }, 'America/New_York')).toBe(3);
    expect(count({ from: '2023-11-06' }, 'America/New_York')).toBe(0);
    expect(count({ from: '2023-11-06' }, 'UTC')).toBe(1);
  });
});

describe('midnight at the edges of a filter', () => {
  it('includes the first and last second of the local days, and nothing outside', () => {
    insertWorkouts(db(), 'Ada', [
      { id: 'before', at: '2023-06-01T03:59:59Z' }, // 31 May 23:59:59 EDT
      { id: 'first', at: '2023-06-01T04:00:00Z' }, // 1 Jun 00:00:00 EDT
      { id: 'last', at: '2023-06-02T03:59:59Z' }, // 1 Jun 23:59:59 EDT
      { id: 'after', at: '2023-06-02T04:00:00Z' }, // 2 Jun 00:00:00 EDT
    ]);
    const ids = (tz: string) =>
      report(db(), 'records', { from: '2023-06-01', to: '2023-06-01' }, tz).map((r) => r.date);
    const ny = report(db(), 'weekday-hour', { from: '2023-06-01', to: '2023-06-01' }, 'America/New_York');
    expect(ny.map((r) => [r.weekday, r.hour, r.workouts])).toEqual([
      [4, 0, 1],
      [4, 23, 1],
    ]);
    // The earliest of equal outputs is the record.
    expect(ids('America/New_York')).toEqual(['2023-06-01T04:00:00Z']);
    expect(ids('UTC')).toEqual(['2023-06-01T03:59:59Z']);
    expect(report(db(), 'summary', { from: '2023-06-01', to: '2023-06-01' }, 'UTC')[0]?.workouts).toBe(2);
  });

  it('handles a half-hour zone (Asia/Kolkata, +05:30)', () => {
    insertWorkouts(db(), 'Ada', [
      { id: 'a', at: '2023-01-31T18:29:00Z' }, // 31 Jan 23:59 IST
      { id: 'b', at: '2023-01-31T18:30:00Z' }, // 1 Feb 00:00 IST
    ]);
    const months = report(db(), 'monthly-counts', {}, 'Asia/Kolkata').map((r) => [r.month, r.workouts]);
    expect(months).toEqual([
      ['2023-01', 1],
      ['2023-02', 1],
    ]);
    const hours = report(db(), 'weekday-hour', {}, 'Asia/Kolkata').map((r) => [r.weekday, r.hour]);
    expect(hours).toEqual([
      [2, 23],
      [3, 0],
    ]);
  });
});

describe('Europe/Berlin months', () => {
  beforeEach(() => {
    insertWorkouts(db(), 'Ada', [
      { id: 'feb', at: '2023-02-10T12:00:00Z', lengthMin: 30, outputKj: 200 },
      { id: 'edge', at: '2023-03-31T23:30:00Z', lengthMin: 30, outputKj: 300 }, // 1 Apr 01:30 CEST
      { id: 'jun', at: '2023-06-15T12:00:00Z', lengthMin: 30, outputKj: 250 },
    ]);
  });

  it('puts 2023-03-31T23:30Z in April in Berlin but March in UTC', () => {
    const counts = (tz: string) => report(db(), 'monthly-counts', {}, tz).map((r) => [r.month, r.workouts]);
    expect(counts('Europe/Berlin')).toEqual([
      ['2023-02', 1],
      ['2023-03', 0],
      ['2023-04', 1],
      ['2023-05', 0],
      ['2023-06', 1],
    ]);
    expect(counts('UTC')).toEqual([
      ['2023-02', 1],
      ['2023-03', 1],
      ['2023-04', 0],
      ['2023-05', 0],
      ['2023-06', 1],
    ]);
    const output = (tz: string) =>
      report(db(), 'monthly-output', {}, tz).map((r) => [r.month, r.avgOutputKj, r.n]);
    expect(output('Europe/Berlin')).toEqual([
      ['2023-02', 200, 1],
      ['2023-04', 300, 1],
      ['2023-06', 250, 1],
    ]);
    expect(output('UTC')[1]).toEqual(['2023-03', 300, 1]);
  });

  it('zero-fills only between the first and last month inside the filter', () => {
    const counts = report(db(), 'monthly-counts', { from: '2023-03-01', to: '2023-12-31' }, 'Europe/Berlin');
    expect(counts.map((r) => [r.month, r.workouts])).toEqual([
      ['2023-04', 1],
      ['2023-05', 0],
      ['2023-06', 1],
    ]);
  });
});

describe('zones over many years', () => {
  it('agrees with Intl on the local day, weekday, hour and month of every workout', () => {
    // Spread over 2000–2032 and over the clock, with extra points near DST changes.
    const instants: number[] = [];
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 400; i++) instants.push(Math.floor(946684800 + rand() * 32 * 365.25 * 86400));
    for (let y = 2000; y < 2032; y++) {
      for (const d of [`${y}-03-26`, `${y}-03-10`, `${y}-10-29`, `${y}-11-03`, `${y}-04-05`, `${y}-09-06`]) {
        for (let h = -3; h <= 3; h++) instants.push(Date.parse(`${d}T00:00:00Z`) / 1000 + h * 3600 + 1800);
      }
    }
    insertWorkouts(
      db(),
      'Ada',
      instants.map((t, i) => ({ id: `w${i}`, at: new Date(t * 1000).toISOString() })),
    );
    for (const tz of [
      'America/New_York',
      'Europe/Berlin',
      'Australia/Sydney',
      'America/Santiago',
      'Asia/Kolkata',
    ]) {
      const parts = new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        weekday: 'short',
      });
      const cells = new Map<string, number>();
      const months = new Map<string, number>();
      const days = new Set<string>();
      for (const t of instants) {
        const p = Object.fromEntries(parts.formatToParts(new Date(t * 1000)).map((x) => [x.type, x.value]));
        const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday ?? '') + 1;
        const cell = `${weekday}|${Number(p.hour)}`;
        cells.set(cell, (cells.get(cell) ?? 0) + 1);
        const month = `${p.year}-${p.month}`;
        months.set(month, (months.get(month) ?? 0) + 1);
        days.add(`${month}-${p.day}`);
      }
      const got = report(db(), 'weekday-hour', {}, tz);
      expect(new Map(got.map((r) => [`${r.weekday}|${r.hour}`, r.workouts])), tz).toEqual(cells);
      const gotMonths = report(db(), 'monthly-counts', {}, tz).filter((r) => r.workouts > 0);
      expect(new Map(gotMonths.map((r) => [r.month, r.workouts])), tz).toEqual(months);
      expect(report(db(), 'streaks', {}, tz)[0]?.activeDays, tz).toBe(days.size);
    }
  });
});

describe('the first instant of a local day', () => {
  // Santiago and Havana have moved their clocks at midnight, so some days have no 00:00.
  it.each(['America/Santiago', 'America/Havana', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'])(
    'is the first second that falls on that day in %s, every day of 2019-2024',
    (tz) => {
      for (let t = Date.UTC(2019, 0, 1); t < Date.UTC(2025, 0, 1); t += 86400_000) {
        const day = new Date(t).toISOString().slice(0, 10);
        const start = startOfDay(day, tz);
        expect(dayOf(start, tz), `${tz} ${day}`).toBe(day);
        expect(dayOf(start - 1, tz) < day, `${tz} ${day}`).toBe(true);
      }
    },
  );

  it.each(['America/Santiago', 'America/Havana', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'])(
    'begins each of the day ranges the reports count in, back to back, in %s',
    (tz) => {
      const lo = Date.UTC(2019, 0, 1, 13) / 1000;
      const hi = Date.UTC(2024, 11, 31, 7) / 1000;
      const ranges = localDayRanges(tz, lo, hi);
      expect(ranges[0]?.start).toBeLessThanOrEqual(lo);
      expect(ranges.at(-1)?.end).toBeGreaterThan(hi);
      ranges.forEach((r, i) => {
        const label = new Date(r.day * 86400_000).toISOString().slice(0, 10);
        expect(startOfDay(label, tz), `${tz} ${label}`).toBe(r.start);
        expect(dayOf(r.end - 1, tz), `${tz} ${label}`).toBe(label);
        if (i > 0) expect(r.start).toBe(ranges[i - 1]?.end);
      });
    },
  );
});

describe('ISO weeks', () => {
  it('labels weeks by ISO week-year and fills the empty ones', () => {
    insertWorkouts(db(), 'Ada', [
      { id: 'a', at: '2020-12-31T12:00:00Z' }, // Thu: 2020-W53
      { id: 'b', at: '2021-01-03T12:00:00Z' }, // Sun: 2020-W53
      { id: 'c', at: '2021-01-04T12:00:00Z', lengthMin: 45, outputKj: 400.5 }, // Mon: 2021-W01
      { id: 'd', at: '2021-01-20T12:00:00Z' }, // 2021-W03
    ]);
    insertWorkouts(db(), 'Grace', [
      { id: 'e', at: '2024-12-30T12:00:00Z' }, // Mon: 2025-W01
      { id: 'f', at: '2022-01-02T12:00:00Z' }, // Sun: 2021-W52
    ]);
    const got = report(db(), 'weekly').map((r) => [r.rider, r.week, r.workouts, r.minutes, r.outputKj]);
    expect(got.filter((r) => r[0] === 'Ada')).toEqual([
      ['Ada', '2020-W53', 2, 40, 300],
      ['Ada', '2021-W01', 1, 45, 400.5],
      ['Ada', '2021-W02', 0, 0, 0],
      ['Ada', '2021-W03', 1, 20, 150],
    ]);
    const grace = got.filter((r) => r[0] === 'Grace');
    expect(grace[0]).toEqual(['Grace', '2021-W52', 1, 20, 150]);
    expect(grace.at(-1)).toEqual(['Grace', '2025-W01', 1, 20, 150]);
    // 2022 and 2023 have 52 ISO weeks, 2024 too: 1 + 52 + 52 + 52 + 1 weeks.
    expect(grace).toHaveLength(158);
    expect(grace.filter((r) => r[1] === '2022-W52')).toHaveLength(1);
  });
});

describe('instructors', () => {
  it('labels instructor-less rides by what they are', () => {
    insertWorkouts(db(), 'Ada', [
      {
        id: 'a',
        at: '2023-01-01T10:00:00Z',
        instructor: null,
        rideKind: 'lanebreak',
        classType: 'lanebreak',
      },
      { id: 'b', at: '2023-01-02T10:00:00Z', instructor: null, rideKind: 'scenic' },
      { id: 'c', at: '2023-01-03T10:00:00Z', instructor: null, rideKind: 'just_ride' },
      { id: 'd', at: '2023-01-04T10:00:00Z', instructor: null },
      { id: 'e', at: '2023-01-05T10:00:00Z', instructor: '' },
      { id: 'f', at: '2023-01-06T10:00:00Z', instructor: null, classType: 'lanebreak' },
      { id: 'g', at: '2023-01-07T10:00:00Z', instructor: 'Ally Love', outputKj: 100 },
      { id: 'h', at: '2023-01-08T10:00:00Z', instructor: 'Ally Love', outputKj: 201 },
      // Outside the ride subset: too short, too little output, not a ride.
      { id: 'i', at: '2023-01-09T10:00:00Z', instructor: 'Ally Love', lengthMin: 10 },
      { id: 'j', at: '2023-01-10T10:00:00Z', instructor: 'Ally Love', outputKj: 1 },
      { id: 'k', at: '2023-01-11T10:00:00Z', instructor: 'Ally Love', classType: 'bike_bootcamp' },
    ]);
    const got = report(db(), 'instructors').map((r) => [r.instructor, r.avgOutputKj, r.workouts]);
    expect(got).toEqual([
      ['Ally Love', 150.5, 2],
      ['Just Ride', 150, 1],
      ['Lanebreak', 150, 2],
      ['No instructor', 150, 2],
      ['Scenic', 150, 1],
    ]);
  });
});

describe('output-by-length', () => {
  it('gives numpy’s linear quartiles with raw extremes', () => {
    const outputs = [100, 30, 90, 20, 80, 10, 70, 60, 50, 40];
    insertWorkouts(
      db(),
      'Ada',
      outputs.map((o, i) => ({
        id: `a${i}`,
        at: `2023-01-${String(i + 1).padStart(2, '0')}T10:00:00Z`,
        outputKj: o,
      })),
    );
    insertWorkouts(db(), 'Ada', [
      { id: 'b1', at: '2023-02-01T10:00:00Z', lengthMin: 30, outputKj: 7 },
      { id: 'b2', at: '2023-02-02T10:00:00Z', lengthMin: 30, outputKj: 3 },
      { id: 'b3', at: '2023-02-03T10:00:00Z', lengthMin: 30, outputKj: 4 },
      { id: 'b4', at: '2023-02-04T10:00:00Z', lengthMin: 30, outputKj: 1.5 },
    ]);
    const got = report(db(), 'output-by-length');
    // numpy.percentile([10..100 step 10], [25, 50, 75]) = 32.5, 55, 77.5
    expect(got[0]).toEqual({
      rider: 'Ada',
      lengthMin: 20,
      n: 10,
      min: 10,
      q1: 32.5,
      median: 55,
      q3: 77.5,
      max: 100,
      mean: 55,
    });
    // numpy.percentile([1.5, 3, 4, 7], [25, 50, 75]) = 2.625, 3.5, 4.75
    expect(got[1]).toMatchObject({ lengthMin: 30, n: 4, min: 1.5, q1: 2.625, median: 3.5, q3: 4.75, max: 7 });
    expect(got[1]?.mean).toBeCloseTo(3.875, 12);
  });
});

describe('streaks', () => {
  it('gives a tie for longest to the most recent run, and counts today or yesterday as current', () => {
    insertWorkouts(db(), 'Ada', [
      { id: 'a', at: '2023-01-01T10:00:00Z' },
      { id: 'b', at: '2023-01-02T10:00:00Z' },
      { id: 'b2', at: '2023-01-02T11:00:00Z' },
      { id: 'c', at: '2023-01-03T10:00:00Z' },
      { id: 'd', at: '2023-02-01T10:00:00Z' },
      { id: 'e', at: '2023-02-02T10:00:00Z' },
      { id: 'f', at: '2023-02-03T10:00:00Z' },
      { id: 'g', at: '2023-03-01T10:00:00Z' },
    ]);
    insertWorkouts(db(), 'Grace', [{ id: 'z', at: '2022-01-01T10:00:00Z' }]);
    const at = (to: string) => report(db(), 'streaks', { to });
    expect(at('2023-03-10')[1]).toMatchObject({ rider: 'Grace', activeDays: 1, longestStart: '2022-01-01' });
    expect(at('2023-03-10')[0]).toEqual({
      rider: 'Ada',
      currentDays: 0,
      longestDays: 3,
      longestStart: '2023-02-01',
      longestEnd: '2023-02-03',
      activeDays: 7,
    });
    expect(at('2023-02-03')[0]?.currentDays).toBe(3);
    expect(at('2023-02-04')[0]?.currentDays).toBe(3);
    expect(at('2023-02-05')[0]?.currentDays).toBe(0);
    expect(at('2023-02-02')[0]?.currentDays).toBe(2);
    // Before February only the January run exists.
    expect(at('2023-01-31')[0]).toMatchObject({ longestStart: '2023-01-01', activeDays: 3 });
    // A selected rider with nothing in the filter still gets a row, with zeros.
    expect(report(db(), 'streaks', { from: '2023-01-01', to: '2023-03-10' })[1]).toEqual({
      rider: 'Grace',
      currentDays: 0,
      longestDays: 0,
      longestStart: null,
      longestEnd: null,
      activeDays: 0,
    });
  });

  it('uses today in the zone when there is no --to', () => {
    const now = Date.now() / 1000;
    const day = 86400;
    insertWorkouts(db(), 'Ada', [
      { id: 'a', at: new Date((now - 2 * day) * 1000).toISOString() },
      { id: 'b', at: new Date((now - day) * 1000).toISOString() },
    ]);
    expect(report(db(), 'streaks')[0]?.currentDays).toBe(2);
  });
});

describe('records', () => {
  it('breaks a tie on output by the earliest start, whatever the insertion order', () => {
    insertWorkouts(db(), 'Ada', [
      { id: 'late', at: '2023-05-01T10:00:00Z', outputKj: 250.5 },
      { id: 'early', at: '2023-04-01T10:00:00Z', outputKj: 250.5 },
      { id: 'lower', at: '2023-03-01T10:00:00Z', outputKj: 250.4 },
      { id: 'long', at: '2023-06-01T10:00:00Z', outputKj: 500, lengthMin: 45 },
      { id: 'yoga', at: '2023-06-02T10:00:00Z', outputKj: 900, classType: 'yoga' },
    ]);
    expect(report(db(), 'records')).toEqual([
      { rider: 'Ada', lengthMin: 20, bestOutputKj: 250.5, workoutId: 'early', date: '2023-04-01T10:00:00Z' },
      { rider: 'Ada', lengthMin: 45, bestOutputKj: 500, workoutId: 'long', date: '2023-06-01T10:00:00Z' },
    ]);
  });
});

describe('many riders', () => {
  it('gives each rider the same rows alone as in a crowd (the grouping changes past 16 riders)', () => {
    const names = Array.from({ length: 18 }, (_, i) => `Rider ${String(i + 1).padStart(2, '0')}`);
    for (const [i, name] of names.entries()) {
      insertWorkouts(db(), name, [
        { id: `${i}-a`, at: `2023-0${(i % 9) + 1}-0${(i % 7) + 1}T0${i % 10}:15:00Z`, outputKj: 100 + i },
        {
          id: `${i}-b`,
          at: `2023-0${(i % 9) + 1}-1${i % 10}T12:00:00Z`,
          classType: i % 2 ? 'yoga' : 'cycling',
        },
        { id: `${i}-c`, at: `2023-10-2${i % 10}T18:00:00Z`, lengthMin: 30, outputKj: 200 + i },
      ]);
    }
    for (const name of reportNames) {
      const crowd = report(db(), name, {}, 'Europe/Berlin');
      const firstFew = report(db(), name, { riders: names.slice(0, 3) }, 'Europe/Berlin');
      for (const rider of names) {
        const alone = report(db(), name, { riders: [rider] }, 'Europe/Berlin');
        expect(alone.length, `${name} ${rider}`).toBeGreaterThan(0);
        expect(
          crowd.filter((r) => r.rider === rider),
          `${name} ${rider}`,
        ).toEqual(alone);
        if (names.indexOf(rider) < 3) {
          expect(
            firstFew.filter((r) => r.rider === rider),
            `${name} ${rider}`,
          ).toEqual(alone);
        }
      }
    }
    const classTypes = report(db(), 'class-types').filter((r) => r.rider === 'Rider 02');
    expect(classTypes.map((r) => [r.classType, r.workouts, r.proportion])).toEqual([
      ['cycling', 2, 2 / 3],
      ['yoga', 1, 1 / 3],
    ]);
  });
});

describe('a covering index', () => {
  it('is read when the cache has one, with the same results as the table', () => {
    importFile(db(), SEED_CSV);
    const filters = [{}, { riders: ['Bryan Kolano'] }, { from: '2022-01-01', to: '2022-06-30' }];
    const all = () =>
      filters.flatMap((filter) =>
        reportNames.map((name) =>
          report(db(), name, { ...filter, to: filter.to ?? '2023-06-01' }, 'Europe/Paris'),
        ),
      );
    const before = all();
    const f = resolveFilter(db(), {}, 'UTC');
    expect(workoutsSource(db(), f, ['output_kj']).from).toBe('workouts w INDEXED BY "workouts_report"');
    db().exec('DROP INDEX workouts_report'); // the schema's own; now without one, then with it again
    expect(all()).toEqual(before);
    expect(workoutsSource(db(), f, ['length_min']).from).toBe('workouts w NOT INDEXED');
    db().exec(
      'CREATE INDEX workouts_report ON workouts (rider_id, start_time, class_type, length_min, output_kj)',
    );
    expect(workoutsSource(db(), f, ['length_min']).from).toBe('workouts w INDEXED BY "workouts_report"');
    expect(workoutsSource(db(), f, ['instructor']).from).toBe('workouts w NOT INDEXED');
    expect(all()).toEqual(before);
  });
});
