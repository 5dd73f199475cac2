import type { BrowserWindowConstructorOptions } from 'electron';

export type WindowOptionsInput = {
  preloadPath: string;
  /** Used on Linux, where the window icon is not taken from the app bundle. */
  iconPath?: string;
  platform: NodeJS.Platform;
  darkTheme: boolean;
};

/**
 * The main window's options, pure so a test can hold the security baseline in
 * place: the renderer runs isolated and sandboxed with no Node, web security
 * on, and no <webview>; it reaches the main side only through the preload.
 */
export function mainWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Spoke',
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 600,
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    backgroundColor: input.darkTheme ? '#0f1720' : '#f6f8fa',
    autoHideMenuBar: true,
    ...(input.platform === 'linux' && input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}
