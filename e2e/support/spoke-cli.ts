import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const SEED_CSV = resolve(ROOT, '../shared/data/seed/all_rides.csv');
const BIN = join(ROOT, 'bin/spoke.js');

export function newDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'spoke-e2e-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs the built `spoke` command to completion; throws with its stderr on failure. */
export function spokeSync(args: string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

/**
 * Runs the built `spoke` command without blocking this process (which may host the fake
 * Peloton it talks to), with `input` on its standard input; rejects with its stderr on failure.
 */
export function spokeRun(args: string[], env: NodeJS.ProcessEnv = {}, input = ''): Promise<string> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => {
    stdout += c;
  });
  child.stderr.on('data', (c) => {
    stderr += c;
  });
  child.stdin.end(input);
  return new Promise((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolvePromise(stdout)
        : reject(new Error(`spoke ${args[0]} exited with ${code}: ${stderr}`)),
    );
  });
}

export type Served = { url: string; process: ChildProcess; stop(): Promise<void> };

/** Starts `spoke serve --port 0` and resolves with the URL it prints first. */
export function spokeServe(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c) => {
    stderr += c;
  });
  return new Promise((resolvePromise, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) {
        resolvePromise({
          url: line.trim(),
          process: child,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`spoke serve exited with ${code}: ${stderr}`)));
  });
}
