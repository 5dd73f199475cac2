import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type FakePeloton, startFakePeloton } from '../e2e/fake-peloton';
import { createServices } from '../src/main/services';
import type { Bench, BenchFigure } from './types';

const LATENCY_MS = 25;
const PER_RIDER = 1_500;
const BACKFILL = 20_000;

/** Signs every account of the fake in, in a fresh data folder; returns the services. */
async function signedIn(fake: FakePeloton, dir: string) {
  const env = {
    SPOKE_PELOTON_API_URL: fake.apiUrl,
    SPOKE_PELOTON_AUTH_URL: fake.authUrl,
    SPOKE_LOG_LEVEL: 'warn',
  };
  const services = createServices({ dataDir: dir, face: 'cli', env });
  const { signInWithTokens } = await import('../src/main/peloton/sign-in');
  for (const account of fake.accounts) {
    const t = fake.admin.issueTokens(account.email);
    await signInWithTokens(
      { cache: services.cache, endpoints: services.peloton.endpoints(), tokens: services.peloton.tokens },
      {
        accessToken: t.access_token,
        refreshToken: t.refresh_token ?? null,
        expiresAt: Date.now() + t.expires_in * 1000,
      },
    );
  }
  return services;
}

/**
 * The original pipeline's request pattern, sequential: /api/me, every workouts page
 * until an empty one, the first instructors page, then one /api/workout/{id} per workout.
 */
async function originalPattern(fake: FakePeloton): Promise<number> {
  let requests = 0;
  for (const account of fake.accounts) {
    const token = fake.admin.issueTokens(account.email).access_token;
    const get = async (path: string) => {
      requests++;
      const res = await fetch(`${fake.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
      return (await res.json()) as { id?: string; data?: { id: string }[] };
    };
    const me = await get('/api/me');
    const ids: string[] = [];
    for (let page = 0; ; page++) {
      const res = await get(`/api/user/${me.id}/workouts?limit=100&page=${page}`);
      if (!res.data?.length) break;
      ids.push(...res.data.map((w) => w.id));
    }
    await get('/api/instructor?limit=100');
    for (const id of ids) await get(`/api/workout/${id}`);
  }
  return requests;
}

/** Runs the built `spoke` command (never spawnSync: the fake answering it lives in this process). */
function spoke(
  args: string[],
  env: NodeJS.ProcessEnv,
  stdin = '',
): Promise<{ stdout: string; stderr: string }> {
  const root = resolve(__dirname, '..');
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      [join(root, 'bench/peak-rss.cjs'), join(root, 'bin/spoke.js'), ...args],
      {
        env,
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.stdin.end(stdin);
    child.on('exit', (code) => (code === 0 ? resolvePromise({ stdout, stderr }) : reject(new Error(stderr))));
  });
}

export const bench: Bench = {
  title: `sync: 2 riders × ${PER_RIDER.toLocaleString('en')} workouts at ${LATENCY_MS} ms per request; ${BACKFILL.toLocaleString('en')}-workout backfill memory`,
  async run() {
    const figures: BenchFigure[] = [];
    const fake = await startFakePeloton({
      seed: 3,
      riders: 2,
      workoutsPerRider: PER_RIDER,
      latencyMs: LATENCY_MS,
    });
    const dir = mkdtempSync(join(tmpdir(), 'spoke-bench-'));
    try {
      const services = await signedIn(fake, dir);
      fake.admin.resetStats();
      let t = performance.now();
      const first = await services.sync();
      const spokeMs = performance.now() - t;
      const stats = fake.admin.stats();
      t = performance.now();
      const again = await services.sync();
      const againMs = performance.now() - t;
      services.close();
      t = performance.now();
      const originalRequests = await originalPattern(fake);
      const originalMs = performance.now() - t;
      const inserted = first.riders.reduce((n, r) => n + r.inserted, 0);
      if (inserted !== 2 * PER_RIDER)
        throw new Error(`sync bench: expected ${2 * PER_RIDER} workouts, got ${inserted}`);
      figures.push(
        {
          name: 'Spoke first sync, wall time',
          value: spokeMs / 1000,
          unit: 's',
          note: `${first.requests} requests, max ${stats.maxInFlightPerToken} in flight`,
        },
        {
          name: 'original request pattern, wall time',
          value: originalMs / 1000,
          unit: 's',
          note: `${originalRequests} sequential requests`,
        },
        {
          name: 'original ÷ Spoke',
          value: originalMs / spokeMs,
          unit: '×',
          target: '> 4×',
          pass: originalMs / spokeMs > 4,
        },
        {
          name: 'sync with nothing new: requests per rider',
          value: again.requests / 2,
          unit: 'requests',
          target: '≤ 2',
          pass: again.requests / 2 <= 2,
          note: `${(againMs / 1000).toFixed(2)} s`,
        },
      );
    } finally {
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    }

    // Peak RSS of `spoke sync` (the built CLI) doing a 20,000-workout backfill, in its own process.
    const big = await startFakePeloton({ seed: 4, riders: [{ workouts: BACKFILL }] });
    const bigDir = mkdtempSync(join(tmpdir(), 'spoke-bench-'));
    try {
      const token = big.admin.issueTokens(big.accounts[0]?.email ?? '');
      const env = { ...process.env, SPOKE_PELOTON_API_URL: big.apiUrl, SPOKE_PELOTON_AUTH_URL: big.authUrl };
      await spoke(
        ['rider', 'add', '--refresh-token-stdin', '--data-dir', bigDir],
        env,
        `${token.refresh_token}\n`,
      );
      const started = performance.now();
      const run = await spoke(['sync', '--json', '--data-dir', bigDir], env);
      const seconds = (performance.now() - started) / 1000;
      const workouts =
        (JSON.parse(run.stdout) as { riders: { inserted: number }[] }).riders[0]?.inserted ?? 0;
      const maxRssMb = Number(/PEAK_RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? Number.NaN) / 1024;
      figures.push({
        name: `backfill of ${workouts.toLocaleString('en')} workouts: peak RSS`,
        value: maxRssMb,
        unit: 'MB',
        target: '< 300 MB',
        pass: maxRssMb < 300,
        note: `${seconds.toFixed(1)} s`,
      });
    } finally {
      await big.close();
      rmSync(bigDir, { recursive: true, force: true });
    }
    return figures;
  },
};
