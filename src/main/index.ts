import { startApp } from './electron/start-app';

// The Electron entry (out/main/index.js): everything else lives in ./electron.
startApp();
