/**
 * The Workouts table on a synthetic cache: several riders (some, not all,
 * selected: the time-index walk and the rider-index read must agree), equal
 * start times, and the default page size.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, listWorkouts } from '../../src/main/analytics/workouts-list';
import { insertWorkouts, type TempCache, tempCache } from './helpers';

let cache: TempCache;
beforeEach(() => {
  cache = tempCache();
});
afterEach(() => cache.close());
const db = () => cache.db;

const at = (i: number) => new Date(Date.UTC(2023, 0, 1) + i * 3600_000).toISOString();

/** Riders with `sizes[i]` workouts each, an hour apart, every fourth sharing its start with the previous one. */
function populate(sizes: Record<string, number>) {
  const all: { id: string; rider: string; start: string }[] = [];
  for (const [rider, size] of Object.entries(sizes)) {
    const workouts = Array.from({ length: size }, (_, i) => ({
      id: `${rider}-${String(i).padStart(4, '0')}`,
      at: at(i % 4 === 3 ? i - 1 : i),
      lengthMin: [10, 20, 30][i % 3],
    }));
    insertWorkouts(db(), rider, workouts);
    all.push(...workouts.map((w) => ({ id: w.id, rider, start: w.at })));
  }
  return all;
}

const newestFirst = (rows: { id: string; start: string }[]) =>
  [...rows]
    .sort((a, b) => (a.start === b.start ? (a.id < b.id ? 1 : -1) : a.start < b.start ? 1 : -1))
    .map((r) => r.id);

describe('listWorkouts', () => {
  it('gives the same newest-first pages whichever index finds them', () => {
    const all = populate({ Ada: 300, Bob: 300, Cy: 5, Dee: 4 });
    for (const riders of [
      ['Ada', 'Bob'],
      ['Cy', 'Bob'],
      ['Cy', 'Dee'],
      ['Ada'],
      ['Ada', 'Bob', 'Cy', 'Dee'],
    ]) {
      const want = newestFirst(all.filter((w) => riders.includes(w.rider)));
      const ids: string[] = [];
      for (let offset = 0; offset < want.length; offset += 70) {
        const page = listWorkouts(db(), { filter: { riders }, offset, limit: 70 }, 'UTC');
        expect(page.total, riders.join()).toBe(want.length);
        ids.push(...page.rows.map((r) => r.id));
      }
      expect(ids, riders.join()).toEqual(want);
    }
  });

  it('pages 100 at a time by default, and filters with riders and lengths together', () => {
    const all = populate({ Ada: 150, Bob: 150, Cy: 30 });
    const page = listWorkouts(db(), {}, 'UTC');
    expect(DEFAULT_PAGE_SIZE).toBe(100);
    expect(page.total).toBe(330);
    expect(page.rows.map((r) => r.id)).toEqual(newestFirst(all).slice(0, 100));
    const twenty = listWorkouts(
      db(),
      { filter: { riders: ['Ada', 'Cy'], lengths: [20] }, limit: 500 },
      'UTC',
    );
    expect(twenty.total).toBe(60);
    expect(twenty.rows.every((r) => r.lengthMin === 20 && (r.rider === 'Ada' || r.rider === 'Cy'))).toBe(
      true,
    );
  });

  it('an empty cache has no workouts', () => {
    expect(listWorkouts(db(), { sort: { by: 'title', dir: 'desc' } }, 'UTC')).toEqual({ total: 0, rows: [] });
  });
});
