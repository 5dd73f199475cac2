/**
 * The class type, length, instructor and ride-subset filters on the seed CSV:
 * expected values come from the CSV parsed here, never from the reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RIDE_SUBSET_SQL,
  resolveFilter,
  rideWhereClause,
  whereClause,
  workoutsSource,
} from '../../src/main/analytics/filter';
import { importFile } from '../../src/main/imports/import-file';
import { type ReportFilter, reportNames, type StreakRow } from '../../src/shared/reports';
import { inRideSubset, report, SEED_CSV, type SeedRow, seedRows, type TempCache, tempCache } from './helpers';

const BRYAN = 'Bryan Kolano';
const HILLARY = 'Hillary Kolano';
const RIDERS = [BRYAN, HILLARY];

let cache: TempCache;
let rows: SeedRow[];
const db = () => cache.db;

beforeAll(() => {
  cache = tempCache();
  expect(importFile(cache.db, SEED_CSV).rows).toBe(721);
  rows = seedRows();
});

afterAll(() => cache?.close());

/** The seed's own labelling: its instructor-less rows say "no instructor". */
const label = (r: SeedRow) =>
  r.instructor && r.instructor !== 'no instructor'
    ? r.instructor
    : r.classType === 'lanebreak'
      ? 'Lanebreak'
      : 'No instructor';
