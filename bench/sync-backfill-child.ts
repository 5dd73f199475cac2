import { signInWithTokens } from '../src/main/peloton/sign-in';
import { createServices } from '../src/main/services';

// Runs one backfill in its own process and prints its peak resident memory (bench/sync.bench.ts).
async function main() {
  const services = createServices({ dataDir: process.env.BENCH_DIR ?? '', face: 'cli', env: process.env });
  const t = JSON.parse(process.env.BENCH_TOKENS ?? '{}') as {
    access_token: string;
    refresh_token?: string;
    expires_in: number;
  };
  await signInWithTokens(
    { cache: services.cache, endpoints: services.peloton.endpoints(), tokens: services.peloton.tokens },
    {
      accessToken: t.access_token,
      refreshToken: t.refresh_token ?? null,
      expiresAt: Date.now() + t.expires_in * 1000,
    },
  );
  const start = performance.now();
  const result = await services.sync();
  const workouts = result.riders.reduce((n, r) => n + r.inserted, 0);
  services.close();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${JSON.stringify({ maxRssMb, seconds: (performance.now() - start) / 1000, workouts })}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exitCode = 1;
});
