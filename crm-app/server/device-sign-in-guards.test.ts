/**
 * Device sign-in against a third-party page and a code thief, on both databases: the /connect forms refuse
 * cross-site posts and a form token from another browser, a link cannot carry a code into the approve page, wrong
 * codes lock the address after five, and only the extension holding the verifier redeems (five wrong verifiers lock
 * the code). Nothing is approved, no OAuth state is created and no token is issued by a refused request.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEVICE_CODE_TTL_S } from './device/device-codes';
import { WRONG_CODE_LIMIT } from './device/connect-guard';
import { startHarness, type Harness } from './test-support/app-harness';
import { connectBrowser, newVerifier } from './test-support/connect-browser';
import { DATABASE_KINDS, useTestDatabase } from './test-support/test-databases';

const PORTAL = 111;

describe.each(DATABASE_KINDS)('device sign-in guards on %s', (kind) => {
  const database = useTestDatabase(kind);
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  const start = async () => {
    harness = await startHarness(database().db, { portals: [{ id: PORTAL, tier: 'free' }] }, { SYNC_WORKER: '0' });
    return harness;
  };
  const authorize = async (h: Harness, codeChallenge: string) => {
    const response = await fetch(`${h.server.url}/v1/device/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientName: 'Closer for Chrome', codeChallenge }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { deviceCode: string; userCode: string; expiresIn: number };
  };
  const poll = async (h: Harness, deviceCode: string, codeVerifier: string) => {
    const response = await fetch(`${h.server.url}/v1/device/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deviceCode, codeVerifier }),
    });
    return (await response.json()) as { error?: string; token?: string };
  };
  const sideEffects = async () => {
    const { rows } = await database().db.query<{ states: number; decided: number; tokens: number }>(
      `SELECT (SELECT count(*)::int FROM oauth_states) AS states,
              (SELECT count(*)::int FROM device_codes WHERE status <> 'pending') AS decided,
              (SELECT count(*)::int FROM extension_tokens) AS tokens`,
    );
    return rows[0];
  };

  it('refuses cross-site posts and a form token from another browser', async () => {
    const h = await start();
    const { codeChallenge } = newVerifier();
    const issued = await authorize(h, codeChallenge);
    expect(issued.expiresIn).toBe(600);
    expect(DEVICE_CODE_TTL_S).toBe(600);

    // A link with the attacker's code shows only the empty form.
    const linked = await (await fetch(`${h.server.url}/connect?code=${issued.userCode}`)).text();
    expect(linked).not.toContain(issued.userCode);
    expect(linked).not.toContain('/connect/approve');

    // The attacker fetches the approve page themselves: they get a form token bound to their own cookie.
    const attacker = connectBrowser(h.server.url);
    const theirs = await attacker.open(issued.userCode);
    expect(theirs.formToken).toBeTruthy();
    const form = { code: issued.userCode, lang: 'en', formToken: theirs.formToken ?? '' };

    // A page on another site posts the forms in the victim's browser.
    const victim = connectBrowser(h.server.url);
    const crossSite = [
      await victim.open(issued.userCode, 'en', { origin: 'https://evil.example' }),
      await victim.open(issued.userCode, 'en', { 'sec-fetch-site': 'cross-site' }),
    ];
    for (const { response, formToken } of crossSite) {
      expect(response.status).toBe(403);
      expect(formToken).toBeNull();
    }
    const crossSiteHeaders: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of crossSiteHeaders) {
      expect((await victim.submit('approve', form, headers)).status).toBe(403);
      expect((await victim.submit('deny', form, headers)).status).toBe(403);
    }
    // Same origin, but the victim's browser has no cookie, or a cookie of its own: the copied token fails.
    expect((await victim.submit('approve', form)).status).toBe(403);
    await victim.open('BCDF-BCDF'); // any page visit sets nothing without a live code
    victim.cookie = 'closer_connect=victims-own-nonce';
    const refused = await victim.submit('approve', form);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('This page has expired');
    expect(await sideEffects()).toEqual({ states: 0, decided: 0, tokens: 0 });

    // The attacker's own browser can approve, but only for themselves: HubSpot's consent page comes next.
    const own = await attacker.submit('approve', form);
    expect(own.status).toBe(303);
    expect((await sideEffects())?.states).toBe(1);
  });

  it(`locks an address after ${WRONG_CODE_LIMIT} wrong codes, even for a right one`, async () => {
    const h = await start();
    const issued = await authorize(h, newVerifier().codeChallenge);
    const browser = connectBrowser(h.server.url);
    for (let i = 0; i < WRONG_CODE_LIMIT; i += 1) {
      expect((await browser.open('BCDF-GHJK')).response.status).toBe(404);
    }
    const locked = await browser.open(issued.userCode);
    expect(locked.response.status).toBe(429);
    expect(locked.formToken).toBeNull();
    expect(locked.html).toContain('Too many wrong codes');
  });

  it('redeems only with the verifier of the extension that asked, and locks the code after five wrong ones', async () => {
    const h = await start();
    const extension = newVerifier();
    const thief = newVerifier();
    const issued = await authorize(h, extension.codeChallenge);
    const browser = connectBrowser(h.server.url);
    const opened = await browser.open(issued.userCode);
    const approved = await browser.submit('approve', {
      code: issued.userCode,
      lang: 'en',
      formToken: opened.formToken ?? '',
    });
    const fromHubSpot = await fetch(approved.headers.get('location') ?? '', { redirect: 'manual' });
    expect((await fetch(fromHubSpot.headers.get('location') ?? '')).status).toBe(200);

    // Approved, but whoever holds only the device code learns nothing and gets no token.
    for (let i = 0; i < 4; i += 1) {
      expect(await poll(h, issued.deviceCode, thief.codeVerifier)).toEqual({ error: 'invalid_grant' });
    }
    expect((await sideEffects())?.tokens).toBe(0);
    await new Promise((r) => setTimeout(r, 2_000));
    const granted = await poll(h, issued.deviceCode, extension.codeVerifier);
    expect(granted.token).toMatch(/^clx_/);

    // A second code: five wrong verifiers deny it, and the right one no longer redeems.
    const second = await authorize(h, extension.codeChallenge);
    for (let i = 0; i < 5; i += 1) {
      expect(await poll(h, second.deviceCode, thief.codeVerifier)).toEqual({ error: 'invalid_grant' });
    }
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await poll(h, second.deviceCode, extension.codeVerifier)).toEqual({ error: 'access_denied' });
    expect((await sideEffects())?.tokens).toBe(1);
  });
});
