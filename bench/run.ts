import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Bench, BenchFigure } from './types';

// `npm run bench [-- NAME...]`: runs the benchmarks, prints their figures as a table,
// and writes them to bench/results.json (BENCHMARKS.md records and explains them).
const all: Record<string, () => Promise<{ bench: Bench }>> = {
  reports: () => import('./reports.bench'),
  import: () => import('./import.bench'),
  postgres: () => import('./postgres.bench'),
  sync: () => import('./sync.bench'),
  dashboard: () => import('./dashboard.bench'),
};

async function main() {
  const wanted = process.argv.slice(2);
  const names = wanted.length ? wanted : Object.keys(all);
  const results: Record<string, BenchFigure[]> = {};
  let failed = 0;
  for (const name of names) {
    const load = all[name];
    if (!load) throw new Error(`Unknown benchmark "${name}". Known: ${Object.keys(all).join(', ')}`);
    const { bench } = await load();
    process.stderr.write(`\n== ${bench.title}\n`);
    const figures = await bench.run();
    results[name] = figures;
    for (const f of figures) {
      if (f.pass === false) failed++;
      const mark = f.pass === undefined ? ' ' : f.pass ? '✓' : '✗';
      process.stdout.write(
        `${mark} ${f.name.padEnd(48)} ${fmt(f.value).padStart(12)} ${f.unit.padEnd(8)} ${f.target ?? ''}${f.note ? `  (${f.note})` : ''}\n`,
      );
    }
  }
  writeFileSync(
    resolve(__dirname, 'results.json'),
    `${JSON.stringify({ at: new Date().toISOString(), results }, null, 2)}\n`,
  );
  if (failed) {
    process.stderr.write(`\n${failed} figure(s) missed their target.\n`);
    process.exitCode = 1;
  }
}

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 2 : 1));

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
