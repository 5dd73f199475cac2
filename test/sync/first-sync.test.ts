import { describe, expect, it } from 'vitest';
import { fakeEnv, fakePeloton } from '../helpers/fake';
import { spoke } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-dir';

describe('rider add + sync against the fake Peloton', () => {
  it('signs in with PKCE, syncs every workout, and a second sync costs at most 2 requests per rider', async () => {
    const fake = await fakePeloton();
    const env = fakeEnv(fake);
    const dir = tempDir();
    for (const account of fake.accounts) {
      const added = await spoke(
        ['rider', 'add', '--email', account.email, '--password-stdin', '--json', '--data-dir', dir],
        {
          stdin: `${account.password}\n`,
          env,
        },
      );
      expect(added.stderr).toBe('');
      expect(JSON.parse(added.stdout)).toEqual({
        id: account.userId,
        name: account.name,
        username: account.username,
      });
    }
    const first = await spoke(['sync', '--json', '--data-dir', dir], { env });
    expect(first.stderr.split('\n').filter((l) => l.startsWith('spoke:'))).toEqual([]);
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout);
    expect(result.riders).toHaveLength(2);
    for (const r of result.riders) expect(r.inserted).toBe(60);

    fake.admin.resetStats();
    const second = await spoke(['sync', '--json', '--data-dir', dir], { env });
    const again = JSON.parse(second.stdout);
    expect(again.riders.map((r: { inserted: number }) => r.inserted)).toEqual([0, 0]);
    expect(again.requests).toBeLessThanOrEqual(4);
  });
});
