import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedWorkouts, rig, signInAll, storedTokens, syncJson, withServices } from './kit';

/** The encrypted secrets files in a data folder, as text. */
function secretFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /^secrets\..+\.json$/.test(f))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** The keys in the encrypted secrets files (the values are sealed). */
function secretKeys(dir: string): string[] {
  return secretFiles(dir).flatMap((text) => Object.keys((JSON.parse(text) as { values: object }).values));
}

describe('spoke rider and spoke sync on the command line', () => {
  it('refuses a wrong password with one clear line, exit 1, and stores nothing', async () => {
    const r = await rig({ riders: 1, workoutsPerRider: 5 });
    const account = r.fake.accounts[0];
    const run = await r.cli(
      ['rider', 'add', '--email', account?.email ?? '', '--password-stdin', '--json'],
      'not-the-password\n',
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('spoke: Wrong email or password for Peloton. Check them and try again.\n');
    expect(run.stderr).not.toContain('not-the-password');
    const listed = await r.cli(['rider', 'list', '--json']);
    expect(JSON.parse(listed.stdout)).toEqual([]);
    expect(secretKeys(r.dir).filter((k) => k.startsWith('peloton:'))).toEqual([]);
    const sync = await r.cli(['sync']);
    expect(sync.code).toBe(1);
    expect(sync.stderr).toMatch(/^spoke: No Peloton rider is signed in\. .*`spoke rider add/);
  });

  it('signs in with a refresh token from stdin, and keeps the rotated one', async () => {
    const r = await rig({ riders: 1, workoutsPerRider: 5 });
    const account = r.fake.accounts[0];
    const pasted = r.fake.admin.issueTokens(account?.email ?? '').refresh_token ?? '';
    const run = await r.cli(['rider', 'add', '--refresh-token-stdin', '--json'], `${pasted}\r\n`);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      id: account?.userId,
      name: account?.name,
      username: account?.username,
    });
    const stored = await storedTokens(r, account?.userId ?? '');
    expect(stored?.refreshToken).toBeTruthy();
    expect(stored?.refreshToken).not.toBe(pasted);
    expect(secretFiles(r.dir)).toHaveLength(1);
    expect(secretFiles(r.dir)[0]).not.toContain(pasted);
    const { code, result } = await syncJson(r);
    expect(code).toBe(0);
    expect(result.riders[0]?.inserted).toBe(5);
  });

  it('lists riders with their last sync, and removes one with everything cached for them', async () => {
    const r = await rig({ riders: 2, workoutsPerRider: 8 });
    await signInAll(r);
    const [keep, drop] = r.fake.accounts;
    const before = await r.cli(['rider', 'list', '--json']);
    const listed = JSON.parse(before.stdout) as Record<string, unknown>[];
    expect(listed).toHaveLength(2);
    for (const rider of listed) {
      expect(Object.keys(rider).sort()).toEqual(['id', 'lastSyncAt', 'name', 'username']);
      expect(rider.lastSyncAt).toBeNull();
    }
    const started = Date.now();
    expect((await syncJson(r)).code).toBe(0);
    const after = JSON.parse((await r.cli(['rider', 'list', '--json'])).stdout) as {
      id: string;
      name: string;
      username: string;
      lastSyncAt: string;
    }[];
    expect(after.map((x) => x.id).sort()).toEqual([keep?.userId, drop?.userId].sort());
    for (const rider of after) {
      const account = r.fake.accounts.find((a) => a.userId === rider.id);
      expect(rider).toMatchObject({ name: account?.name, username: account?.username });
      expect(Date.parse(rider.lastSyncAt)).toBeGreaterThanOrEqual(Math.floor(started / 1000) * 1000);
    }

    const removed = await r.cli(['rider', 'remove', drop?.name ?? '']);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toBe(`Removed ${drop?.name} and 8 cached workouts.\n`);
    expect(
      JSON.parse((await r.cli(['rider', 'list', '--json'])).stdout).map((x: { id: string }) => x.id),
    ).toEqual([keep?.userId]);
    expect(cachedWorkouts(r.dir, drop?.userId)).toEqual([]);
    expect(cachedWorkouts(r.dir, keep?.userId)).toHaveLength(8);
    expect(secretKeys(r.dir)).not.toContain(`peloton:${drop?.userId}`);
    expect(secretKeys(r.dir)).toContain(`peloton:${keep?.userId}`);
    const state = await withServices(r, (s) =>
      s.cache.prepare('SELECT rider_id FROM sync_state ORDER BY rider_id').all(),
    );
    expect(state).toEqual([{ rider_id: keep?.userId }]);

    const sync = await syncJson(r);
    expect(sync.code).toBe(0);
    expect(sync.result.riders.map((x) => x.id)).toEqual([keep?.userId]);
    const unknown = await r.cli(['sync', '--rider', drop?.userId ?? '']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(`Unknown rider "${drop?.userId}"`);
  });

  it('prints one progress line per step to stderr when not on a terminal, and a summary on stdout', async () => {
    const r = await rig({ riders: 2, workoutsPerRider: 30 });
    await signInAll(r);
    const run = await r.cli(['sync']);
    expect(run.code).toBe(0);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.every((l) => /^.+: [a-z0-9 -]+ \d+\/\d+$/i.test(l))).toBe(true);
    expect(run.stderr).not.toContain('\r');
    for (const a of r.fake.accounts) {
      expect(lines).toContain(`${a.name}: workouts 1/1`);
      expect(lines.some((l) => l.startsWith(`${a.name}: details `))).toBe(true);
      expect(run.stdout).toContain(`${a.name}: 30 fetched, 30 new, 0 updated\n`);
    }
    expect(run.stdout).toMatch(/^\d+ requests to Peloton in \d+\.\d s\.$/m);

    // With --json, stdout is one JSON document and progress still goes to stderr.
    const json = await r.cli(['sync', '--json']);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    expect(json.stderr).toContain(': workouts 1/1\n');
  });
});
