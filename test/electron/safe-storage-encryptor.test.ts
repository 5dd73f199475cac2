import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSafeStorageEncryptor } from '../../src/main/electron/safe-storage-encryptor';
import { UserError } from '../../src/main/errors';
import { createEncryptedFileStore } from '../../src/main/secrets/secret-store';
import { safeStorage } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

describe('secrets sealed with safeStorage', () => {
  beforeEach(() => {
    safeStorage.backend = 'gnome_libsecret';
    safeStorage.available = true;
    safeStorage.encryptString.mockClear();
    safeStorage.decryptString.mockClear();
  });

  it('round-trips through the OS keychain and never writes the secret in clear', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spoke-safe-'));
    try {
      const store = createEncryptedFileStore(
        join(dir, 'secrets.json'),
        createSafeStorageEncryptor({ env: {} }),
      );
      store.set('postgres.url', 'postgres://u:hunter2@db/x');
      expect(store.get('postgres.url')).toBe('postgres://u:hunter2@db/x');
      expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).not.toContain('hunter2');
      expect(safeStorage.encryptString).toHaveBeenCalledTimes(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to store or read secrets on Linux when only basic_text is available', () => {
    safeStorage.backend = 'basic_text';
    const encryptor = createSafeStorageEncryptor({ platform: 'linux', env: {} });
    expect(() => encryptor.encrypt('hunter2')).toThrow(UserError);
    expect(() => encryptor.encrypt('hunter2')).toThrow(/keyring.*SPOKE_ALLOW_BASIC_TEXT=1/s);
    expect(() => encryptor.decrypt(Buffer.from('sealed:x'))).toThrow(UserError);
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
    expect(safeStorage.decryptString).not.toHaveBeenCalled();
  });

  it('accepts basic_text when the user opted in with SPOKE_ALLOW_BASIC_TEXT=1', () => {
    safeStorage.backend = 'basic_text';
    const encryptor = createSafeStorageEncryptor({ platform: 'linux', env: { SPOKE_ALLOW_BASIC_TEXT: '1' } });
    expect(encryptor.decrypt(encryptor.encrypt('hunter2'))).toBe('hunter2');
    const notReally = createSafeStorageEncryptor({
      platform: 'linux',
      env: { SPOKE_ALLOW_BASIC_TEXT: 'yes' },
    });
    expect(() => notReally.encrypt('hunter2')).toThrow(UserError);
  });

  it('uses a real Linux keyring without asking', () => {
    for (const backend of ['gnome_libsecret', 'kwallet5', 'kwallet6']) {
      safeStorage.backend = backend;
      expect(createSafeStorageEncryptor({ platform: 'linux', env: {} }).encrypt('x')).toBeInstanceOf(Buffer);
    }
  });

  it('only asks Linux for its backend', () => {
    safeStorage.backend = 'basic_text';
    safeStorage.getSelectedStorageBackend.mockClear();
    expect(createSafeStorageEncryptor({ platform: 'darwin', env: {} }).encrypt('x')).toBeInstanceOf(Buffer);
    expect(safeStorage.getSelectedStorageBackend).not.toHaveBeenCalled();
  });

  it('says what to do when the keychain is unavailable', () => {
    safeStorage.available = false;
    expect(() => createSafeStorageEncryptor({ platform: 'win32', env: {} }).encrypt('x')).toThrow(
      /keychain is not available/,
    );
  });
});
