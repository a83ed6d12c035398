/**
 * AES-256-GCM for OAuth tokens at rest. A sealed token names the key that sealed it, so the key can be rotated:
 * `CLK1` | key id length (1 byte) | key id (ASCII) | 12-byte random IV | 16-byte tag | ciphertext, in one bytea.
 * Tokens sealed before key ids existed (IV | tag | ciphertext) are still read, with every known key.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const MAGIC = Buffer.from('CLK1', 'ascii');

/** The current key seals; previous keys only open tokens sealed before a rotation. */
export interface TokenKeyring {
  current: Buffer;
  previous: readonly Buffer[];
}

/**
 * A key's id: a hash prefix, so the id can be stored next to the data without telling anything about the key and
 * nobody has to name keys by hand.
 */
export function tokenKeyId(key: Buffer): string {
  return createHash('sha256').update('closer-token-key-id').update(key).digest('hex').slice(0, 12);
}

export function encryptToken(key: Buffer, plaintext: string): Buffer {
  const id = Buffer.from(tokenKeyId(key), 'ascii');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([MAGIC, Buffer.from([id.length]), id, iv, cipher.getAuthTag(), ciphertext]);
}

function open(key: Buffer, data: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
  decipher.setAuthTag(data.subarray(12, 28));
  return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
}

export interface OpenedToken {
  plaintext: string;
  /** True when the token was not sealed with the current key: the caller seals it again and stores it. */
  stale: boolean;
}

/**
 * Opens a sealed token with whichever key of the ring sealed it.
 *
 * @throws when no key of the ring opens it (a key removed too early) or the data was tampered with (GCM
 *   authenticates it). The message names the key id, never a key.
 */
export function openToken(ring: TokenKeyring, sealed: Uint8Array): OpenedToken {
  const data = Buffer.from(sealed);
  const keys = [ring.current, ...ring.previous];
  if (data.length > MAGIC.length + 1 && data.subarray(0, MAGIC.length).equals(MAGIC)) {
    const idLength = data[MAGIC.length] ?? 0;
    const id = data.subarray(MAGIC.length + 1, MAGIC.length + 1 + idLength).toString('ascii');
    const key = keys.find((candidate) => tokenKeyId(candidate) === id);
    if (key) {
      return { plaintext: open(key, data.subarray(MAGIC.length + 1 + idLength)), stale: key !== ring.current };
    }
    // A legacy token whose random IV happens to start with the magic bytes falls through to the legacy path; a
    // real key-id token whose key is gone fails there too, with the message below.
  }
  for (const key of keys) {
    try {
      return { plaintext: open(key, data), stale: true };
    } catch {
      // try the next key
    }
  }
  throw new Error(
    `no configured token key opens this token (sealed with key id ${describeKeyId(data)}); ` +
      'add the old key to CLOSER_TOKEN_KEYS_PREVIOUS',
  );
}

function describeKeyId(data: Buffer): string {
  if (!data.subarray(0, MAGIC.length).equals(MAGIC)) return 'none (sealed before key ids)';
  const idLength = data[MAGIC.length] ?? 0;
  return data.subarray(MAGIC.length + 1, MAGIC.length + 1 + idLength).toString('ascii');
}
