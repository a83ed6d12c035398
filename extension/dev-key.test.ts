import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEV_EXTENSION_ID, DEV_PUBLIC_KEY } from './dev-key';

describe('development extension key', () => {
  it('gives the id Chromium derives from it (SHA-256 of the DER key, first 32 hex digits as a–p)', () => {
    const hex = createHash('sha256').update(Buffer.from(DEV_PUBLIC_KEY, 'base64')).digest('hex').slice(0, 32);
    const id = [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
    expect(id).toBe(DEV_EXTENSION_ID);
  });
});
