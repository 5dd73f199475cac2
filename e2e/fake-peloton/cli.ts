import { pathToFileURL } from 'node:url';
import { startFakePeloton } from './index';

const intFromEnv = (name: string, env: NodeJS.ProcessEnv): number | undefined => {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got ${raw}`);
  return n;
};

/**
 * The demo: starts the fake with ports and seed from the environment (FAKE_PELOTON_PORT_API,
 * FAKE_PELOTON_PORT_AUTH, FAKE_PELOTON_SEED, FAKE_PELOTON_WORKOUTS), prints where it listens
 * and the demo accounts, and runs until SIGINT or SIGTERM.
 */
export async function main(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = console.log,
): Promise<void> {
  const fake = await startFakePeloton({
    apiPort: intFromEnv('FAKE_PELOTON_PORT_API', env),
    authPort: intFromEnv('FAKE_PELOTON_PORT_AUTH', env),
    seed: intFromEnv('FAKE_PELOTON_SEED', env),
    workoutsPerRider: intFromEnv('FAKE_PELOTON_WORKOUTS', env),
  });
  log(`Fake Peloton API:  ${fake.apiUrl}`);
  log(`Fake Peloton auth: ${fake.authUrl}`);
  log(`Point Spoke at it: SPOKE_PELOTON_API_URL=${fake.apiUrl} SPOKE_PELOTON_AUTH_URL=${fake.authUrl}`);
  log('Demo accounts:');
  for (const a of fake.accounts)
    log(`  ${a.email}  password: ${a.password}  (${a.name}, ${a.timezone}, ${a.distanceUnit})`);
  log(`Admin: POST ${fake.apiUrl}/__admin/… (see e2e/fake-peloton/admin.ts). Ctrl-C stops.`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await fake.close();
}

// Run directly (e.g. `npx tsx e2e/fake-peloton/cli.ts` where tsx is available): start the demo.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
