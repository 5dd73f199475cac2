/**
 * The Workouts table (`workouts:list`) and the filter controls' choices
 * (`reports:options`) through the API, on the seed CSV; expected values come
 * from the CSV parsed here.
 */
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listWorkouts } from '../../src/main/analytics/workouts-list';
import { dispatch } from '../../src/main/api/dispatch';
import type { Services } from '../../src/main/services';
import type {
  FilterOptions,
  WorkoutRow,
  WorkoutsPage,
  WorkoutsQuery,
  workoutSortKeys,
} from '../../src/shared/reports';
import { type SeedRow, seedRows } from '../analytics/helpers';
import { makeHandlers, makeServices } from '../helpers/services';
import { SEED_CSV } from '../helpers/temp-dir';

type SortKey = (typeof workoutSortKeys)[number];

const METRIC_CSV = resolve(__dirname, '../fixtures/peloton-metric.csv');

function seeded(tz = 'UTC') {
  const services = makeServices();
  services.importFile(SEED_CSV);
  services.settings.update({ set: { 'display.timeZone': tz } });
  return { services, handlers: makeHandlers(services) };
}

async function list(services: Services, query: WorkoutsQuery): Promise<WorkoutsPage> {
  const result = await dispatch(makeHandlers(services), 'workouts:list', query);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as WorkoutsPage;
}

const seed = seedRows();
const iso = (sec: number) => `${new Date(sec * 1000).toISOString().slice(0, 19)}Z`;
const label = (r: SeedRow) =>
  r.instructor && r.instructor !== 'no instructor'
    ? r.instructor
    : r.classType === 'lanebreak'
      ? 'Lanebreak'
      : 'No instructor';
/** SQLite's NOCASE: ASCII letters folded, then by code point. */
const nocase = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** The seed's ids in the order a sort key should give, ties by id in the same direction. */
function expectedOrder(key: (r: SeedRow) => string | number, dir: 'asc' | 'desc', rows = seed): string[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * (cmp(key(a), key(b)) || cmp(a.id, b.id))).map((r) => r.id);
}

