import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { FakePeloton } from '../../e2e/fake-peloton';
import { createServices, type Services } from '../../src/main/services';
import { csvFolder } from '../../src/main/targets/deliver-targets';
import { fakeEnv } from '../helpers/fake';
import { spoke } from '../helpers/run-cli';
import { SEED_CSV, tempDir } from '../helpers/temp-dir';

const open: Services[] = [];

afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** Real services over `dataDir` with this environment, closed after the test. */
export function servicesAt(dataDir: string, env: NodeJS.ProcessEnv = {}): Services {
  const services = createServices({ dataDir, face: 'cli', env });
  open.push(services);
  return services;
}

/** A data folder where every rider of the fake is signed in (with `spoke rider add`). */
export async function signedInFolder(fake: FakePeloton, dir = tempDir()): Promise<string> {
  for (const account of fake.accounts) {
    const added = await spoke(
      ['rider', 'add', '--email', account.email, '--password-stdin', '--data-dir', dir],
      {
        stdin: `${account.password}\n`,
        env: fakeEnv(fake),
      },
    );
    expect(added.code, added.stderr).toBe(0);
  }
  return dir;
}

/** Sets settings as `spoke settings set` would (secrets encrypted). */
export function configure(services: Services, set: Record<string, string | boolean>): void {
  services.settings.update({ set });
}

/** Every daily CSV of a data folder: file name → bytes as text. */
export function csvFiles(dataDir: string): Map<string, string> {
  const dir = csvFolder(dataDir);
  let names: string[] = [];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();
  } catch {
    // no folder yet
  }
  return new Map(names.map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
}

/** What the sync progress events said, per step. */
export function recordProgress(services: Services): string[] {
  const steps: string[] = [];
  services.events.on('sync:progress', (p) => {
    if (p.riderId === '' && !steps.includes(p.step)) steps.push(p.step);
  });
  return steps;
}

/**
 * A small slice of the original's all_rides.csv, as a file: Bryan's newest `newest`
 * rows, plus the rows with these ids. Tests that write a CSV file per day stay quick.
 */
export function seedSlice(newest = 30, ids: string[] = []): string {
  const [header, ...lines] = readFileSync(SEED_CSV, 'utf8').trimEnd().split('\n');
  const picked = [...lines.slice(0, newest), ...lines.filter((l) => ids.some((id) => l.startsWith(id)))];
  const path = join(tempDir(), 'slice.csv');
  writeFileSync(path, `${[header, ...picked].join('\n')}\n`);
  return path;
}
