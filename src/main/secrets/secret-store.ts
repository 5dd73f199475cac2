import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** Turns a secret into bytes only its owner can turn back (safeStorage, or AES-GCM headless). */
export type Encryptor = {
  readonly kind: string;
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
};

/** Where credentials live: never in plain text on disk, never in logs, never sent to the renderer. */
export type SecretStore = {
  get(key: string): string | null;
  has(key: string): boolean;
  set(key: string, value: string): void;
  delete(key: string): void;
  keys(): string[];
};

/**
 * A JSON file of sealed values, one per key. Every write goes to a temporary file
 * that is renamed over the old one, so a crash never leaves half a file.
 */
export function createEncryptedFileStore(path: string, encryptor: Encryptor): SecretStore {
  const read = (): Record<string, string> => {
    if (!existsSync(path)) return {};
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as {
      kind?: string;
      values?: Record<string, string>;
    };
    return parsed.values ?? {};
  };
  const write = (values: Record<string, string>) => {
    const tmp = `${path}.tmp-${process.pid}`;
    writeFileSync(tmp, `${JSON.stringify({ kind: encryptor.kind, values }, null, 2)}\n`, { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, path);
  };
  return {
    get(key) {
      const sealed = read()[key];
      return sealed === undefined ? null : encryptor.decrypt(Buffer.from(sealed, 'base64'));
    },
    has(key) {
      return read()[key] !== undefined;
    },
    set(key, value) {
      const values = read();
      values[key] = encryptor.encrypt(value).toString('base64');
      write(values);
    },
    delete(key) {
      const values = read();
      if (values[key] === undefined) return;
      delete values[key];
      write(values);
    },
    keys() {
      return Object.keys(read());
    },
  };
}
