/** Production refuses the secrets committed in this repository; development keeps working without any. */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAppConfig } from './app-config';
import { ConfigError } from './config';
import { DEVELOPMENT_SECRET_VALUES, isLoopbackHost, serverMode } from './server-mode';
import { startHarness, type Harness } from './test-support/app-harness';
import { useTestDatabase } from './test-support/test-databases';

const realSecrets = () => ({
  HUBSPOT_CLIENT_ID: 'c7a1e0b4-real-client',
  HUBSPOT_CLIENT_SECRET: randomBytes(18).toString('hex'),
  CLOSER_TOKEN_KEY: randomBytes(32).toString('base64'),
  PUBLIC_URL: 'https://closer.example.com',
});

const refusal = (env: Record<string, string>) => {
  try {
    loadAppConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('loadAppConfig accepted the environment');
};

describe('serverMode', () => {
  it.each([
    [{}, 'development'],
    [{ HOST: 'localhost', PUBLIC_URL: 'http://127.0.0.1:8787' }, 'development'],
    [{ NODE_ENV: 'production' }, 'production'],
    [{ PUBLIC_URL: 'https://closer.example.com' }, 'production'],
    [{ HOST: '0.0.0.0' }, 'production'],
    [{ HOST: '10.1.2.3' }, 'production'],
  ] as const)('%o is %s', (env, mode) => {
    expect(serverMode(env).mode).toBe(mode);
  });

  it('treats only loopback addresses as loopback', () => {
    expect(['127.0.0.1', '127.5.0.1', 'localhost', '::1'].map(isLoopbackHost)).toEqual([true, true, true, true]);
    expect(['0.0.0.0', '::', '192.168.1.2', 'closer.example.com'].map(isLoopbackHost)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('loadAppConfig in production', () => {
  it('starts with secrets of its own', () => {
    const config = loadAppConfig({ ...realSecrets(), NODE_ENV: 'production' });
    expect(config.mode).toBe('production');
    expect(config.devTokens).toBe(false);
  });

  it.each([
    ['NODE_ENV=production', { NODE_ENV: 'production' }],
    ['an https PUBLIC_URL', {}],
    ['a non-loopback HOST', { HOST: '0.0.0.0' }],
  ])('under %s names every missing secret', (_why, extra) => {
    const message = refusal({ PUBLIC_URL: 'https://closer.example.com', ...extra });
    for (const name of ['HUBSPOT_CLIENT_ID', 'HUBSPOT_CLIENT_SECRET', 'CLOSER_TOKEN_KEY']) {
      expect(message).toContain(`${name} is not set`);
    }
  });

  it.each(Object.entries(DEVELOPMENT_SECRET_VALUES).flatMap(([name, values]) => values.map((v) => [name, v])))(
    'refuses %s set to a development default, without echoing it',
    (name, value) => {
      const message = refusal({ ...realSecrets(), [name!]: value! });
      expect(message).toContain(`${name} is a development default`);
      expect(message).not.toContain(value);
    },
  );

  it('refuses development tokens, a missing PUBLIC_URL and the development key kept as a previous key', () => {
    const { PUBLIC_URL: _unused, ...secrets } = realSecrets();
    const message = refusal({
      ...secrets,
      NODE_ENV: 'production',
      CLOSER_DEV_TOKENS: '1',
      CLOSER_TOKEN_KEYS_PREVIOUS: DEVELOPMENT_SECRET_VALUES.CLOSER_TOKEN_KEY![0]!,
    });
    expect(message).toContain('CLOSER_DEV_TOKENS');
    expect(message).toContain('PUBLIC_URL is not set');
    expect(message).toContain('CLOSER_TOKEN_KEYS_PREVIOUS holds the development key');
  });
});

describe('loadAppConfig in development', () => {
  it('runs on loopback without secrets and allows development tokens there only', () => {
    const config = loadAppConfig({ CLOSER_DEV_TOKENS: '1' });
    expect(config.mode).toBe('development');
    expect(config.devTokens).toBe(true);
  });

  it('reads previous token keys for rotation', () => {
    const old = randomBytes(32);
    const config = loadAppConfig({ CLOSER_TOKEN_KEYS_PREVIOUS: ` ${old.toString('base64')} ,` });
    expect(config.previousTokenKeys).toEqual([old]);
    expect(() => loadAppConfig({ CLOSER_TOKEN_KEYS_PREVIOUS: 'c2hvcnQ=' })).toThrow(/CLOSER_TOKEN_KEYS_PREVIOUS/);
  });
});

/** What a production deployment sets: its own app, its own key, its public origin. */
const PRODUCTION = {
  NODE_ENV: 'production',
  HUBSPOT_CLIENT_ID: 'a1b2c3d4-0000-4000-8000-123456789abc',
  HUBSPOT_CLIENT_SECRET: 'f0e1d2c3-1111-4111-8111-cba987654321',
  CLOSER_TOKEN_KEY: Buffer.alloc(32, 42).toString('base64'),
  PUBLIC_URL: 'https://closer.acme-sales.com',
};

describe('loadAppConfig, the development client and each production secret', () => {
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
      expect(() => loadAppConfig(env)).toThrow(
        new RegExp(`Refusing to start in production \\(NODE_ENV=production[^)]*\\).*: .*${name}`),
      );
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
