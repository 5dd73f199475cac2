import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * Stand-ins for the parts of 'electron' Spoke uses, for `vi.mock('electron', () =>
 * import('./fake-electron'))`: the Electron binary cannot run on the machines that
 * test Spoke, and electron is the only thing these tests mock.
 */

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain {
  readonly handlers = new Map<string, InvokeHandler>();
  handle = vi.fn((channel: string, handler: InvokeHandler) => {
    // Like Electron: a second handler for one channel is a programming error.
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  });
  removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel);
  });
  /** Calls a channel as a renderer in a frame showing `frameUrl` would. */
  async invokeFrom(frame: FakeFrame | null, channel: string, input?: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: frame, sender: {} }, input);
  }
  reset() {
    this.handlers.clear();
    this.handle.mockClear();
    this.removeHandler.mockClear();
  }
}

export type FakeFrame = { url: string; parent: FakeFrame | null };

export function frameAt(url: string, parent: FakeFrame | null = null): FakeFrame {
  return { url, parent };
}

class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (_channel: string, _input?: unknown): Promise<unknown> => ({ ok: true, value: null }));
  /** Delivers a message from the main side, with the event object Electron passes first. */
  deliver(channel: string, payload: unknown) {
    this.emit(channel, { sender: this, senderId: 0, ports: [] }, payload);
  }
}

class FakeWebContents extends EventEmitter {
  destroyed = false;
  send = vi.fn((_channel: string, _payload: unknown) => undefined);
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  isDestroyed() {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

/** A navigation-style event: `url` plus a recorded preventDefault. */
export function navigationEvent(url: string) {
  return {
    url,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  visible = false;
  minimized = false;
  focused = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL = vi.fn(async (url: string) => {
    this.loadedUrl = url;
  });
  destroyed = false;
  isDestroyed() {
    return this.destroyed;
  }
  close() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  }
  show() {
    this.visible = true;
  }
  focus() {
    this.focused = true;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
}

class FakeApp extends EventEmitter {
  hasLock = true;
  paths: Record<string, string> = {};
  appPath = '/nonexistent/spoke';
  requestSingleInstanceLock = vi.fn(() => this.hasLock);
  getPath = vi.fn((name: string) => this.paths[name] ?? `/nonexistent/${name}`);
  setPath = vi.fn((name: string, path: string) => {
    this.paths[name] = path;
  });
  getAppPath = vi.fn(() => this.appPath);
  whenReady = vi.fn(() => Promise.resolve());
  quit = vi.fn();
  exit = vi.fn();
}

class FakeSession {
  headersListener:
    | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void)
    | null = null;
  permissionRequestHandler:
    | ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void)
    | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;
  webRequest = {
    onHeadersReceived: (listener: FakeSession['headersListener']) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']) {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermissionHandler']) {
    this.devicePermissionHandler = handler;
  }
}

type ProtocolHandler = (request: { url: string }) => Promise<Response> | Response;

export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed.set(key, api);
  }),
};
export const safeStorage = {
  backend: 'gnome_libsecret' as string,
  available: true,
  getSelectedStorageBackend: vi.fn(() => safeStorage.backend),
  isEncryptionAvailable: vi.fn(() => safeStorage.available),
  encryptString: vi.fn((plain: string) => Buffer.from(`sealed:${plain}`)),
  decryptString: vi.fn((sealed: Buffer) => sealed.toString().replace(/^sealed:/, '')),
};
export const protocol = {
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn((scheme: string, handler: ProtocolHandler) => {
    protocol.handlers.set(scheme, handler);
  }),
};
export const app = new FakeApp();
const partitions = new Map<string, FakeSession>();
export const session = {
  defaultSession: new FakeSession(),
  fromPartition: (name: string) => {
    const existing = partitions.get(name) ?? new FakeSession();
    partitions.set(name, existing);
    return existing;
  },
};
export const powerMonitor = new EventEmitter();
export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };
export const dialog = { showErrorBox: vi.fn() };
export const nativeTheme = { shouldUseDarkColors: false };
export const BrowserWindow = FakeBrowserWindow;
export { FakeSession, FakeWebContents };
