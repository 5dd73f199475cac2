import { describe, expect, it } from 'vitest';
import { cachedWorkouts, query, rig, signInAll, syncJson } from './kit';

const PAGES = '/api/user/{id}/workouts';

describe('incremental sync', () => {
  it('pages through more than 100 workouts, then stops early when nothing is new', async () => {
    const r = await rig({ riders: 2, workoutsPerRider: 250 });
    await signInAll(r);
    r.fake.admin.resetStats();
    const first = await syncJson(r);
    expect(first.code).toBe(0);
    expect(first.result.riders.map((x) => [x.fetched, x.inserted])).toEqual([
      [250, 250],
      [250, 250],
    ]);
    expect(r.fake.admin.stats().byPath[PAGES]).toBe(6);
    for (const a of r.fake.accounts) {
      const ids = new Set(cachedWorkouts(r.dir, a.userId).map((w) => w.id));
      expect(ids).toEqual(new Set(r.fake.admin.listWorkouts(a.userId).map((w) => w.id)));
    }

    r.fake.admin.resetStats();
    const second = await syncJson(r);
    expect(second.code).toBe(0);
    expect(second.result.riders.map((x) => x.inserted + x.updated)).toEqual([0, 0]);
    expect(second.result.requests).toBeLessThanOrEqual(4);
    expect(r.fake.admin.stats().requests).toBe(second.result.requests);
  });

  it('picks up new workouts on the next sync', async () => {
    const r = await rig({ riders: 2, workoutsPerRider: 20 });
    await signInAll(r);
    expect((await syncJson(r)).code).toBe(0);
    const [a, b] = r.fake.accounts;
    const added = r.fake.admin.addWorkout(a?.userId ?? '', {
      kind: 'bike-class',
      title: "45 min Rock 'n' Roll Ride",
    });

    const { code, result } = await syncJson(r);
    expect(code).toBe(0);
    expect(result.riders.find((x) => x.id === a?.userId)?.inserted).toBe(1);
    expect(result.riders.find((x) => x.id === b?.userId)?.inserted).toBe(0);
    const row = cachedWorkouts(r.dir, a?.userId).find((w) => w.id === added.id);
    expect(row).toMatchObject({ title: "45 min Rock 'n' Roll Ride", status: 'COMPLETE' });
    expect(row?.output_kj).toBeCloseTo(added.totalWork / 1000, 6);
    expect(row?.metrics_json).not.toBeNull();
  });

  it('stores an in-progress workout with its partial output and corrects it once it completes', async () => {
    const r = await rig({ riders: 1, workoutsPerRider: 20 });
    await signInAll(r);
    const userId = r.fake.accounts[0]?.userId ?? '';
    const open = r.fake.admin.listWorkouts(userId).find((w) => w.status === 'IN_PROGRESS');
    if (!open) throw new Error('the first rider of the fake has an in-progress workout');
    expect((await syncJson(r)).code).toBe(0);
    const partial = cachedWorkouts(r.dir, userId).find((w) => w.id === open.id);
    expect(partial).toMatchObject({ status: 'IN_PROGRESS', metrics_json: null });
    expect(partial?.output_kj).toBeCloseTo(open.totalWork / 1000, 6);

    const done = r.fake.admin.completeWorkout(open.id);
    expect(done.totalWork).toBeGreaterThan(open.totalWork);
    const { result } = await syncJson(r);
    expect(result.riders[0]).toMatchObject({ inserted: 0, updated: 1 });
    const final = cachedWorkouts(r.dir, userId).find((w) => w.id === open.id);
    expect(final?.status).toBe('COMPLETE');
    expect(final?.output_kj).toBeCloseTo(done.totalWork / 1000, 6);
    expect(JSON.parse(final?.metrics_json ?? 'null')?.avgWatts).toBeGreaterThan(0);
  });

  it('re-asks for an old in-progress workout that is beyond the pages an incremental sync reads', async () => {
    const r = await rig({ riders: 1, workoutsPerRider: 250 });
    await signInAll(r);
    const userId = r.fake.accounts[0]?.userId ?? '';
    const oldest = r.fake.admin.listWorkouts(userId).at(-20);
    const stale = r.fake.admin.addWorkout(userId, {
      status: 'IN_PROGRESS',
      createdAt: (oldest?.createdAt ?? 0) - 60,
      totalWork: 300_000,
    });
    const gone = r.fake.admin.addWorkout(userId, {
      status: 'IN_PROGRESS',
      createdAt: (oldest?.createdAt ?? 0) - 7200,
    });
    expect((await syncJson(r)).code).toBe(0);
    expect(cachedWorkouts(r.dir, userId).find((w) => w.id === stale.id)?.status).toBe('IN_PROGRESS');

    r.fake.admin.completeWorkout(stale.id);
    // Abandoned and deleted on Peloton: the next sync must not fail on it forever.
    r.fake.admin.deleteWorkout(gone.id);
    r.fake.admin.resetStats();
    const { code, result } = await syncJson(r);
    expect(code).toBe(0);
    expect(r.fake.admin.stats().byPath[PAGES]).toBe(2);
    expect(r.fake.admin.stats().byPath['/api/workout/{id}']).toBe(2);
    expect(result.riders[0]?.updated).toBe(1);
    const rows = cachedWorkouts(r.dir, userId);
    expect(rows.find((w) => w.id === stale.id)).toMatchObject({ status: 'COMPLETE', output_kj: 300 });
    expect(rows.find((w) => w.id === gone.id)).toBeUndefined();
  });

  it('--since re-fetches every workout from that day on, and nothing older', async () => {
    const r = await rig({ riders: 1, workoutsPerRider: 60 });
    await signInAll(r);
    const userId = r.fake.accounts[0]?.userId ?? '';
    const pivot = r.fake.admin.listWorkouts(userId)[30]?.startTime ?? 0;
    const since = new Date(pivot * 1000).toISOString().slice(0, 10);
    const fromDay = Date.parse(`${since}T00:00:00Z`) / 1000;
    // Begun just before midnight UTC, started (pedaling) just after: it belongs to that day.
    const midnight = r.fake.admin.addWorkout(userId, { createdAt: fromDay - 30 });
    expect(midnight.startTime).toBeGreaterThanOrEqual(fromDay);
    expect((await syncJson(r)).code).toBe(0);
    const all = r.fake.admin.listWorkouts(userId);
    // Lose the cached rows of the last days, and corrupt an old one, as a crash or a bad import might.
    query(r.dir, 'DELETE FROM workouts WHERE start_time >= ? RETURNING id', fromDay - 4 * 86_400);
    query(r.dir, "UPDATE workouts SET title = 'broken' WHERE id = ? RETURNING id", all.at(-1)?.id);

    const { code, result } = await syncJson(r, ['--since', since]);
    expect(code).toBe(0);
    const ids = new Set(cachedWorkouts(r.dir, userId).map((w) => w.id));
    const expected = all.filter((w) => w.startTime >= fromDay);
    expect(expected.length).toBeGreaterThan(30);
    for (const w of expected) expect(ids.has(w.id)).toBe(true);
    expect(result.riders[0]?.inserted).toBeGreaterThanOrEqual(expected.length);
    // Workouts days before are not re-fetched, nor is the oldest one corrected.
    const older = all.filter(
      (w) => w.startTime < fromDay - 2 * 86_400 && w.startTime >= fromDay - 4 * 86_400,
    );
    expect(older.length).toBeGreaterThan(0);
    for (const w of older) expect(ids.has(w.id)).toBe(false);
    expect(cachedWorkouts(r.dir, userId).find((w) => w.id === all.at(-1)?.id)?.title).toBe('broken');
  });
});
