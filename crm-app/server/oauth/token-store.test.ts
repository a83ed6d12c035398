/** Rotating the token key: tokens sealed with a previous key are read and sealed again with the current key. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadAppConfig } from '../app-config';
import { migrate } from '../db/migrations';
import { DATABASE_KINDS, useTestDatabase } from '../test-support/test-databases';
import { encryptToken, tokenKeyId } from './token-crypto';
import { TokenStore } from './token-store';

const PORTAL = 4242;

describe.each(DATABASE_KINDS)('TokenStore key rotation on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('reads an access token sealed with the previous key and stores it sealed with the current one', async () => {
    const { db } = database();
    await migrate(db);
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    await db.query('INSERT INTO portals (portal_id) VALUES ($1)', [PORTAL]);
    await db.query(
      `INSERT INTO installs (portal_id, scopes, refresh_token_ciphertext, access_token_ciphertext, access_token_expires_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        PORTAL,
        ['oauth'],
        encryptToken(oldKey, 'refresh-old'),
        encryptToken(oldKey, 'access-old'),
        new Date(Date.now() + 3_600_000),
      ],
    );
    const config = loadAppConfig({
      CLOSER_TOKEN_KEY: newKey.toString('base64'),
      CLOSER_TOKEN_KEYS_PREVIOUS: oldKey.toString('base64'),
    });

    expect(await new TokenStore(db, config).accessToken(PORTAL)).toBe('access-old');

    const { rows } = await db.query<{ a: Uint8Array }>(
      'SELECT access_token_ciphertext AS a FROM installs WHERE portal_id = $1',
      [PORTAL],
    );
    const stored = Buffer.from(rows[0]!.a);
    expect(stored.includes(Buffer.from(tokenKeyId(newKey)))).toBe(true);
    // The old key can now retire: a store without it still reads the token.
    const withoutOld = loadAppConfig({ CLOSER_TOKEN_KEY: newKey.toString('base64') });
    expect(await new TokenStore(db, withoutOld).accessToken(PORTAL)).toBe('access-old');
  });
});
