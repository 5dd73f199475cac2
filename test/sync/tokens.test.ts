import { describe, expect, it } from 'vitest';
import { ageTokens, rig, signInAll, spendRefreshToken, storedTokens, syncJson, withServices } from './kit';

describe('tokens during a sync', () => {
  it('refreshes a token about to expire before using it, once, and keeps the rotated refresh token', async () => {
    // 50-minute tokens, signed in 30 minutes ago: 20 minutes left, so the sync refreshes up front.
    const r = await rig({ riders: 1, workoutsPerRider: 20, tokenTtlSec: 3000 });
    await signInAll(r);
    const id = r.fake.accounts[0]?.userId ?? '';
    await ageTokens(r, id, 30 * 60_000);
    const before = await storedTokens(r, id);

    r.fake.admin.resetStats();
    const { code, result } = await syncJson(r);
    expect(code).toBe(0);
    expect(result.riders[0]?.inserted).toBe(20);
    expect(r.fake.admin.stats().refreshes).toBe(1);
    // Ahead of expiry: no request was refused and asked again.
    expect(r.fake.admin.stats().byPath['/api/user/{id}/workouts']).toBe(1);

    const after = await storedTokens(r, id);
    expect(after?.refreshToken).toBeTruthy();
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect(after?.accessToken).not.toBe(before?.accessToken);

    // The fresh token has most of its life left: the next sync does not refresh again.
    r.fake.admin.resetStats();
    expect((await syncJson(r)).code).toBe(0);
    expect(r.fake.admin.stats().refreshes).toBe(0);

    // The rotated-away refresh token is dead; the stored one is the one that works.
    const spent = await spendRefreshToken(r, before?.refreshToken ?? '');
    expect(spent.status).toBe(400);
    expect(await spent.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('tells only the rider whose refresh token was reused to sign in again; the others still sync', async () => {
    const r = await rig({ riders: 2, workoutsPerRider: 10 });
    await signInAll(r);
    const [victim, other] = r.fake.accounts;
    const victimTokens = await storedTokens(r, victim?.userId ?? '');
    // A copy of the refresh token is spent elsewhere, then once more: Auth0 revokes the family.
    expect((await spendRefreshToken(r, victimTokens?.refreshToken ?? '')).status).toBe(200);
    expect((await spendRefreshToken(r, victimTokens?.refreshToken ?? '')).status).toBe(400);
    r.fake.admin.expireAllTokens();

    const run = await r.cli(['sync']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${victim?.name}: failed: Peloton ended this sign-in. Sign in again`);
    expect(run.stdout).toContain(`${other?.name}: 10 fetched, 10 new, 0 updated`);
    const lastLine = run.stderr.trim().split('\n').at(-1);
    expect(lastLine).toMatch(/^spoke: .*Sign in again from Settings \(or `spoke rider add`\)/);
    expect(lastLine).not.toContain(other?.name ?? '?');

    const counts = await withServices(r, (s) =>
      s.cache
        .prepare<[], { rider_id: string; n: number }>(
          'SELECT rider_id, COUNT(*) AS n FROM workouts GROUP BY rider_id',
        )
        .all(),
    );
    expect(counts).toEqual([{ rider_id: other?.userId, n: 10 }]);

    // Signing in again fixes it.
    const again = await r.cli(
      ['rider', 'add', '--email', victim?.email ?? '', '--password-stdin'],
      `${victim?.password}\n`,
    );
    expect(again.code).toBe(0);
    const { code, result } = await syncJson(r);
    expect(code).toBe(0);
    expect(result.riders.find((x) => x.id === victim?.userId)?.inserted).toBe(10);
  });

  it('recovers from tokens expiring before a sync with one refresh per rider', async () => {
    const r = await rig({ riders: 2, workoutsPerRider: 10 });
    await signInAll(r);
    r.fake.admin.expireAllTokens();
    r.fake.admin.resetStats();
    const { code, result } = await syncJson(r);
    expect(code).toBe(0);
    expect(result.riders.map((x) => x.inserted)).toEqual([10, 10]);
    expect(r.fake.admin.stats().refreshes).toBe(2);
  });

  it('recovers from tokens expiring between two pages with one refresh', async () => {
    const r = await rig({ riders: 1, workoutsPerRider: 230 });
    await signInAll(r);
    r.fake.admin.resetStats();
    const result = await withServices(r, (s) => {
      s.events.on('sync:progress', (p) => {
        if (p.step === 'workouts' && p.done === 1) r.fake.admin.expireAllTokens();
      });
      return s.sync();
    });
    expect(result.riders[0]).toMatchObject({ inserted: 230, fetched: 230 });
    expect(result.riders[0]?.error).toBeUndefined();
    const stats = r.fake.admin.stats();
    expect(stats.refreshes).toBe(1);
    expect(stats.byPath['/api/user/{id}/workouts']).toBe(4); // 3 pages, one asked twice
  });
});
