import type { SpokeBridge } from '../shared/bridge';

declare global {
  interface Window {
    /** Set by the preload in the desktop app; absent in a browser talking to `spoke serve`. */
    spoke?: SpokeBridge;
  }
}
