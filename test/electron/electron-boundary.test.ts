import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) ? [path] : [];
  });
}

const importsElectron = (code: string) =>
  /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]electron(?:\/[^'"]*)?['"]/.test(code);

describe('the Electron boundary', () => {
  it('keeps every import of electron in src/main/electron and src/preload, so the CLI and server run in plain Node', () => {
    const offenders = sourceFiles(src)
      .map((file) => relative(src, file).split(sep).join('/'))
      .filter((file) => !file.startsWith('main/electron/') && !file.startsWith('preload/'))
      .filter((file) => importsElectron(readFileSync(join(src, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('keeps the preload free of the schema library and of main-side code (it runs sandboxed)', () => {
    for (const file of sourceFiles(join(src, 'preload'))) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/from\s+['"](zod|\.\.\/main\/|node:)/);
    }
  });
});
