import { afterEach, describe, expect, it } from 'vitest';
import { loadAppConfig } from './app-config';
import { ConfigError } from './config';
import { startHarness, type Harness } from './test-support/app-harness';
import { useTestDatabase } from './test-support/test-databases';

/** What a production deployment sets: its own app, its own key, its public origin. */
const PRODUCTION = {
  NODE_ENV: 'production',
  HUBSPOT_CLIENT_ID: 'a1b2c3d4-0000-4000-8000-123456789abc',
  HUBSPOT_CLIENT_SECRET: 'f0e1d2c3-1111-4111-8111-cba987654321',
  CLOSER_TOKEN_KEY: Buffer.alloc(32, 42).toString('base64'),
  PUBLIC_URL: 'https://closer.acme-sales.com',
};

describe('loadAppConfig', () => {
  describe('without HubSpot credentials (npm start)', () => {
    const database = useTestDatabase('pglite');
    let harness: Harness | undefined;
    afterEach(async () => {
      await harness?.close();
      harness = undefined;
    });

    it('installs on a sandbox started with its defaults: both sides use the one development client', async () => {
      // Empty variables are unset: the backend falls back to its development client, as under `npm start`.
      harness = await startHarness(database().db, {}, { HUBSPOT_CLIENT_ID: '', HUBSPOT_CLIENT_SECRET: '' });
      expect(harness.app.clientId).toBe(harness.sandbox.state.clientId);

      await expect(harness.install()).resolves.toMatchObject({ installed: true, portalId: 101 });
    });
  });

  describe('in production (NODE_ENV=production)', () => {
    it('accepts a complete configuration', () => {
      const app = loadAppConfig(PRODUCTION);
      expect(app).toMatchObject({ clientId: PRODUCTION.HUBSPOT_CLIENT_ID, publicUrl: PRODUCTION.PUBLIC_URL });
      expect(app.tokenKey.equals(Buffer.alloc(32, 42))).toBe(true);
      expect(app.devTokens).toBe(false);
    });

    it.each([
      ['HUBSPOT_CLIENT_ID', { HUBSPOT_CLIENT_ID: undefined }],
      ['HUBSPOT_CLIENT_ID', { HUBSPOT_CLIENT_ID: 'sandbox-client-id' }],
      ['HUBSPOT_CLIENT_SECRET', { HUBSPOT_CLIENT_SECRET: '' }],
      ['HUBSPOT_CLIENT_SECRET', { HUBSPOT_CLIENT_SECRET: 'sandbox-client-secret' }],
      ['CLOSER_TOKEN_KEY', { CLOSER_TOKEN_KEY: undefined }],
      ['PUBLIC_URL', { PUBLIC_URL: undefined }],
      ['CLOSER_DEV_TOKENS', { CLOSER_DEV_TOKENS: '1' }],
    ])('refuses to start without %s of its own (%j)', (name, change) => {
      const env = { ...PRODUCTION, ...change };
      expect(() => loadAppConfig(env)).toThrow(ConfigError);
      expect(() => loadAppConfig(env)).toThrow(new RegExp(`NODE_ENV=production: .*${name}`));
    });

    it('names every problem at once and never echoes a secret', () => {
      const env = { NODE_ENV: 'production', HUBSPOT_CLIENT_SECRET: 'sandbox-client-secret' };
      let message = '';
      try {
        loadAppConfig(env);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/HUBSPOT_CLIENT_ID.*HUBSPOT_CLIENT_SECRET.*CLOSER_TOKEN_KEY.*PUBLIC_URL/);
      expect(message).not.toContain('sandbox-client-secret');
    });

    it('keeps the development defaults outside production', () => {
      expect(loadAppConfig({ NODE_ENV: 'development' })).toMatchObject({ clientId: 'sandbox-client-id' });
    });
  });
});
