import { afterEach, describe, expect, it } from 'vitest';
import { type FakePeloton, type FakePelotonOptions, startFakePeloton } from '../../e2e/fake-peloton/index';
import { api } from './browser';
import { first, jsonOf, type PageJson, type WorkoutJson } from './shapes';

/** Fields the admin answers carry, loosely. */
type AdminAnswer = {
  id: string;
  status: string;
  totalWork: number;
  userId: string;
  email: string;
  access_token: string;
  byPath: Record<string, number>;
};

const started: FakePeloton[] = [];
async function start(options: FakePelotonOptions = {}) {
  const fake = await startFakePeloton({ riders: 2, workoutsPerRider: 30, ...options });
  started.push(fake);
  const call = api(fake, fake.admin.issueTokens(fake.accounts[0]?.email ?? '').access_token);
  return { fake, call };
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((f) => f.close()));
});

describe('fake Peloton injected faults', () => {
  it('answers each replacing fault kind as the real fronts do', async () => {
    const { fake, call } = await start();
    fake.admin.failNext('429');
    const plain = await call('/api/me');
    expect(plain.status).toBe(429);
    expect(plain.headers.get('retry-after')).toBeNull();
    fake.admin.failNext('429-retry-after');
    const polite = await call('/api/me');
    expect(polite.status).toBe(429);
    expect(polite.headers.get('retry-after')).toBe('1');
    fake.admin.failNext('1015');
    const cf = await call('/api/me');
    expect(cf.status).toBe(429);
    expect(cf.headers.get('server')).toBe('cloudflare');
    expect(await cf.text()).toBe('error code: 1015');
    fake.admin.failNext('5xx', 3);
    for (let i = 0; i < 3; i++) expect((await call('/api/me')).status).toBeGreaterThanOrEqual(500);
    fake.admin.failNext('empty-200');
    const empty = await call('/api/me');
    expect(empty.status).toBe(200);
    expect(await empty.text()).toBe('');
    fake.admin.failNext('truncated-json');
    const cut = await call('/api/me');
    expect(cut.status).toBe(200);
    const body = await cut.text();
    expect(body.startsWith('{"id":')).toBe(true);
    expect(() => JSON.parse(body)).toThrow();
    expect((await call('/api/me')).status).toBe(200);
    expect(fake.admin.stats().byFault).toEqual({
      '429': 1,
      '429-retry-after': 1,
      '1015': 1,
      '5xx': 3,
      'empty-200': 1,
      'truncated-json': 1,
    });
  });

  it('holds a timeout until the client gives up, or drops the connection after timeoutMs', async () => {
    const { fake, call } = await start();
    fake.admin.failNext('timeout');
    await expect(call('/api/me', { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    fake.admin.setFaults({ rate: 1, kinds: ['timeout'], timeoutMs: 100 });
    await expect(call('/api/me')).rejects.toThrow();
    fake.admin.setFaults(null);
    expect((await call('/api/me')).status).toBe(200);
  });

  it('slows answers down with the slow kind', async () => {
    const { fake, call } = await start();
    fake.admin.setFaults({ rate: 1, kinds: ['slow'], slowMs: 250 });
    const t = Date.now();
    expect((await call('/api/me')).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(240);
  });

  it('draws faults at the configured rate from the seed, on /api/ only by default', async () => {
    const pattern = async () => {
      const { call, fake } = await start({ seed: 5, faults: { rate: 0.4, kinds: ['5xx', '429'] } });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await call('/api/me')).status);
      const token = await fetch(`${fake.authUrl}/oauth/token`, { method: 'POST', body: '{}' });
      expect(token.status).toBe(401); // the token endpoint answered for itself, no fault
      return statuses;
    };
    const a = await pattern();
    const b = await pattern();
    expect(a).toEqual(b);
    const failed = a.filter((s) => s !== 200).length;
    expect(failed).toBeGreaterThan(6);
    expect(failed).toBeLessThan(30);
  });
});

describe('fake Peloton rate-limiting front and latency', () => {
  it('refuses the 7th concurrent request with one token (429) and records the peak', async () => {
    const { fake, call } = await start({ latencyMs: 1000 });
    const statuses = await Promise.all(
      Array.from({ length: 7 }, () => call('/api/me').then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(6);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    expect(fake.admin.stats()).toMatchObject({ maxInFlightPerToken: 7, inFlightRejections: 1 });
    // Once they finish, the token may go again.
    expect((await call('/api/me')).status).toBe(200);
  });

  it('counts tokens separately and honours maxInFlightPerToken', async () => {
    const { fake, call } = await start({ latencyMs: 800, maxInFlightPerToken: 2 });
    const other = api(fake, fake.admin.issueTokens(fake.accounts[1]?.email ?? '').access_token);
    const statuses = await Promise.all(
      [call('/api/me'), call('/api/me'), other('/api/me'), other('/api/me')].map((p) =>
        p.then((r) => r.status),
      ),
    );
    expect(statuses).toEqual([200, 200, 200, 200]);
    const third = await Promise.all(
      [call('/api/me'), call('/api/me'), call('/api/me')].map((p) => p.then((r) => r.status)),
    );
    expect(third.sort()).toEqual([200, 200, 429]);
  });

  it('applies latency per endpoint pattern', async () => {
    const { fake, call } = await start();
    fake.admin.setLatency({ '/api/me': 600, default: 0 });
    let t = Date.now();
    await call('/api/me');
    const slow = Date.now() - t;
    t = Date.now();
    await call('/api/instructor');
    const fast = Date.now() - t;
    expect(slow).toBeGreaterThanOrEqual(590);
    expect(fast).toBeLessThan(slow - 300);
  });
});

describe('fake Peloton stats and the HTTP admin endpoint', () => {
  it('counts requests by endpoint pattern and missing Peloton-Platform headers', async () => {
    const { fake, call } = await start();
    const id = fake.accounts[0]?.userId;
    const w = fake.admin.listWorkouts(id ?? '');
    await call(`/api/workout/${w[0]?.id}`);
    await call(`/api/workout/${w[1]?.id}`);
    await fetch(`${fake.apiUrl}/api/instructor`);
    const s = fake.admin.stats();
    expect(s.byPath).toMatchObject({ '/api/workout/{id}': 2, '/api/instructor': 1 });
    expect(s.requests).toBe(3);
    expect(s.withoutPlatformHeader).toBe(1);
    fake.admin.resetStats();
    expect(fake.admin.stats()).toMatchObject({ requests: 0, byPath: {}, tokensIssued: 0 });
  });

  it('mirrors the admin calls over HTTP for out-of-process use', async () => {
    const { fake } = await start();
    const admin = async <T = AdminAnswer>(path: string, body?: unknown): Promise<T> => {
      const res = await fetch(`${fake.apiUrl}/__admin/${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return (await res.json()) as T;
    };
    const account = first(await admin<AdminAnswer[]>('accounts'));
    expect(account.email).toBe(fake.accounts[0]?.email);
    const tokens = await admin('tokens', { email: account.email });
    const call = api(fake, tokens.access_token);
    const added = await admin('workouts', {
      userId: account.userId,
      kind: 'bike-class',
      status: 'IN_PROGRESS',
    });
    expect(added.status).toBe('IN_PROGRESS');
    expect((await admin(`workouts/${added.id}/complete`, { totalWorkJ: 1234.5 })).totalWork).toBe(1234.5);
    expect(((await (await call(`/api/workout/${added.id}`)).json()) as { status: string }).status).toBe(
      'COMPLETE',
    );
    expect(await admin<unknown>(`workouts/${added.id}/delete`, {})).toEqual({ deleted: true });
    await admin('fail-next', { kind: '1015' });
    expect((await call('/api/me')).status).toBe(429);
    await admin('expire-tokens', {});
    expect((await call('/api/me')).status).toBe(401);
    await admin('latency', { latencyMs: 0 });
    expect((await admin('stats')).byPath['/api/me']).toBe(2);
    expect(await admin<unknown>('workouts', { userId: 'nobody' })).toHaveProperty('error');
  });
});

describe('fake Peloton determinism', () => {
  it('serves identical data for one seed and different data for another', async () => {
    const snapshot = async (seed: number) => {
      const { fake, call } = await start({ seed });
      const id = fake.accounts[0]?.userId;
      const list = await (await call(`/api/user/${id}/workouts?limit=100&joins=ride,ride.instructor`)).text();
      const csv = await (await call(`/api/user/${id}/workout_history_csv?timezone=UTC`)).text();
      const graph = await (
        await call(`/api/workout/${fake.admin.listWorkouts(id ?? '')[3]?.id}/performance_graph?every_n=5`)
      ).text();
      return { accounts: fake.accounts, list, csv, graph };
    };
    const a = await snapshot(7);
    const b = await snapshot(7);
    expect(b).toEqual(a);
    expect(a.accounts[0]?.userId).toMatch(/^[0-9a-f]{32}$/);
    const c = await snapshot(8);
    expect(c.list).not.toEqual(a.list);
    expect(c.accounts[0]?.userId).not.toBe(a.accounts[0]?.userId);
  });

  it('builds 20 000 workouts per rider without trouble', async () => {
    const { fake, call } = await start({ riders: 1, workoutsPerRider: 20_000 });
    const id = fake.accounts[0]?.userId;
    const last = await jsonOf<PageJson<WorkoutJson>>(call(`/api/user/${id}/workouts?limit=100&page=199`));
    expect(last).toMatchObject({ total: 20_000, count: 100, show_next: false });
    const ids = new Set(fake.admin.listWorkouts(id ?? '').map((w) => w.id));
    expect(ids.size).toBe(20_000);
  });
});
