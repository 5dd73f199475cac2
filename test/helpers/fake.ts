import { afterEach } from 'vitest';
import { type FakePeloton, type FakePelotonOptions, startFakePeloton } from '../../e2e/fake-peloton';

const running: FakePeloton[] = [];

/** A fake Peloton on loopback for one test, closed afterwards. */
export async function fakePeloton(options: FakePelotonOptions = {}): Promise<FakePeloton> {
  const fake = await startFakePeloton({ seed: 7, riders: 2, workoutsPerRider: 60, ...options });
  running.push(fake);
  return fake;
}

/** The environment that points Spoke at a fake (retries kept short so fault tests stay quick). */
export function fakeEnv(fake: FakePeloton): NodeJS.ProcessEnv {
  return {
    SPOKE_PELOTON_API_URL: fake.apiUrl,
    SPOKE_PELOTON_AUTH_URL: fake.authUrl,
    SPOKE_RETRY_BASE_MS: '5',
  };
}

afterEach(async () => {
  for (const f of running.splice(0)) await f.close();
});
