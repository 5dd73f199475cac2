import { safeStorage } from 'electron';
import { UserError } from '../errors';
import type { Encryptor } from '../secrets/secret-store';

export type SafeStorageOptions = {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
};

/**
 * Secrets sealed by the operating system's keychain (Keychain, DPAPI, or the
 * Secret Service / KWallet on Linux) through Electron's safeStorage.
 *
 * On Linux with no keyring, Chromium falls back to `basic_text`: values are
 * "encrypted" with a key hard-coded in Chromium's source, so anyone who can read
 * the data folder (another local user, malware running as this user, a stolen
 * disk, a backup) recovers the Peloton tokens, the Postgres URL and the S3 keys.
 * That is plain text in disguise, so Spoke refuses to store or read secrets
 * there unless the user has said they accept it with SPOKE_ALLOW_BASIC_TEXT=1.
 * The check runs on use, not at start, so the app still opens and shows charts.
 */
export function createSafeStorageEncryptor(options: SafeStorageOptions = {}): Encryptor {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const ensureUsable = () => {
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      if (env.SPOKE_ALLOW_BASIC_TEXT !== '1') {
        throw new UserError(
          'No system keyring was found (GNOME Keyring, KWallet or another Secret Service), so Spoke ' +
            'cannot keep credentials encrypted. Install and unlock a keyring and restart Spoke, or start ' +
            'it with SPOKE_ALLOW_BASIC_TEXT=1 to accept storing them with only weak obfuscation.',
        );
      }
    }
    // Deprecated in favour of the async API, but the Encryptor contract is synchronous.
    if (!safeStorage.isEncryptionAvailable()) {
      throw new UserError(
        'The system keychain is not available, so Spoke cannot keep credentials encrypted. ' +
          'Unlock your keychain and try again.',
      );
    }
  };
  return {
    kind: 'electron-safe-storage',
    encrypt(plain) {
      ensureUsable();
      return safeStorage.encryptString(plain);
    },
    decrypt(sealed) {
      ensureUsable();
      return safeStorage.decryptString(sealed);
    },
  };
}
