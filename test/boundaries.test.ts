import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx|mts|cts)$/.test(f))
    .map((f) => join(dir, f));
}

const importsOf = (file: string): string[] =>
  [
    ...readFileSync(join(root, file), 'utf8').matchAll(
      /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g,
    ),
  ].map((m) => m[1] ?? '');

describe('architecture boundaries (spec/architecture.md)', () => {
  it("only src/main/electron/, the Electron entry and the preload import 'electron'", () => {
    const offenders = sources('src')
      .filter(
        (f) =>
          !f.startsWith('src/main/electron/') && f !== 'src/main/index.ts' && !f.startsWith('src/preload/'),
      )
      .filter((f) => importsOf(f).some((i) => i === 'electron' || i.startsWith('electron/')));
    expect(offenders).toEqual([]);
  });

  it('the renderer never imports from src/main (it talks only through the API contract)', () => {
    const offenders = sources('src/renderer').filter((f) =>
      importsOf(f).some((i) => {
        if (!i.startsWith('.')) return false;
        const target = relative(root, resolve(root, f, '..', i));
        return target.startsWith('src/main') || target.startsWith('src/preload');
      }),
    );
    expect(offenders).toEqual([]);
  });

  it('src/shared imports neither Node nor the DOM nor other layers', () => {
    const offenders = sources('src/shared').filter((f) =>
      importsOf(f).some(
        (i) => i.startsWith('node:') || i.startsWith('..') || ['fs', 'path', 'electron', 'react'].includes(i),
      ),
    );
    expect(offenders).toEqual([]);
    const code = (f: string) => readFileSync(join(root, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const domUse = sources('src/shared').filter((f) => /\b(window|document|localStorage)\./.test(code(f)));
    expect(domUse).toEqual([]);
  });

  it('the checks above look at real files (they would catch an offender)', () => {
    expect(sources('src/shared').length).toBeGreaterThan(3);
    expect(importsOf('src/shared/contract.ts')).toContain('zod');
  });
});
