// Makes better-sqlite3 loadable by the runtime about to use it, without the two
// builds ever replacing each other:
//   node scripts/native-runtime.mjs node      before tests and the CLI: node_modules holds the Node build
//   node scripts/native-runtime.mjs electron  before `npm start`: .native/electron-<v>/ holds Electron's
// The app passes the Electron build to better-sqlite3 as its nativeBinding (src/main/electron/app-paths.ts).
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const moduleDir = join(root, 'node_modules', 'better-sqlite3');
const onWindows = process.platform === 'win32';

function run(command, args, options = {}) {
  return spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    shell: onWindows && command === 'npm',
    ...options,
  });
}

function loadsInNode() {
  return run(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"]).status === 0;
}

function forNode() {
  if (loadsInNode()) return;
  console.log('better-sqlite3 does not load in this Node; rebuilding it (about a minute)...');
  run('npm', ['rebuild', 'better-sqlite3'], { stdio: 'inherit' });
  if (!loadsInNode()) {
    console.error(
      'better-sqlite3 still does not load in Node after `npm rebuild better-sqlite3`: see the output above.',
    );
    process.exit(1);
  }
}

// node-gyp as bundled with npm, so no download and no extra dependency.
function nodeGypPath() {
  const npmCli = process.env.npm_execpath;
  const npmDir =
    npmCli && /npm-cli\.js$/.test(npmCli)
      ? resolve(dirname(npmCli), '..')
      : join(run('npm', ['root', '-g']).stdout.trim(), 'npm');
  return createRequire(import.meta.url).resolve('node-gyp/bin/node-gyp.js', { paths: [npmDir] });
}

function forElectron() {
  const version = JSON.parse(
    readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;
  const targetDir = join(root, '.native', `electron-${version}`);
  const target = join(targetDir, 'better_sqlite3.node');
  if (existsSync(target)) return;

  console.log(`Building better-sqlite3 for Electron ${version} into .native/ (once, a minute or two)...`);
  mkdirSync(join(root, '.native'), { recursive: true });
  const work = mkdtempSync(join(root, '.native', 'build-'));
  const log = join(root, '.native', `electron-${version}-build.log`);
  // A clean copy, without the Node build's build/ folder, so node_modules is never touched.
  const builtDir = join(moduleDir, 'build');
  try {
    cpSync(moduleDir, work, {
      recursive: true,
      filter: (path) => path !== builtDir && !path.startsWith(`${builtDir}${sep}`),
    });
    const gyp = run(
      process.execPath,
      [
        nodeGypPath(),
        'rebuild',
        '--release',
        `--target=${version}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: work },
    );
    const output = `${gyp.stdout ?? ''}${gyp.stderr ?? ''}${gyp.error ? String(gyp.error) : ''}`;
    writeFileSync(log, output);
    if (gyp.status !== 0) {
      const network =
        /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|fetch failed|getaddrinfo|request to .* failed|network connectivity|install got an error/i;
      console.error(
        network.test(output)
          ? `Could not build better-sqlite3 for Electron ${version}: needs network access to fetch Electron headers from https://electronjs.org/headers (log: ${log}).`
          : `Could not build better-sqlite3 for Electron ${version}: node-gyp failed (log: ${log}).`,
      );
      process.exitCode = 1;
      return;
    }
    mkdirSync(targetDir, { recursive: true });
    copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
    console.log(`Built ${target}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const mode = process.argv[2];
if (mode === 'node') forNode();
else if (mode === 'electron') forElectron();
else {
  console.error('Usage: node scripts/native-runtime.mjs node|electron');
  process.exit(2);
}
