import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Encryptor } from './secret-store';

/**
 * AES-256-GCM for the CLI and `spoke serve`, where Electron's safeStorage is not
 * available. The key comes from SPOKE_SECRET_KEY, or from a file only the user can
 * read (mode 0600) that is created on first use.
 */
export function createHeadlessEncryptor(keyFile: string, envKey = process.env.SPOKE_SECRET_KEY): Encryptor {
  const key = envKey ? createHash('sha256').update(envKey).digest() : loadOrCreateKey(keyFile);
  return {
    kind: 'aes-256-gcm',
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

function loadOrCreateKey(keyFile: string): Buffer {
  if (existsSync(keyFile)) {
    const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
    if (key.length !== 32)
      throw new Error(`The secret key file ${keyFile} is damaged; remove it and set your secrets again.`);
    return key;
  }
  const key = randomBytes(32);
  writeFileSync(keyFile, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(keyFile, 0o600);
  return key;
}
