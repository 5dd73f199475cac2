import type { Configuration } from 'electron-builder';

/**
 * How the desktop app is packaged: `electron-builder --config electron-builder.config.ts`
 * after `npm run build`. It downloads Electron, so it cannot run on the machines
 * that test Spoke; test/packaging/ keeps this file valid against electron-builder's
 * own schema and holds the security choices below in place.
 */
const ICON = 'resources/icon.png';

const config: Configuration = {
  appId: 'app.spoke.desktop',
  productName: 'Spoke',
  copyright: 'Copyright © Spoke contributors',
  directories: { output: 'dist' },

  // Only what runs: the bundles electron-vite built, and the window icon the main
  // process loads on Linux (src/main/electron/app-paths.ts). package.json and the
  // production node_modules are added by electron-builder; sources, tests, the
  // dev-only .native/ build of better-sqlite3 and the CLI's bin/ stay out.
  files: ['out/**/*', '!out/**/*.map', ICON],
  asar: true,
  // A native module cannot be loaded from inside the archive.
  asarUnpack: ['**/node_modules/better-sqlite3/**'],
  // Rebuilds better-sqlite3 against the Electron version being packaged.
  npmRebuild: true,

  // Flipped in the Electron binary right before signing. Each one closes a way to run
  // code other than the app's own with the app's identity and keychain access:
  electronFuses: {
    // ELECTRON_RUN_AS_NODE=1 would turn the signed binary into a plain Node.
    runAsNode: false,
    // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could preload code or trust a rogue CA.
    enableNodeOptionsEnvironmentVariable: false,
    // --inspect and SIGUSR1 would open a debugger into the main process.
    enableNodeCliInspectArguments: false,
    // The app code is the validated app.asar and nothing else (macOS and Windows check it).
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // Peloton's sign-in window keeps Auth0 cookies: encrypt them with the OS keychain.
    enableCookieEncryption: true,
    // The renderer is served from app://, never file://: no extra file:// powers.
    grantFileProtocolExtraPrivileges: false,
    // No custom V8 snapshot ships; turning this on would look for one that is not there.
    loadBrowserProcessSpecificV8Snapshot: false,
  },

  linux: {
    target: ['AppImage', 'deb'],
    icon: ICON,
    category: 'Utility',
    synopsis: 'Peloton workouts as analytics, synced to SQLite, CSV, S3 and Postgres',
  },
  mac: {
    target: ['dmg'],
    icon: ICON,
    category: 'public.app-category.healthcare-fitness',
    hardenedRuntime: true,
  },
  win: {
    target: ['nsis'],
    icon: ICON,
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    // The cache, the settings and the encrypted secrets are the user's; uninstalling keeps them.
    deleteAppDataOnUninstall: false,
  },
};

export default config;
