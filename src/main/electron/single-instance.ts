import { app, type BrowserWindow } from 'electron';

/**
 * One Spoke per data folder: two would run two syncs and two writers on the same
 * cache. Returns false when another instance holds the lock (this one should
 * quit); otherwise a later launch brings the existing window to the front.
 */
export function claimSingleInstance(currentWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const window = currentWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