describe('workouts:list', () => {
  it('pages newest first by default, 100 a page, with the total under the filter', async () => {
    const { services } = seeded();
    const page = await list(services, {});
    expect(page.total).toBe(721);
    expect(page.rows).toHaveLength(100);
    expect(page.rows.map((r) => r.id)).toEqual(expectedOrder((r) => r.start, 'desc').slice(0, 100));
    const newest = [...seed].sort((a, b) => b.start - a.start)[0] as SeedRow;
    expect(page.rows[0]).toEqual<WorkoutRow>({
      id: newest.id,
      rider: newest.rider,
      riderId: expect.any(String),
      start: iso(newest.start),
      localStart: newest.date.slice(0, 16),
      title: newest.title,
      instructor: label(newest),
      classType: newest.classType,
      lengthMin: newest.lengthMin,
      outputKj: newest.outputKj,
      status: 'COMPLETE',
      avgWatts: null,
      avgCadenceRpm: null,
      avgResistancePct: null,
      avgHeartRate: null,
      calories: null,
      distance: null,
      distanceUnit: null,
      avgSpeed: null,
      speedUnit: null,
    });
  });

  it('walks every workout exactly once, page by page, and past the end gives no rows', async () => {
    const { services } = seeded();
    const ids: string[] = [];
    for (let offset = 0; offset < 721; offset += 250) {
      const page = await list(services, { offset, limit: 250, sort: { by: 'start', dir: 'asc' } });
      expect(page.total).toBe(721);
      ids.push(...page.rows.map((r) => r.id));
    }
    expect(ids).toEqual(expectedOrder((r) => r.start, 'asc'));
    expect(await list(services, { offset: 721 })).toEqual({ total: 721, rows: [] });
    expect(await list(services, { offset: 5000 })).toEqual({ total: 721, rows: [] });
  });

  it('sorts by every key both ways, ties broken by id', async () => {
    const { services } = seeded();
    const keys: [SortKey, (r: SeedRow) => string | number][] = [
      ['start', (r) => r.start],
      ['rider', (r) => nocase(r.rider)],
      ['title', (r) => nocase(r.title)],
      ['instructor', (r) => nocase(label(r))],
      ['classType', (r) => r.classType],
      ['lengthMin', (r) => r.lengthMin],
      ['outputKj', (r) => r.outputKj],
    ];
    for (const [by, key] of keys) {
      for (const dir of ['asc', 'desc'] as const) {
        const first = await list(services, { sort: { by, dir }, limit: 500 });
        const second = await list(services, { sort: { by, dir }, offset: 500, limit: 500 });
        expect(
          [...first.rows, ...second.rows].map((r) => r.id),
          `${by} ${dir}`,
        ).toEqual(expectedOrder(key, dir));
      }
    }
  });

  it('filters the way reports do: riders, days, class types, lengths, instructors', async () => {
    const { services } = seeded();
    const cases: [WorkoutsQuery['filter'], (r: SeedRow) => boolean][] = [
      [{ riders: ['hillary kolano'] }, (r) => r.rider === 'Hillary Kolano'],
      [{ from: '2022-01-01', to: '2022-03-31' }, (r) => r.date >= '2022-01-01' && r.date < '2022-04-01'],
      [{ classTypes: ['yoga', 'strength'] }, (r) => r.classType === 'yoga' || r.classType === 'strength'],
      [{ lengths: [45, 60] }, (r) => r.lengthMin === 45 || r.lengthMin === 60],
      [{ instructors: ['Lanebreak'] }, (r) => label(r) === 'Lanebreak'],
      [
        { riders: ['Bryan Kolano'], classTypes: ['cycling'], instructors: ['Sam Yo', 'Ally Love'] },
        (r) =>
          r.rider === 'Bryan Kolano' &&
          r.classType === 'cycling' &&
          ['Sam Yo', 'Ally Love'].includes(r.instructor),
      ],
    ];
    for (const [filter, keep] of cases) {
      const page = await list(services, { filter, sort: { by: 'outputKj', dir: 'desc' }, limit: 500 });
      const want = expectedOrder((r) => r.outputKj, 'desc', seed.filter(keep));
      expect(page.total, JSON.stringify(filter)).toBe(want.length);
      expect(
        page.rows.map((r) => r.id),
        JSON.stringify(filter),
      ).toEqual(want.slice(0, 500));
    }
    expect(await list(services, { filter: { classTypes: ['pilates'] } })).toEqual({ total: 0, rows: [] });
  });

  it("gives local start times in the filter's zone, else the display zone", async () => {
    const { services } = seeded('America/New_York');
    const oldest = [...seed].sort((a, b) => a.start - b.start)[0] as SeedRow; // 2021-10-16 13:31:51 UTC
    const inZone = async (filter: WorkoutsQuery['filter']) =>
      (await list(services, { filter, sort: { by: 'start', dir: 'asc' }, limit: 1 })).rows[0]?.localStart;
    expect(oldest.date).toBe('2021-10-16 13:31:51');
    expect(await inZone({})).toBe('2021-10-16 09:31');
    expect(await inZone({ tz: 'Asia/Kolkata' })).toBe('2021-10-16 19:01');
    expect(await inZone({ tz: 'UTC' })).toBe('2021-10-16 13:31');
  });

  it('carries the metrics of metrics_json, and none for a malformed one', async () => {
    const services = makeServices();
    services.settings.update({ set: { 'display.timeZone': 'Europe/Berlin' } });
    services.importFile(METRIC_CSV, { rider: 'Ada' });
    const page = await list(services, { sort: { by: 'start', dir: 'asc' } });
    expect(page.total).toBe(4);
    expect(page.rows[0]).toMatchObject({
      rider: 'Ada',
      start: '2023-06-11T05:05:00Z',
      localStart: '2023-06-11 07:05',
      instructor: 'Erik Jäger',
      classType: 'cycling',
      lengthMin: 30,
      outputKj: 301,
      avgWatts: 167,
      avgCadenceRpm: 81,
      avgResistancePct: 48,
      avgHeartRate: 138.4,
      calories: 410,
      distance: 16.61,
      distanceUnit: 'km',
      avgSpeed: 33.22,
      speedUnit: 'kph',
    });
    // A scenic ride has no instructor: it is labelled by what it is, as in reports.
    expect(page.rows[1]).toMatchObject({ title: '20 min Alps Ride', instructor: 'Scenic', avgWatts: 125 });
    expect(page.rows[2]).toMatchObject({ avgWatts: null, avgHeartRate: 118.02, calories: 220 });

    services.cache
      .prepare("UPDATE workouts SET metrics_json = '{not json' WHERE title = ?")
      .run('30 min Climb Ride');
    const broken = await list(services, { sort: { by: 'start', dir: 'asc' }, limit: 1 });
    expect(broken.rows[0]).toMatchObject({ title: '30 min Climb Ride', avgWatts: null, distanceUnit: null });
  });

  it('refuses what the contract does not allow, and an unknown rider, as values', async () => {
    const { handlers } = seeded();
    for (const input of [
      { limit: 501 },
      { limit: 0 },
      { offset: -1 },
      { sort: { by: 'metrics_json', dir: 'asc' } },
      { sort: { by: 'start', dir: 'sideways' } },
      { filter: { lengths: ['20'] } },
      { sneaky: true },
    ]) {
      expect(await dispatch(handlers, 'workouts:list', input), JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'bad_input' },
      });
    }
    expect(await dispatch(handlers, 'workouts:list', { filter: { riders: ['Zed'] } })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('Unknown rider "Zed"') },
    });
  });

  it('keeps a direct caller to the whitelisted sort keys', () => {
    const { services } = seeded();
    const forged = { sort: { by: 'id; DROP TABLE workouts', dir: 'asc' } } as unknown as WorkoutsQuery;
    expect(() => listWorkouts(services.cache, forged, 'UTC')).toThrow('Cannot sort workouts by');
  });
});

