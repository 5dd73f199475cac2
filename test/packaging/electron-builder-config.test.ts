import { readFileSync, type statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
// electron-builder's own loader, validator and file matcher (app-builder-lib is the
// package electron-builder re-exports and pins), so these tests read the config
// exactly as `electron-builder --config` does, without downloading Electron.
// (The package index first: its modules import each other in that order.)
import { PlatformPackager } from 'app-builder-lib';
import { getFileMatchers } from 'app-builder-lib/out/fileMatcher';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const CONFIG_FILE = 'electron-builder.config.ts';

let config: Configuration;

beforeAll(async () => {
  config = await getConfig(ROOT, CONFIG_FILE, null);
});

/** The fuse wire electron-builder writes into the Electron binary for this config. */
async function fuseWire(fuses: NonNullable<Configuration['electronFuses']>) {
  const generate = (
    PlatformPackager.prototype as unknown as {
      generateFuseConfig(f: typeof fuses): Promise<Record<string, unknown>>;
    }
  ).generateFuseConfig;
  return generate.call(null, fuses);
}

/** Whether a file (relative to the repository) would be copied into the app by `files`. */
function packagedBy(patterns: 'files' | 'asarUnpack', relative: string, isDirectory = false): boolean {
  const matchers = getFileMatchers(config, patterns, '/app', {
    macroExpander: (s: string) => s,
    customBuildOptions: {},
    globalOutDir: join(ROOT, 'dist'),
    defaultSrc: ROOT,
  });
  const matcher = matchers?.[0];
  if (!matcher) return false;
  // electron-builder adds package.json to an explicit list itself.
  if (patterns === 'files') matcher.addPattern('package.json');
  const stat = { isDirectory: () => isDirectory } as unknown as ReturnType<typeof statSync>;
  return matcher.createFilter()(join(ROOT, relative), stat as never);
}

describe('the electron-builder configuration', () => {
  it('loads through electron-builder’s own loader and passes its JSON schema', async () => {
    expect(config.productName).toBe('Spoke');
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would refuse a misspelt option, so the schema check above means something', async () => {
    const typo = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(typo as Configuration, new DebugLogger(false))).rejects.toThrow(
      /electronFuses/,
    );
  });

  it('builds an AppImage and a .deb on Linux, a .dmg on macOS and an NSIS installer on Windows', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
    for (const platform of [config.linux, config.mac, config.win]) {
      expect(platform?.icon).toBe('resources/icon.png');
    }
    const png = readFileSync(join(ROOT, 'resources/icon.png'));
    // At least 512 × 512, which electron-builder needs to make the macOS .icns.
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
  });

  it('keeps the user’s data when the Windows app is uninstalled', () => {
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
  });
});

describe('Electron fuses', () => {
  it('names only fuses that exist in @electron/fuses', () => {
    const fuses = config.electronFuses ?? {};
    const names = Object.keys(fuses).filter((k) => k !== 'resetAdHocDarwinSignature');
    const known = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    for (const name of names) {
      expect(known, name).toContain(name.charAt(0).toUpperCase() + name.slice(1));
    }
  });

  it('writes a decision for every fuse, closing every door a signed binary can be opened by', async () => {
    const wire = await fuseWire(config.electronFuses ?? {});
    expect(wire.version).toBe(FuseVersion.V1);
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      inspect: wire[FuseV1Options.EnableNodeCliInspectArguments],
      asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      fileProtocolPrivileges: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
      browserV8Snapshot: wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot],
    }).toEqual({
      runAsNode: false,
      nodeOptions: false,
      inspect: false,
      asarIntegrity: true,
      onlyAsar: true,
      cookieEncryption: true,
      fileProtocolPrivileges: false,
      browserV8Snapshot: false,
    });
    // A fuse added to a later @electron/fuses must be decided here too, not left at Electron's default.
    const fuseIndexes = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    for (const index of fuseIndexes) expect(typeof wire[index], `fuse ${index}`).toBe('boolean');
  });

  it('packs the app into an asar archive whose integrity is recorded', () => {
    expect(config.asar).toBe(true);
    expect(config.disableAsarIntegrity ?? false).toBe(false);
    expect(config.disableSanityCheckAsar ?? false).toBe(false);
  });
});

describe('what goes into the app', () => {
  it('carries the built main, preload and renderer, package.json and the window icon', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };
    for (const file of [
      pkg.main,
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index-abc.js',
      'resources/icon.png',
      'package.json',
    ]) {
      expect(packagedBy('files', file), file).toBe(true);
    }
  });

  it('leaves out sources, tests, secrets-bearing dev folders and the dev-only native build', () => {
    for (const file of [
      'src/main/index.ts',
      'test/packaging/electron-builder-config.test.ts',
      'e2e/overview.spec.ts',
      '.native/electron-45.5.0/better_sqlite3.node',
      '.spoke-dev/spoke.db',
      'out/main/index.js.map',
      'electron-builder.config.ts',
      'README.md',
    ]) {
      expect(packagedBy('files', file), file).toBe(false);
    }
  });

  it('unpacks better-sqlite3 from the archive (a native module cannot load from inside it), and nothing else', () => {
    expect(packagedBy('asarUnpack', 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(
      true,
    );
    expect(packagedBy('asarUnpack', 'node_modules/better-sqlite3/lib/index.js')).toBe(true);
    expect(packagedBy('asarUnpack', 'out/main/index.js')).toBe(false);
    expect(packagedBy('asarUnpack', 'node_modules/pg/lib/index.js')).toBe(false);
    expect(config.npmRebuild).toBe(true);
  });
});
