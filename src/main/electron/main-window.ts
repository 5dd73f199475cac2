import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-url';
import { mainWindowOptions, type WindowOptionsInput } from './window-options';

/** Opens the app's window on `app://spoke/` and shows it once its first frame is painted. */
export function createMainWindow(input: WindowOptionsInput): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(input));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
