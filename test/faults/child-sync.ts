import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import type { Folder } from './world';

const MAIN = resolve(__dirname, '../../src/main/cli/main.ts');
const ROOT = resolve(__dirname, '../..');

export type ChildRun = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/**
 * `spoke sync --json` as a real process (the CLI's entry point under tsx, as the
 * targets' crash tests run it), so that SIGKILL is real. `onLine` sees each
 * stderr line as it arrives.
 */
export function spawnSyncCli(
  folder: Folder,
  onLine?: (line: string, child: ChildProcess) => void,
  readOnly: string[] = [],
): { child: ChildProcess; done: Promise<ChildRun> } {
  const args = ['--import', 'tsx', MAIN, 'sync', '--json', '--data-dir', folder.dir];
  const env = { ...process.env, ...folder.env };
  // As root, permissions stop no write: the paths (temporary folders, no spaces)
  // become read-only bind mounts seen by this process alone (a private mount namespace).
  const script =
    'set -e; for p in $SPOKE_RO; do mount --bind "$p" "$p"; mount -o remount,bind,ro "$p" "$p"; done; exec "$SPOKE_NODE" "$@"';
  const child =
    readOnly.length > 0 && readOnlyBy() === 'bind'
      ? spawn('unshare', ['-m', 'sh', '-c', script, 'sh', ...args], {
          cwd: ROOT,
          env: { ...env, SPOKE_NODE: process.execPath, SPOKE_RO: readOnly.join(' ') },
          stdio: ['ignore', 'pipe', 'pipe'],
        })
      : spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    partial += chunk.toString();
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) onLine?.(line, child);
  });
  const done = new Promise<ChildRun>((resolveRun) =>
    child.on('close', (code, signal) => resolveRun({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

let method: 'chmod' | 'bind' | null | undefined;

/**
 * How this machine can make a folder read-only to a Spoke process: permissions
 * (not root), a read-only bind mount in a private mount namespace (root, where
 * permissions stop nothing), or not at all (null).
 */
export function readOnlyBy(): 'chmod' | 'bind' | null {
  if (method !== undefined) return method;
  if (userInfo().uid !== 0) {
    method = 'chmod';
    return method;
  }
  const dir = mkdtempSync(join(tmpdir(), 'spoke-ro-probe-'));
  const probe = spawnSync(
    'unshare',
    [
      '-m',
      'sh',
      '-c',
      'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1" && ! touch "$1/x"',
      'sh',
      dir,
    ],
    { stdio: 'ignore' },
  );
  method = probe.status === 0 && readdirSync(dir).length === 0 ? 'bind' : null;
  rmSync(dir, { recursive: true, force: true });
  return method;
}

/** With permissions: takes write access away from these paths and everything in them; returns the undo. */
export function chmodReadOnly(paths: string[]): () => void {
  if (readOnlyBy() !== 'chmod') return () => {};
  const all = paths.flatMap(walk);
  const modes = all.map((p) => [p, statSync(p).mode] as const);
  for (const [p, mode] of modes) chmodSync(p, mode & ~0o222);
  return () => {
    for (const [p, mode] of modes.reverse()) chmodSync(p, mode);
  };
}

function walk(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return [path, ...readdirSync(path).flatMap((name) => walk(join(path, name)))];
}
