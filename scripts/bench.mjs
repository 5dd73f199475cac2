#!/usr/bin/env node
// `npm run bench`: bundles bench/run.ts and the Spoke code it measures with esbuild, as
// the shipped app and CLI are bundled, and runs the bundle with plain Node. (Run through
// tsx's on-the-fly loader, the same import measured 10 to 20 % slower.) Arguments pass
// through: `npm run bench -- reports import`.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const outfile = resolve(root, 'out/bench/run.cjs');
await build({
  entryPoints: [resolve(root, 'bench/run.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  outfile,
  // The benchmarks find the repository and write results.json relative to bench/.
  define: { __dirname: JSON.stringify(resolve(root, 'bench')) },
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