describe('reports:options', () => {
  const options = async (services: Services) => {
    const result = await dispatch(makeHandlers(services), 'reports:options', undefined);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as FilterOptions;
  };

  it("lists the seed's class types, lengths, instructor labels and first and last day", async () => {
    const { services } = seeded();
    const got = await options(services);
    expect(got.classTypes).toEqual([...new Set(seed.map((r) => r.classType))].sort());
    expect(got.lengths).toEqual([...new Set(seed.map((r) => r.lengthMin))].sort((a, b) => a - b));
    expect(got.lengths[0]).toBe(0);
    expect(new Set(got.instructors)).toEqual(new Set(seed.map(label)));
    expect(got.instructors).toContain('Lanebreak');
    expect(got.instructors).not.toContain('no instructor');
    expect(got.instructors).toEqual([...got.instructors].sort((a, b) => a.localeCompare(b, 'en')));
    const starts = seed.map((r) => r.start);
    expect(got.firstDay).toBe(new Date(Math.min(...starts) * 1000).toISOString().slice(0, 10));
    expect(got.lastDay).toBe(new Date(Math.max(...starts) * 1000).toISOString().slice(0, 10));
  });

  it('gives days in the display zone', async () => {
    const { services } = seeded('Pacific/Auckland');
    const got = await options(services);
    const day = (sec: number) =>
      new Date(sec * 1000).toLocaleDateString('en-CA', { timeZone: 'Pacific/Auckland' });
    const starts = seed.map((r) => r.start);
    expect(got.firstDay).toBe(day(Math.min(...starts)));
    expect(got.lastDay).toBe(day(Math.max(...starts)));
  });

  it('is empty on an empty cache', async () => {
    expect(await options(makeServices())).toEqual({
      classTypes: [],
      lengths: [],
      instructors: [],
      firstDay: null,
      lastDay: null,
    });
  });

  it('sees new workouts, written here or by another connection (a CLI sync)', async () => {
    const { services } = seeded();
    const before = await options(services);
    expect(before.classTypes).not.toContain('rowing');
    services.importFile(METRIC_CSV, { rider: 'Ada' });
    const after = await options(services);
    expect(after.instructors).toEqual(expect.arrayContaining(['Erik Jäger', 'Scenic', 'Susie Chan']));
    expect(after.lastDay).toBe('2024-02-03');

    const other = new Database(services.cache.name);
    try {
      other
        .prepare(
          `INSERT INTO workouts (id, rider_id, start_time, title, class_type, length_min, source, updated_at)
           SELECT 'row-1', id, 1800000000, '10 min Row', 'rowing', 10, 'demo', 0 FROM riders LIMIT 1`,
        )
        .run();
    } finally {
      other.close();
    }
    const third = await options(services);
    expect(third.classTypes).toContain('rowing');
    expect(third.instructors).toContain('No instructor');
    expect(third.lastDay).toBe('2027-01-15');
  });
});
