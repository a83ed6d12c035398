import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encryptToken, openToken, tokenKeyId } from './token-crypto';

/** The format sealed before key ids existed: IV | tag | ciphertext. */
function legacySeal(key: Buffer, plaintext: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

describe('token sealing with key ids', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);

  it('names the key that sealed a token', () => {
    const sealed = encryptToken(newKey, 'refresh-1');
    expect(sealed.includes(Buffer.from(tokenKeyId(newKey)))).toBe(true);
    expect(sealed.includes(Buffer.from('refresh-1'))).toBe(false);
    expect(openToken({ current: newKey, previous: [] }, sealed)).toEqual({ plaintext: 'refresh-1', stale: false });
  });

  it('opens a token sealed with a previous key and marks it for sealing again', () => {
    const sealed = encryptToken(oldKey, 'refresh-2');
    expect(openToken({ current: newKey, previous: [oldKey] }, sealed)).toEqual({ plaintext: 'refresh-2', stale: true });
  });

  it('opens a token sealed before key ids existed, with the current or a previous key', () => {
    expect(openToken({ current: oldKey, previous: [] }, legacySeal(oldKey, 'a'))).toEqual({
      plaintext: 'a',
      stale: true,
    });
    expect(openToken({ current: newKey, previous: [oldKey] }, legacySeal(oldKey, 'b')).plaintext).toBe('b');
  });

  it('refuses when the sealing key is gone, naming its id and the setting to fix, and refuses tampered data', () => {
    const sealed = encryptToken(oldKey, 'refresh-3');
    expect(() => openToken({ current: newKey, previous: [] }, sealed)).toThrow(
      new RegExp(`${tokenKeyId(oldKey)}.*CLOSER_TOKEN_KEYS_PREVIOUS`),
    );
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => openToken({ current: oldKey, previous: [] }, tampered)).toThrow();
  });
});
