import { beforeAll, describe, expect, it } from 'vitest';
import { FAULT_KINDS, type FakePelotonOptions } from '../../e2e/fake-peloton';
import { cachedWorkouts, canonicalDump, rig, signInAll, syncJson, syncStateOf, withServices } from './kit';

// One rider whose averages come from Peloton's CSV export, one whose come from one
// performance graph per workout: every kind of request the sync makes gets faults.
const FAKE: FakePelotonOptions = { seed: 11, riders: [{ workouts: 60 }, { workouts: 10 }] };

let cleanDump = '';

beforeAll(async () => {
  const clean = await rig(FAKE);
  await signInAll(clean);
  expect((await syncJson(clean)).code).toBe(0);
  cleanDump = canonicalDump(clean.dir);
});

describe('a sync against a failing Peloton', () => {
  it.each(FAULT_KINDS)('ends with exactly the cache a clean run makes, under %s faults', async (kind) => {
    const r = await rig(FAKE);
    await signInAll(r);
    r.fake.admin.resetStats();
    r.fake.admin.setFaults({ rate: 0.3, kinds: [kind], retryAfterSec: 0.02, slowMs: 40, timeoutMs: 60 });
    const { code, result, stderr } = await syncJson(r);
    expect(stderr).not.toContain('spoke:');
    expect(code).toBe(0);
    const stats = r.fake.admin.stats();
    expect(stats.byFault[kind]).toBeGreaterThanOrEqual(2);
    expect(result.requests).toBe(stats.requests);
    expect(canonicalDump(r.dir)).toBe(cleanDump);
  });

  it('keeps the high-water mark where it was when a rider fails mid-paging; the next sync completes it', async () => {
    const r = await rig({ seed: 11, riders: 1, workoutsPerRider: 250 });
    await signInAll(r);
    const userId = r.fake.accounts[0]?.userId ?? '';
    const result = await withServices(r, (s) => {
      s.events.on('sync:progress', (p) => {
        // Page 2 of 3 fails on every try (1 + 6 retries).
        if (p.step === 'workouts' && p.done === 1) r.fake.admin.failNext('5xx', 7, `/api/user/${userId}/`);
      });
      return s.sync();
    });
    expect(result.riders[0]?.error).toMatch(/^Peloton kept failing \(HTTP 5\d\d\) on .*; try again later\.$/);
    // The first page was written and stays; the mark does not move past what is missing.
    expect(cachedWorkouts(r.dir, userId)).toHaveLength(100);
    expect(result.riders[0]).toMatchObject({ fetched: 100, inserted: 100 });
    expect(syncStateOf(r.dir, userId)).toBeUndefined();
    const listed = await r.cli(['rider', 'list', '--json']);
    expect(JSON.parse(listed.stdout)[0].lastSyncAt).toBeNull();

    r.fake.admin.setFaults(null);
    const { code, result: next } = await syncJson(r);
    expect(code).toBe(0);
    expect(next.riders[0]).toMatchObject({ fetched: 250, inserted: 150 });
    expect(syncStateOf(r.dir, userId)?.high_water_mark).toBe(r.fake.admin.listWorkouts(userId)[0]?.createdAt);

    // A later failure leaves the mark where the last good sync put it.
    const mark = syncStateOf(r.dir, userId)?.high_water_mark;
    r.fake.admin.addWorkout(userId);
    r.fake.admin.failNext('5xx', 7, `/api/user/${userId}/`);
    expect((await syncJson(r)).code).toBe(1);
    expect(syncStateOf(r.dir, userId)?.high_water_mark).toBe(mark);
  });

  it('never has more than 4 requests in flight on one token, even when Peloton is slow', async () => {
    const r = await rig({ seed: 11, riders: 2, workoutsPerRider: 12, latencyMs: 25 });
    await signInAll(r);
    r.fake.admin.resetStats();
    const { code } = await syncJson(r);
    expect(code).toBe(0);
    const stats = r.fake.admin.stats();
    expect(stats.byPath['/api/workout/{id}/performance_graph']).toBeGreaterThan(8);
    expect(stats.maxInFlightPerToken).toBeGreaterThan(1);
    expect(stats.maxInFlightPerToken).toBeLessThanOrEqual(4);
    expect(stats.inFlightRejections).toBe(0);
    expect(stats.withoutPlatformHeader).toBe(0);
  });
});
