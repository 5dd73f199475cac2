import { afterEach, describe, expect, it } from 'vitest';
import { type FakePeloton, type FakePelotonOptions, startFakePeloton } from '../../e2e/fake-peloton/index';
import { api, authorizeUrl, browser, pkcePair } from './browser';
import { type GraphJson, jsonOf, type PageJson, type WorkoutJson } from './shapes';

const started: FakePeloton[] = [];
async function start(options: FakePelotonOptions) {
  const fake = await startFakePeloton(options);
  started.push(fake);
  return { fake, call: api(fake, fake.admin.issueTokens(fake.accounts[0]?.email ?? '').access_token) };
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((f) => f.close()));
});

describe('fake Peloton options', () => {
  it('takes riders as a count or spelled out, with their own workout counts', async () => {
    const { fake } = await start({
      riders: [
        { email: 'a@b.c', password: 'pw', name: 'Ada Lovelace', timezone: 'Europe/London', workouts: 3 },
        {},
      ],
      workoutsPerRider: 7,
    });
    expect(fake.accounts.map((a) => a.email)).toEqual(['a@b.c', 'zoe@example.com']);
    expect(fake.accounts[0]).toMatchObject({
      name: 'Ada Lovelace',
      distanceUnit: 'km',
      username: 'Ada1',
    });
    expect(fake.admin.listWorkouts(fake.accounts[0]?.userId ?? '')).toHaveLength(3);
    expect(fake.admin.listWorkouts(fake.accounts[1]?.userId ?? '')).toHaveLength(7);
    const five = await start({ riders: 5, workoutsPerRider: 1 });
    expect(new Set(five.fake.accounts.map((a) => a.email)).size).toBe(5);
  });

  it('drops samples from every_n=1 graphs with graphGaps', async () => {
    const { fake, call } = await start({ riders: 1, workoutsPerRider: 10, graphGaps: true });
    const w = fake.admin
      .listWorkouts(fake.accounts[0]?.userId ?? '')
      .find((x) => x.kind === 'bike-class' && x.status === 'COMPLETE');
    const g = await jsonOf<GraphJson>(call(`/api/workout/${w?.id}/performance_graph?every_n=1`));
    const s = g.seconds_since_pedaling_start;
    expect(s.length).toBeLessThan(g.duration - 10);
    expect(s.some((x, i) => i > 0 && x - (s[i - 1] ?? 0) > 1)).toBe(true);
    for (const m of g.metrics) expect(m.values).toHaveLength(s.length);
  });

  it('adds unknown fields and nulls optional ones with schemaDrift', async () => {
    const { fake, call } = await start({ riders: 1, workoutsPerRider: 40, schemaDrift: true });
    const page = await jsonOf<PageJson<WorkoutJson>>(
      call(`/api/user/${fake.accounts[0]?.userId}/workouts?limit=40&joins=ride`),
    );
    expect(page.data.every((w) => 'fake_new_field' in w)).toBe(true);
    expect(page.data.some((w) => w.strava_id === null || w.timezone === null || w.device_type === null)).toBe(
      true,
    );
    expect(page.data.every((w) => typeof w.id === 'string' && typeof w.created_at === 'number')).toBe(true);
  });

  it('accepts extra redirect URIs (a loopback for a desktop client)', async () => {
    const redirectUri = 'http://127.0.0.1:18080/callback';
    const { fake } = await start({ riders: 1, workoutsPerRider: 1, redirectUris: [redirectUri] });
    const res = await browser()(
      authorizeUrl(fake, { state: 's', challenge: pkcePair().challenge, redirectUri }),
    );
    expect(res.status).toBe(302);
  });

  it('refuses an unknown timezone for the CSV export', async () => {
    const { fake, call } = await start({ riders: 1, workoutsPerRider: 1 });
    const res = await call(
      `/api/user/${fake.accounts[0]?.userId}/workout_history_csv?timezone=Mars%2FOlympus`,
    );
    expect(res.status).toBe(400);
  });
});