const utcDay = (sec: number) => new Date(sec * 1000).toISOString().slice(0, 10);
const utcMonth = (sec: number) => new Date(sec * 1000).toISOString().slice(0, 7);
const count = <T>(items: T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
/** Linear-interpolation quantile (numpy's default). */
const quantile = (values: number[], q: number) => {
  const xs = [...values].sort((a, b) => a - b);
  const pos = (xs.length - 1) * q;
  const lo = Math.floor(pos);
  return (xs[lo] ?? 0) + ((xs[Math.ceil(pos)] ?? 0) - (xs[lo] ?? 0)) * (pos - lo);
};

/** A ride subset as the tests read it: exceed each minimum, 0 meaning none. */
const rideSubset = (types: string[], minKj: number, minLength: number) => (r: SeedRow) =>
  types.includes(r.classType) &&
  (minKj === 0 || r.outputKj > minKj) &&
  (minLength === 0 || r.lengthMin > minLength);

describe('class types', () => {
  it("yoga only: every class-types proportion is 1, and the summary counts the CSV's yoga", () => {
    const filter = { classTypes: ['yoga'] };
    const yoga = rows.filter((r) => r.classType === 'yoga');
    const classTypes = report(db(), 'class-types', filter);
    expect(classTypes.map((r) => [r.rider, r.classType, r.proportion])).toEqual([
      [BRYAN, 'yoga', 1],
      [HILLARY, 'yoga', 1],
    ]);
    const summary = report(db(), 'summary', filter);
    for (const rider of RIDERS) {
      const mine = yoga.filter((r) => r.rider === rider);
      const row = summary.find((r) => r.rider === rider);
      expect(row?.workouts).toBe(mine.length);
      expect(row?.minutes).toBe(sum(mine.map((r) => r.lengthMin)));
      expect(row?.outputKj).toBeCloseTo(sum(mine.map((r) => r.outputKj)), 9);
    }
    expect(summary.map((r) => r.workouts)).toEqual([222, 15]);
  });

  it('proportions are of the filtered total', () => {
    const filter = { classTypes: ['cycling', 'strength'] };
    const got = report(db(), 'class-types', filter);
    for (const rider of RIDERS) {
      const mine = rows.filter((r) => r.rider === rider && filter.classTypes.includes(r.classType));
      const counts = count(mine, (r) => r.classType);
      const expected = [...counts].sort().map(([type, n]) => [type, n, n / mine.length]);
      expect(
        got.filter((r) => r.rider === rider).map((r) => [r.classType, r.workouts, r.proportion]),
        rider,
      ).toEqual(expected);
    }
  });

  it('zero-fills monthly counts from the first to the last month with a filtered workout', () => {
    const got = report(db(), 'monthly-counts', { classTypes: ['yoga'], riders: [HILLARY] });
    const yoga = rows.filter((r) => r.rider === HILLARY && r.classType === 'yoga');
    const counts = count(yoga, (r) => utcMonth(r.start));
    const months = [...counts.keys()].sort();
    expect(got[0]?.month).toBe(months[0]);
    expect(got[got.length - 1]?.month).toBe(months[months.length - 1]);
    for (const row of got) expect(row.workouts, row.month).toBe(counts.get(row.month) ?? 0);
    expect(got.some((r) => r.workouts === 0)).toBe(true);
    expect(sum(got.map((r) => r.workouts))).toBe(15);
  });

  it('monthly counts read through a filter agree with the index-only path, across zones and ranges', () => {
    const everyType = [...new Set(rows.map((r) => r.classType))];
    for (const tz of ['UTC', 'America/New_York', 'Pacific/Auckland']) {
      for (const range of [{}, { from: '2022-03-13', to: '2022-11-06' }]) {
        const plain = report(db(), 'monthly-counts', { ...range, tz });
        expect(report(db(), 'monthly-counts', { ...range, tz, classTypes: everyType }), tz).toEqual(plain);
      }
    }
  });

  it('filters weekly, weekday-hour and streaks too; the ride reports have no yoga', () => {
    const filter = { classTypes: ['yoga'] };
    for (const rider of RIDERS) {
      const mine = rows.filter((r) => r.rider === rider && r.classType === 'yoga');
      const weekly = report(db(), 'weekly', filter).filter((r) => r.rider === rider);
      expect(sum(weekly.map((r) => r.workouts))).toBe(mine.length);
      const cells = report(db(), 'weekday-hour', filter).filter((r) => r.rider === rider);
      expect(sum(cells.map((r) => r.workouts))).toBe(mine.length);
      const streak = report(db(), 'streaks', filter).find((r) => r.rider === rider);
      expect(streak?.activeDays).toBe(new Set(mine.map((r) => utcDay(r.start))).size);
    }
    for (const name of ['output-by-length', 'monthly-output', 'instructors', 'records'] as const) {
      expect(report(db(), name, filter), name).toEqual([]);
    }
  });

  it('keeps Lanebreak out of the ride reports when only cycling is selected', () => {
    const got = report(db(), 'instructors', { classTypes: ['cycling'] });
    expect(got.length).toBeGreaterThan(0);
    expect(got.some((r) => r.instructor === 'Lanebreak')).toBe(false);
  });
});

describe('lengths', () => {
  it('20 minutes on output-by-length: only the 20-minute rows, the same as unfiltered (F6)', () => {
    const all = report(db(), 'output-by-length');
    const got = report(db(), 'output-by-length', { lengths: [20] });
    expect(got.map((r) => [r.rider, r.lengthMin, r.n])).toEqual([
      [BRYAN, 20, 44],
      [HILLARY, 20, 89],
    ]);
    expect(got).toEqual(all.filter((r) => r.lengthMin === 20));
  });

  it('several lengths on summary and monthly-output', () => {
    const lengths = [20, 30];
    const summary = report(db(), 'summary', { lengths });
    for (const rider of RIDERS) {
      const mine = rows.filter((r) => r.rider === rider && lengths.includes(r.lengthMin));
      expect(summary.find((r) => r.rider === rider)?.workouts).toBe(mine.length);
    }
    const monthly = report(db(), 'monthly-output', { lengths, tz: 'UTC' });
    expect(new Set(monthly.map((r) => r.lengthMin))).toEqual(new Set(lengths));
    expect(sum(monthly.map((r) => r.n))).toBe(
      rows.filter((r) => inRideSubset(r) && lengths.includes(r.lengthMin)).length,
    );
  });
});

describe('instructors', () => {
  it('Lanebreak on the instructors report: only the Lanebreak rows of F9', () => {
    const got = report(db(), 'instructors', { instructors: ['Lanebreak'] });
    expect(got.map((r) => [r.rider, r.lengthMin, r.workouts, Math.round(r.avgOutputKj * 100) / 100])).toEqual(
      [
        [BRYAN, 15, 1, 128.7],
        [BRYAN, 20, 1, 200.8],
        [HILLARY, 15, 3, 128.1],
        [HILLARY, 20, 6, 163.75],
        [HILLARY, 30, 7, 242.3],
      ],
    );
    expect(got.every((r) => r.instructor === 'Lanebreak')).toBe(true);
  });

  it('by label on every report: a name, or what an instructor-less workout is', () => {
    for (const wanted of [['Lanebreak'], ['Robin Arzón', 'Denis Morton']]) {
      const summary = report(db(), 'summary', { instructors: wanted });
      for (const rider of RIDERS) {
        const mine = rows.filter((r) => r.rider === rider && wanted.includes(label(r)));
        expect(summary.find((r) => r.rider === rider)?.workouts ?? 0, `${rider} ${wanted}`).toBe(mine.length);
      }
    }
    // Every Lanebreak workout, ridden or not, is labelled Lanebreak.
    const classTypes = report(db(), 'class-types', { instructors: ['Lanebreak'] });
    expect(classTypes.map((r) => [r.rider, r.classType, r.workouts])).toEqual([
      [BRYAN, 'lanebreak', 2],
      [HILLARY, 'lanebreak', 16],
    ]);
  });

  it('binds values: a quote in a name is a name that matches nothing', () => {
    const sneaky = ["x' OR 1=1 --"];
    const { sql, params } = whereClause(resolveFilter(db(), { instructors: sneaky }, 'UTC'));
    expect(sql).not.toContain('OR 1=1');
    expect(params).toEqual(sneaky);
    expect(report(db(), 'summary', { instructors: sneaky })).toEqual([]);
  });
});

describe('values the cache does not hold', () => {
  it('match nothing: empty reports (streaks: zeros), not an error', () => {
    const filters: ReportFilter[] = [
      { classTypes: ['pilates'] },
      { lengths: [7] },
      { instructors: ['Nobody'] },
      { classTypes: ['lanebreak'], lengths: [60] },
    ];
    expect(rows.some((r) => r.classType === 'lanebreak' && r.lengthMin === 60)).toBe(false);
    for (const filter of filters) {
      for (const name of reportNames) {
        const got = report(db(), name, filter);
        if (name === 'streaks') {
          expect(
            (got as StreakRow[]).map((r) => [r.rider, r.activeDays, r.longestDays]),
            JSON.stringify(filter),
          ).toEqual([
            [BRYAN, 0, 0],
            [HILLARY, 0, 0],
          ]);
        } else expect(got, `${name} ${JSON.stringify(filter)}`).toEqual([]);
      }
    }
  });

  it('an empty list selects everything, as for riders', () => {
    const filter = { classTypes: [], lengths: [], instructors: [] };
    for (const name of reportNames) expect(report(db(), name, filter), name).toEqual(report(db(), name));
  });
});

describe('the ride subset (F5), edited', () => {
  const f6 = (predicate: (r: SeedRow) => boolean) => {
    const subset = rows.filter(predicate);
    const groups = new Map<string, number[]>();
    for (const r of subset) {
      const key = `${r.rider}|${r.lengthMin}`;
      groups.set(key, [...(groups.get(key) ?? []), r.outputKj]);
    }
    return [...groups].map(([key, values]) => ({
      key,
      n: values.length,
      median: quantile(values, 0.5),
      mean: sum(values) / values.length,
    }));
  };
  const f8 = (predicate: (r: SeedRow) => boolean) => {
    const groups = new Map<string, number[]>();
    for (const r of rows.filter(predicate)) {
      const key = `${r.rider}|${label(r)}|${r.lengthMin}`;
      groups.set(key, [...(groups.get(key) ?? []), r.outputKj]);
    }
    return new Map(
      [...groups].map(([key, values]) => [key, { n: values.length, avg: sum(values) / values.length }]),
    );
  };
  const check = (ride: NonNullable<ReportFilter['ride']>, predicate: (r: SeedRow) => boolean) => {
    const boxes = report(db(), 'output-by-length', { ride });
    const expected = f6(predicate);
    expect(boxes.map((r) => `${r.rider}|${r.lengthMin}`).sort()).toEqual(expected.map((e) => e.key).sort());
    for (const e of expected) {
      const row = boxes.find((r) => `${r.rider}|${r.lengthMin}` === e.key);
      expect(row?.n, e.key).toBe(e.n);
      expect(row?.median, e.key).toBeCloseTo(e.median, 9);
      expect(row?.mean, e.key).toBeCloseTo(e.mean, 9);
    }
    const table = report(db(), 'instructors', { ride });
    const want = f8(predicate);
    expect(table).toHaveLength(want.size);
    for (const row of table) {
      const e = want.get(`${row.rider}|${row.instructor}|${row.lengthMin}`);
      expect(row.workouts).toBe(e?.n);
      expect(row.avgOutputKj).toBeCloseTo(e?.avg ?? Number.NaN, 9);
    }
    return { boxes, table };
  };

  it('no length minimum: the 307 rides of the notebook before its length filter', () => {
    const { boxes, table } = check({ minLengthMin: 0 }, rideSubset(['cycling', 'lanebreak'], 1, 0));
    expect(sum(boxes.map((r) => r.n))).toBe(307);
    expect(sum(table.map((r) => r.workouts))).toBe(307);
    expect(sum(boxes.filter((r) => r.rider === BRYAN).map((r) => r.n))).toBe(79);
    // The scenic ride by distance has no class length, and now counts.
    expect(boxes.some((r) => r.lengthMin === 0)).toBe(true);
    expect(report(db(), 'monthly-output', { ride: { minLengthMin: 0 } }).reduce((n, r) => n + r.n, 0)).toBe(
      307,
    );
  });

  it('cycling only: no Lanebreak rows, fewer rides in F6 and F8', () => {
    const { boxes, table } = check({ classTypes: ['cycling'] }, rideSubset(['cycling'], 1, 10));
    expect(table.some((r) => r.instructor === 'Lanebreak')).toBe(false);
    expect(sum(boxes.map((r) => r.n))).toBe(rows.filter(rideSubset(['cycling'], 1, 10)).length);
    expect(sum(boxes.map((r) => r.n))).toBeLessThan(210);
    // Bryan's only 15-minute ride was a Lanebreak ride.
    expect(boxes.some((r) => r.rider === BRYAN && r.lengthMin === 15)).toBe(false);
  });

  it('other types and thresholds, and records follow', () => {
    const predicate = rideSubset(['cycling', 'bike_bootcamp'], 200, 20);
    check({ classTypes: ['cycling', 'bike_bootcamp'], minOutputKj: 200, minLengthMin: 20 }, predicate);
    const records = report(db(), 'records', {
      ride: { minOutputKj: 0, minLengthMin: 0, classTypes: ['bike_bootcamp'] },
    });
    const bootcamp = rows.filter((r) => r.classType === 'bike_bootcamp');
    for (const row of records) {
      const mine = bootcamp.filter((r) => r.rider === row.rider && r.lengthMin === row.lengthMin);
      expect(row.bestOutputKj).toBe(Math.max(...mine.map((r) => r.outputKj)));
    }
    expect(new Set(records.map((r) => `${r.rider}|${r.lengthMin}`))).toEqual(
      new Set(bootcamp.map((r) => `${r.rider}|${r.lengthMin}`)),
    );
  });

  it('the default subset, given or not, is the notebook constant: same SQL, no parameters', () => {
    for (const ride of [
      undefined,
      {},
      { classTypes: ['lanebreak', 'cycling'], minOutputKj: 1, minLengthMin: 10 },
    ]) {
      const f = resolveFilter(db(), { ride }, 'UTC');
      expect(f.ride).toBeNull();
      expect(rideWhereClause(f)).toEqual({ sql: `1 AND ${RIDE_SUBSET_SQL}`, params: [] });
      expect(report(db(), 'instructors', { ride })).toEqual(report(db(), 'instructors'));
    }
    const edited = rideWhereClause(resolveFilter(db(), { ride: { minOutputKj: 5 } }, 'UTC'));
    expect(edited.sql).not.toContain('5');
    expect(edited.params).toEqual(['cycling', 'lanebreak', 5, 10]);
  });

  it('combines with the other filters: filters apply first', () => {
    const got = report(db(), 'output-by-length', {
      riders: [HILLARY],
      lengths: [15],
      ride: { minLengthMin: 0 },
    });
    const mine = rows.filter(
      (r) => r.rider === HILLARY && r.lengthMin === 15 && rideSubset(['cycling', 'lanebreak'], 1, 0)(r),
    );
    expect(got.map((r) => [r.rider, r.lengthMin, r.n])).toEqual([[HILLARY, 15, mine.length]]);
  });
});

describe('the default filter', () => {
  it('adds nothing to the WHERE clause', () => {
    expect(whereClause(resolveFilter(db(), {}, 'UTC'))).toEqual({ sql: '1', params: [] });
  });

  it('a covering index is used only when it holds the filtered columns', () => {
    db().exec('DROP INDEX workouts_report'); // the schema's own, which holds every column
    db().exec(
      'CREATE INDEX workouts_filter_test ON workouts (rider_id, start_time, class_type, length_min, output_kj)',
    );
    try {
      const source = (filter: ReportFilter) =>
        workoutsSource(db(), resolveFilter(db(), filter, 'UTC'), ['output_kj']).from;
      expect(source({ classTypes: ['cycling'], lengths: [20] })).toBe(
        'workouts w INDEXED BY "workouts_filter_test"',
      );
      expect(source({ instructors: ['Lanebreak'] })).toBe('workouts w NOT INDEXED');
      const before = report(db(), 'summary', { instructors: ['Lanebreak'] });
      expect(before.map((r) => r.workouts)).toEqual([2, 16]);
    } finally {
      db().exec('DROP INDEX workouts_filter_test');
    }
  });
});
