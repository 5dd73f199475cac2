import { afterEach } from 'vitest';
import { createHandlers } from '../../src/main/api/handlers';
import { createServices, type Services } from '../../src/main/services';
import { tempDir } from './temp-dir';

const open: Services[] = [];

/** Real services over a fresh data folder (real SQLite, real files), closed after the test. */
export function makeServices(env: NodeJS.ProcessEnv = {}): Services {
  const services = createServices({ dataDir: tempDir(), face: 'serve', env });
  open.push(services);
  return services;
}

export function makeHandlers(services = makeServices()) {
  return createHandlers(services);
}

afterEach(() => {
  for (const s of open.splice(0)) s.close();
});
