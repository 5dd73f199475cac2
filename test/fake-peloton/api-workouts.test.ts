import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakePeloton, startFakePeloton } from '../../e2e/fake-peloton/index';
import { api } from './browser';
import { first, type GraphJson, type PageJson, type WorkoutJson } from './shapes';

let fake: FakePeloton;
let call: ReturnType<typeof api>;
let userId: string;
async function get<T = WorkoutJson>(path: string): Promise<T> {
  const res = await call(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}
const page = (path: string) => get<PageJson<WorkoutJson>>(path);
const graph = (path: string) => get<GraphJson>(path);

beforeAll(async () => {
  fake = await startFakePeloton({ workoutsPerRider: 150 });
  userId = fake.accounts[0]?.userId ?? '';
  call = api(fake, fake.admin.issueTokens(fake.accounts[0]?.email ?? '').access_token);
});
afterAll(() => fake.close());

describe('fake Peloton /api/user/{id}/workouts', () => {
  it('pages newest first with limit 20 by default, capped at 100, with the full envelope', async () => {
    const page0 = await page(`/api/user/${userId}/workouts`);
    expect(page0).toMatchObject({
      limit: 20,
      page: 0,
      count: 20,
      total: 150,
      page_count: 8,
      show_previous: false,
      show_next: true,
    });
    expect(page0.sort_by).toBe('-created_at,-pk');
    expect(page0.aggregate_stats).toEqual([]);
    expect(Object.values(page0.summary ?? {}).reduce((a, b) => a + b, 0)).toBe(150);
    expect(Object.keys(page0.summary ?? {})[0]).toMatch(/^\d{4}-\d{2}$/);
    expect(Object.keys(page0.total_heart_rate_zone_durations ?? {})).toHaveLength(5);
    const created = page0.data.map((w) => w.created_at);
    expect(created).toEqual([...created].sort((a, b) => b - a));
    const capped = await page(`/api/user/${userId}/workouts?limit=500&page=1`);
    expect(capped).toMatchObject({
      limit: 100,
      page: 1,
      count: 50,
      page_count: 2,
      show_next: false,
      show_previous: true,
    });
    expect(capped.next).toBeNull();
    const second = await page(`/api/user/${userId}/workouts?limit=20&page=1`);
    expect(page0.next).toEqual({
      workout_id: first(second.data).id,
      created_at: first(second.data).created_at,
    });
    const past = await page(`/api/user/${userId}/workouts?page=99`);
    expect(past.data).toEqual([]);
  });

  it('embeds ride only with joins, and ride.instructor only when asked', async () => {
    const bare = await page(`/api/user/${userId}/workouts?limit=5`);
    expect(first(bare.data).ride).toBeUndefined();
    expect(first(bare.data).peloton_id).toMatch(/^[0-9a-f]{32}$/);
    const ride = await page(`/api/user/${userId}/workouts?limit=5&joins=ride`);
    expect(first(ride.data).ride.title).toBeTruthy();
    expect(first(ride.data).ride.instructor).toBeUndefined();
    const both = await page(`/api/user/${userId}/workouts?limit=5&joins=ride,ride.instructor`);
    expect(first(both.data).ride.instructor.name).toBeTruthy();
    const older = await page(
      `/api/user/${userId}/workouts?limit=5&joins=peloton.ride,peloton.ride.instructor`,
    );
    expect(first(older.data).ride.instructor.id).toBe(first(both.data).ride.instructor_id);
  });

  it('filters by from/to (ISO-8601 UTC)', async () => {
    const all = (await page(`/api/user/${userId}/workouts?limit=100`)).data;
    const from = new Date((all[30]?.created_at as number) * 1000).toISOString();
    const to = new Date((all[10]?.created_at as number) * 1000).toISOString().replace('Z', '0000Z');
    const window = await page(`/api/user/${userId}/workouts?from=${from}&to=${to}&limit=100`);
    expect(window.total).toBe(21);
    expect(first(window.data).id).toBe(all[10]?.id);
  });

  it("refuses another rider's workouts (403) and calls without a token (401)", async () => {
    const other = fake.accounts[1]?.userId;
    expect((await call(`/api/user/${other}/workouts`)).status).toBe(403);
    expect((await fetch(`${fake.apiUrl}/api/user/${userId}/workouts`)).status).toBe(401);
    const theirs = fake.admin.listWorkouts(other ?? '')[0]?.id;
    expect((await call(`/api/workout/${theirs}`)).status).toBe(403);
  });
});

describe('fake Peloton workouts of every kind', () => {
  const byKind = (kind: string) =>
    fake.admin.listWorkouts(userId).find((w) => w.kind === kind && w.status === 'COMPLETE')?.id ?? '';

  it('has realistic types: epoch ints, joules as float, zone, device time offset', async () => {
    const w = await get(`/api/workout/${byKind('bike-class')}`);
    for (const k of ['created_at', 'start_time', 'end_time', 'device_time_created_at'])
      expect(Number.isInteger(w[k]), k).toBe(true);
    expect(w.total_work).toBeGreaterThan(1000);
    expect(w.id).toMatch(/^[0-9a-f]{32}$/);
    expect(w.timezone).toMatch(/^(Etc\/GMT[+-]\d+|America\/New_York)$/);
    expect([-14400, -18000]).toContain(w.device_time_created_at - w.created_at);
    expect(w.ftp_info).toHaveProperty('ftp_source');
    expect(w.ride.instructor_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('has a Just Ride (all-zero ride id, no instructor), Scenic and Lanebreak', async () => {
    const just = await get(`/api/workout/${byKind('just-ride')}`);
    expect(just.ride).toMatchObject({ id: '0'.repeat(32), instructor_id: null });
    expect(just.ride.title).toMatch(/^\d+ min Just Ride$/);
    expect(just.peloton_id).toBeNull();
    expect((await call(`/api/workout/${byKind('just-ride')}?joins=peloton.ride`)).status).toBe(400);
    const scenic = await get(`/api/workout/${byKind('scenic')}`);
    expect(scenic).toMatchObject({ workout_type: 'scenic', name: 'Scenic Ride' });
    expect(scenic.ride).toMatchObject({ instructor_id: null, content_provider: 'virtual_active' });
    const lane = await get(`/api/workout/${byKind('lanebreak')}`);
    expect(lane.ride.lanebreak_info).not.toBeNull();
    expect(lane.ride.instructor_id).toBeNull();
  });

  it('has tread, row, strength and app-only workouts shaped as Peloton sends them', async () => {
    expect(await get(`/api/workout/${byKind('tread')}`)).toMatchObject({
      fitness_discipline: 'running',
      device_type: 'home_tread',
    });
    expect(await get(`/api/workout/${byKind('row')}`)).toMatchObject({ fitness_discipline: 'caesar' });
    const strength = await get(`/api/workout/${byKind('strength')}`);
    expect(strength.total_work).toBe(0);
    expect(strength.movement_tracker_data.completed_movements_summary_data.total_repetitions).toBeGreaterThan(
      0,
    );
    const app = await get(`/api/workout/${byKind('app-only')}`);
    expect(app).toMatchObject({ total_work: 0, metrics_type: null, has_pedaling_metrics: false });
    for (const k of ['yoga', 'meditation'])
      expect((await get(`/api/workout/${byKind(k)}`)).total_work).toBe(0);
    expect((await call(`/api/workout/${'f'.repeat(32)}`)).status).toBe(404);
  });

  it('has one IN_PROGRESS workout, newest, that completeWorkout flips with its final output', async () => {
    const newest = first((await page(`/api/user/${userId}/workouts?limit=1`)).data);
    expect(newest).toMatchObject({ status: 'IN_PROGRESS', end_time: null });
    fake.admin.completeWorkout(newest.id, 321_000.5);
    const done = await get(`/api/workout/${newest.id}`);
    expect(done).toMatchObject({ status: 'COMPLETE', total_work: 321_000.5 });
    expect(done.end_time).toBeGreaterThan(done.start_time);
  });

  it('adds and deletes workouts through the admin surface', async () => {
    const added = fake.admin.addWorkout(userId, { kind: 'yoga', title: 'Added, "live"' });
    const list = await page(`/api/user/${userId}/workouts?limit=1&joins=ride`);
    expect(first(list.data)).toMatchObject({ id: added.id, fitness_discipline: 'yoga' });
    expect(first(list.data).ride.title).toBe('Added, "live"');
    expect(list.total).toBe(151);
    expect(fake.admin.deleteWorkout(added.id)).toBe(true);
    expect((await call(`/api/workout/${added.id}`)).status).toBe(404);
    expect((await page(`/api/user/${userId}/workouts`)).total).toBe(150);
  });
});

describe('fake Peloton performance graphs', () => {
  const ofKind = (kind: string) =>
    fake.admin.listWorkouts(userId).filter((w) => w.kind === kind && w.status === 'COMPLETE');

  it('downsamples aligned arrays by every_n, starting at second 1', async () => {
    const w = ofKind('bike-class')[0];
    const g = await graph(`/api/workout/${w?.id}/performance_graph?every_n=5`);
    const n = (g.seconds_since_pedaling_start as number[]).length;
    expect(Math.abs(n - g.duration / 5)).toBeLessThanOrEqual(1);
    expect(g.seconds_since_pedaling_start[0]).toBe(1);
    for (const m of g.metrics) expect(m.values).toHaveLength(n);
    expect(g.average_summaries.map((s) => s.slug)).toEqual([
      'avg_output',
      'avg_cadence',
      'avg_resistance',
      'avg_speed',
    ]);
    expect(g.summaries.map((s) => s.slug)).toEqual(['total_output', 'distance', 'calories']);
    const detail = await get(`/api/workout/${w?.id}`);
    expect(first(g.summaries).value).toBe(Math.round(detail.total_work / 1000));
  });

  it('has no heart_rate metric without a monitor, and zones with one', async () => {
    const graphs = await Promise.all(
      ofKind('bike-class')
        .slice(0, 12)
        .map((w) => graph(`/api/workout/${w.id}/performance_graph?every_n=30`)),
    );
    const hr = graphs.map((g) => g.metrics.find((m) => m.slug === 'heart_rate'));
    expect(hr.some((m) => m === undefined)).toBe(true);
    const withHr = hr.find((m) => m !== undefined);
    expect(withHr?.zones?.map((z) => z.slug)).toEqual(['zone1', 'zone2', 'zone3', 'zone4', 'zone5']);
    expect(graphs.some((g) => g.effort_zones === null)).toBe(true);
  });

  it('gives tread pace/incline/elevation, and outdoor GPS only with Peloton-Platform: web', async () => {
    const tread = await graph(`/api/workout/${ofKind('tread')[0]?.id}/performance_graph?every_n=10`);
    expect(tread.average_summaries.map((s) => s.slug)).toEqual([
      'avg_output',
      'avg_pace',
      'avg_speed',
      'avg_incline',
    ]);
    expect(tread.summaries.map((s) => s.slug)).toContain('elevation');
    const outdoor = ofKind('outdoor-run')[0]?.id;
    const web = await graph(`/api/workout/${outdoor}/performance_graph?every_n=10`);
    expect(first(web.location_data).coordinates.length).toBeGreaterThan(10);
    const bare = await call(`/api/workout/${outdoor}/performance_graph?every_n=10`, {
      headers: { 'peloton-platform': 'ios' },
    });
    expect(((await bare.json()) as GraphJson).location_data).toEqual([]);
  });

  it('uses km units for a metric rider', async () => {
    const londoner = fake.accounts[2];
    expect(londoner?.distanceUnit).toBe('km');
    const c = api(fake, fake.admin.issueTokens(londoner?.email ?? '').access_token);
    const w = fake.admin.listWorkouts(londoner?.userId ?? '').find((x) => x.kind === 'bike-class');
    const g = (await (await c(`/api/workout/${w?.id}/performance_graph?every_n=60`)).json()) as GraphJson;
    expect(g.summaries.find((s) => s.slug === 'distance')?.display_unit).toBe('km');
  });
});
