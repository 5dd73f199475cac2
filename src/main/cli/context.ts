import { resolveDataDir } from '../data-dir';
import { createServices, type Services } from '../services';
import type { CliIo } from './io';

/** Builds the services for one command from --data-dir / SPOKE_DATA_DIR, and closes them after. */
export async function withServices<T>(
  io: CliIo,
  dataDir: string | undefined,
  face: 'cli' | 'serve',
  run: (services: Services) => Promise<T> | T,
): Promise<T> {
  const services = createServices({ dataDir: resolveDataDir(dataDir, io.env), face, env: io.env });
  try {
    return await run(services);
  } finally {
    services.close();
  }
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
