/** AES-256-GCM for OAuth tokens at rest: 12-byte random IV | 16-byte tag | ciphertext, in one bytea. */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export function encryptToken(key: Buffer, plaintext: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

/** @throws when the key is wrong or the data was tampered with (GCM authenticates it). */
export function decryptToken(key: Buffer, sealed: Uint8Array): string {
  const data = Buffer.from(sealed);
  const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
  decipher.setAuthTag(data.subarray(12, 28));
  return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
}
