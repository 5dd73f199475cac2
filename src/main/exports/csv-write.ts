import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors';
import { guardFormula } from '../imports/formula-guard';

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One RFC 4180 record, LF-terminated: each field formula-guarded (see
 * formula-guard.ts), then put in double quotes (inner quotes doubled) only when it
 * holds a comma, a quote or a line break, as pandas writes CSV.
 */
export function csvLine(fields: readonly string[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    const f = guardFormula(fields[i] ?? '');
    if (i > 0) line += ',';
    line += NEEDS_QUOTES.test(f) ? `"${f.replace(/"/g, '""')}"` : f;
  }
  return `${line}\n`;
}

/**
 * Writes a file atomically: the text goes to a temporary file beside it, flushed
 * to disk, then renamed over the target, so a reader sees the old file or the new
 * one, never half of one, and a failure leaves the old file as it was.
 */
export function writeFileAtomic(path: string, text: string): void {
  const dir = dirname(path);
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    // no such file yet: fine
  }
  if (isDir) throw new UserError(`Cannot export to ${path}: it is a folder; give a file name.`, 'bad_input');
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    const bytes = Buffer.from(text, 'utf8');
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? `the folder ${dir} does not exist`
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'permission denied'
          : code === 'ENOSPC'
            ? 'the disk is full'
            : 'the file cannot be written';
    throw new UserError(`Cannot export to ${path}: ${why}.`, 'failed');
  }
}
