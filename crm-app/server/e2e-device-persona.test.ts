/**
 * Extension sign-in by device code and full personas, end to end on both databases: authorize → /connect → HubSpot
 * OAuth on the sandbox (as a browser follows it) → token; a full persona upserted on a HubSpot record lands in the
 * sandbox contact's properties and comes back through the signed card endpoint and the live contact read. Plus the
 * ways it must refuse: a device code redeems once; expired and denied codes; bad input changes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from './test-support/app-harness';
import { DATABASE_KINDS, useTestDatabase } from './test-support/test-databases';
import { fullPersona, personaItem } from './test-support/personas';
import { DEFAULT_USER } from '../sandbox/sandbox';
import { connectBrowser, newVerifier } from './test-support/connect-browser';

const PORTAL = 101;

interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  expiresIn: number;
  interval: number;
}

describe.each(DATABASE_KINDS)('device sign-in and full personas on %s', (kind) => {
  const database = useTestDatabase(kind);
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  const start = async (env: Record<string, string> = {}) => {
    harness = await startHarness(database().db, { portals: [{ id: PORTAL, tier: 'free' }] }, env);
    return harness;
  };
  // One extension's PKCE pair for the whole file: each test's codes are asked for and redeemed with it.
  const { codeVerifier, codeChallenge } = newVerifier();
  const authorize = async (h: Harness, body: Record<string, unknown> = {}) => {
    const response = await fetch(`${h.server.url}/v1/device/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ codeChallenge, ...body }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as DeviceAuthorization;
  };
  const poll = async (h: Harness, deviceCode: unknown) => {
    const response = await fetch(`${h.server.url}/v1/device/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deviceCode, codeVerifier }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  /**
   * Types the code on /connect and submits Approve or Deny the way a browser does, following redirects by hand to
   * see each hop. When the code cannot be decided, the page that said so.
   */
  const submit = async (h: Harness, action: 'approve' | 'deny', userCode: string, lang = 'en') => {
    const browser = connectBrowser(h.server.url);
    const opened = await browser.open(userCode, lang);
    if (!opened.formToken) return new Response(opened.html, { status: opened.response.status });
    return browser.submit(action, { code: userCode, lang, formToken: opened.formToken });
  };
  const approveThroughHubSpot = async (h: Harness, userCode: string) => {
    const approved = await submit(h, 'approve', userCode);
    expect(approved.status).toBe(303);
    const authorizeUrl = new URL(approved.headers.get('location') ?? '');
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe(`${h.sandbox.url}/oauth/authorize`);
    expect(authorizeUrl.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const fromHubSpot = await fetch(authorizeUrl, { redirect: 'manual' });
    expect(fromHubSpot.status).toBe(302);
    const callback = new URL(fromHubSpot.headers.get('location') ?? '');
    expect(callback.pathname).toBe('/oauth/callback');
    return fetch(callback);
  };
  const rowCounts = async () => {
    const { rows } = await database().db.query<{ codes: number; jobs: number; personas: number; tokens: number }>(
      `SELECT (SELECT count(*)::int FROM device_codes) AS codes, (SELECT count(*)::int FROM outbox_jobs) AS jobs,
              (SELECT count(*)::int FROM contact_personas) AS personas,
              (SELECT count(*)::int FROM extension_tokens) AS tokens`,
    );
    return rows[0];
  };

  it('signs the extension in by device code, syncs a full persona onto the record and serves it back', async () => {
    const h = await start();

    const issued = await authorize(h, { clientName: 'Closer for Chrome' });
    expect(issued).toMatchObject({
      expiresIn: 600,
      interval: 2,
      verificationUri: `${h.server.url}/connect`,
    });
    expect(issued).not.toHaveProperty('verificationUriComplete');
    expect(issued.userCode).toMatch(/^[BCDFGHJKMNPQRSTVWXZ]{4}-[BCDFGHJKMNPQRSTVWXZ]{4}$/);
    expect(Buffer.from(issued.deviceCode, 'base64url')).toHaveLength(32);
    // Only the SHA-256 of the device code is stored.
    const stored = await database().db.query<{ h: Uint8Array }>('SELECT device_code_hash AS h FROM device_codes');
    const digest = Buffer.from(stored.rows[0]?.h ?? []).toString('hex');
    expect(digest).toHaveLength(64);
    expect(JSON.stringify(stored.rows)).not.toContain(issued.deviceCode);

    expect(await poll(h, issued.deviceCode)).toEqual({ status: 400, body: { error: 'authorization_pending' } });
    expect(await poll(h, issued.deviceCode)).toEqual({ status: 400, body: { error: 'slow_down' } });

    // The page a person sees after typing the code: the code, Approve and Deny; self-contained, with a CSP; English
    // or Chinese.
    const { response: page, html } = await connectBrowser(h.server.url).open(issued.userCode);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`form-action 'self' ${h.sandbox.url}`);
    expect(html).toContain(issued.userCode);
    expect(html).toContain('Closer for Chrome');
    expect(html).toContain('action="/connect/approve"');
    expect(html).not.toMatch(/<script|https?:\/\//);
    const { html: chinese } = await connectBrowser(h.server.url).open(issued.userCode.toLowerCase(), '', {
      'accept-language': 'zh-CN,zh;q=0.9',
    });
    expect(chinese).toContain('批准并使用 HubSpot 登录');
    expect(chinese).toContain(issued.userCode);

    const connected = await approveThroughHubSpot(h, issued.userCode);
    expect(connected.status).toBe(200);
    expect(await connected.text()).toContain('Connected — return to the extension');
    // The approval installed the app on the portal (portal setup ran, properties exist).
    const setup = await database().db.query<{ setup: { propertiesCreated: string[] } }>('SELECT setup FROM installs');
    expect(setup.rows[0]?.setup.propertiesCreated).toContain('closer_persona_fields_json');

    await new Promise((r) => setTimeout(r, issued.interval * 1000));
    const redeemed = await poll(h, issued.deviceCode);
    expect(redeemed).toEqual({
      status: 200,
      body: { token: expect.stringMatching(/^clx_/), portalId: PORTAL, userId: String(DEFAULT_USER.id) },
    });
    // A device code redeems exactly once.
    await new Promise((r) => setTimeout(r, issued.interval * 1000));
    expect(await poll(h, issued.deviceCode)).toEqual({ status: 400, body: { error: 'invalid_grant' } });
    expect((await rowCounts())?.tokens).toBe(1);

    const token = String(redeemed.body.token);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const me = await fetch(`${h.server.url}/v1/me`, { headers: auth });
    expect(await me.json()).toEqual({
      portalId: PORTAL,
      userId: String(DEFAULT_USER.id),
      scopes: expect.arrayContaining(['crm.objects.contacts.write']),
    });

    // A contact with history in HubSpot, as a rep would open it.
    const hs = (path: string, body: unknown) => h.hubspotPost(PORTAL, path, body);
    const created = await hs('/crm/v3/objects/contacts/batch/upsert', {
      inputs: [
        {
          idProperty: 'email',
          id: 'ada@example.com',
          properties: { firstname: 'Ada', lastname: 'Lovelace', jobtitle: 'Head of RevOps', company: 'Fintech' },
        },
        { idProperty: 'email', id: 'grace@example.com', properties: { firstname: 'Grace', company: 'Navy' } },
      ],
    });
    const adaId = created.results[0]?.id ?? '';
    const toAda = [{ to: { id: adaId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] }];
    const longNote = `<p>Call notes</p><p>${'Wants fewer tools. '.repeat(150)}</p>`;
    await hs('/crm/v3/objects/notes/batch/create', {
      inputs: [
        { properties: { hs_timestamp: '2026-11-20T09:00:00.000Z', hs_note_body: longNote }, associations: toAda },
        { properties: { hs_timestamp: '2026-11-22T09:00:00.000Z', hs_note_body: 'Newest note' }, associations: toAda },
      ],
    });
    await hs('/crm/v3/objects/emails/batch/create', {
      inputs: [
        {
          properties: {
            hs_timestamp: '2026-11-21T09:00:00.000Z',
            hs_email_subject: 'Pricing',
            hs_email_text: 'Can you do 10% off?',
          },
          associations: [{ ...toAda[0], types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 198 }] }],
        },
      ],
    });

    // The approved persona, built on Ada's record (the email in the extension differs in case only).
    const persona = fullPersona();
    const upsert = await fetch(`${h.server.url}/v1/personas:batchUpsert`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        items: [{ idempotencyKey: 'full-1', email: 'Ada@Example.com', hubspotContactId: adaId, persona }],
      }),
    });
    expect(upsert.status).toBe(202);
    expect(await upsert.json()).toEqual({ accepted: 1, duplicates: 0 });

    const portal = h.sandbox.state.portals.get(PORTAL);
    await eventually(() => portal?.contacts.get(adaId)?.properties.closer_persona_role !== undefined);
    expect(portal?.contacts.get(adaId)?.properties).toMatchObject({
      firstname: 'Ada',
      closer_persona_label: persona.label,
      closer_persona_origin: 'llm',
      closer_persona_role: 'Head of Revenue Operations',
      closer_persona_seniority: 'director',
      closer_persona_company_context: 'Series B fintech, 200 staff',
      closer_persona_goals: 'Consolidate tooling; faster quarter close',
      closer_persona_pain_points: 'Manual CRM hygiene',
      closer_persona_objections: 'Price per seat',
      closer_persona_interests: 'Forecasting; automation',
      closer_persona_preferred_tone: 'direct',
      closer_persona_preferred_channel: 'email',
      closer_persona_best_time: 'weekday mornings (CET)',
      closer_persona_buying_stage: 'evaluation',
      closer_persona_segment: 'mid-market fintech',
    });
    const evidence = JSON.parse(portal?.contacts.get(adaId)?.properties.closer_persona_fields_json ?? '{}') as Record<
      string,
      { confidence: number; source: string }
    >;
    expect(evidence.objectionsHeard).toMatchObject({ confidence: 0.85, source: 'thread' });
    // Updated by record id: no second contact was created for the email.
    expect(portal?.contacts.size).toBe(2);
    expect(h.sandbox.state.duplicates(PORTAL)).toEqual({ contacts: 0, engagements: 0 });

    const card = await h.signedFetch('GET', `/v1/card/persona?portalId=${PORTAL}&objectId=${adaId}&userId=1`);
    expect(card.status).toBe(200);
    const cardBody = (await card.json()) as {
      persona: { label: string; origin: string; fields: { name: string; value: string; source: string }[] };
    };
    expect(cardBody.persona).toMatchObject({ label: persona.label, origin: 'llm', updatedAt: persona.approvedAt });
    expect(cardBody.persona.fields).toHaveLength(12);
    expect(cardBody.persona.fields[0]).toEqual({
      name: 'role',
      value: 'Head of Revenue Operations',
      confidence: 0.9,
      source: 'crm',
      updatedAt: persona.approvedAt,
    });
    expect(cardBody.persona.fields.map((f) => f.name).at(-1)).toBe('segment');

    // Live read for the extension: properties, newest engagements first, plain and bounded text, the persona.
    const live = await fetch(`${h.server.url}/v1/hubspot/contacts/${adaId}`, { headers: auth });
    expect(live.status).toBe(200);
    const contact = (await live.json()) as {
      contactId: string;
      properties: Record<string, string | null>;
      engagements: { type: string; at: string; title?: string; text?: string }[];
      persona: { fields: Record<string, unknown> } | null;
    };
    expect(contact.contactId).toBe(adaId);
    expect(contact.properties).toMatchObject({
      firstname: 'Ada',
      lastname: 'Lovelace',
      email: 'ada@example.com',
      jobtitle: 'Head of RevOps',
      industry: null,
      closer_persona_segment: 'mid-market fintech',
    });
    expect(contact.engagements.map((e) => [e.type, e.at])).toEqual([
      ['note', '2026-11-22T09:00:00.000Z'],
      ['email', '2026-11-21T09:00:00.000Z'],
      ['note', '2026-11-20T09:00:00.000Z'],
    ]);
    expect(contact.engagements[1]).toMatchObject({ title: 'Pricing', text: 'Can you do 10% off?' });
    expect(contact.engagements[2]?.text).toHaveLength(2000);
    expect(contact.engagements[2]?.text).not.toContain('<p>');
    expect(Object.keys(contact.persona?.fields ?? {})).toHaveLength(12);

    const missing = await fetch(`${h.server.url}/v1/hubspot/contacts/99999999`, { headers: auth });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'contact_not_found' } });

    const search = async (body: unknown) =>
      fetch(`${h.server.url}/v1/hubspot/contacts:search`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify(body),
      });
    const found = (await (await search({ query: 'ada' })).json()) as { contacts: { id: string }[]; next: unknown };
    expect(found).toEqual({
      contacts: [
        {
          id: adaId,
          email: 'ada@example.com',
          firstname: 'Ada',
          lastname: 'Lovelace',
          company: 'Fintech',
          jobtitle: 'Head of RevOps',
        },
      ],
      next: null,
    });
    const first = (await (await search({ limit: 1 })).json()) as { contacts: { id: string }[]; next: string };
    expect(first.contacts).toHaveLength(1);
    const second = (await (await search({ limit: 1, after: first.next })).json()) as { contacts: { id: string }[] };
    expect(second.contacts[0]?.id).not.toBe(first.contacts[0]?.id);
    expect((await search({ limit: 101 })).status).toBe(400);

    // HubSpot failing: 5xx → 502, its rate limit → 503 with Retry-After; the limiter never let our own reads cause it.
    expect(h.sandbox.state.rateLimited(PORTAL)).toBe(0);
    h.sandbox.state.faults.errorRate = 1;
    const failing = await fetch(`${h.server.url}/v1/hubspot/contacts/${adaId}`, { headers: auth });
    expect(failing.status).toBe(502);
    expect(await failing.json()).toMatchObject({ error: { code: 'hubspot_unavailable' } });
    h.sandbox.state.faults.errorRate = 0;
    // Another app used up the portal's window.
    const bucket = portal?.limiter;
    while ((bucket?.take(Date.now()) ?? -1) >= 0);
    const limited = await fetch(`${h.server.url}/v1/hubspot/contacts/${adaId}`, { headers: auth });
    expect(limited.status).toBe(503);
    expect(limited.headers.get('retry-after')).toBe('10');
    expect(await limited.json()).toMatchObject({ error: { code: 'hubspot_rate_limited' } });

    // Revoked: the token stops working.
    expect((await fetch(`${h.server.url}/v1/tokens/current`, { method: 'DELETE', headers: auth })).status).toBe(200);
    expect((await fetch(`${h.server.url}/v1/me`, { headers: auth })).status).toBe(401);
  }, 60_000);

  it('upserts by email when the record id HubSpot was given no longer exists, and keeps the real id', async () => {
    const h = await start();
    await h.install();
    const token = await h.devToken(PORTAL);
    const response = await fetch(`${h.server.url}/v1/personas:batchUpsert`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify({ items: [personaItem('gone-1', 'gone@example.com', fullPersona(), '424242')] }),
    });
    expect(response.status).toBe(202);
    const portal = h.sandbox.state.portals.get(PORTAL);
    await eventually(() => portal?.contactByEmail.has('gone@example.com') === true);
    const id = portal?.contactByEmail.get('gone@example.com') ?? '';
    expect(portal?.contacts.get(id)?.properties.closer_persona_buying_stage).toBe('evaluation');
    await eventually(async () => {
      const { rows } = await database().db.query<{ hubspot_id: string }>(
        `SELECT hubspot_id FROM contact_personas WHERE email = 'gone@example.com'`,
      );
      return rows[0]?.hubspot_id === id;
    });
    const card = await h.signedFetch('GET', `/v1/card/persona?portalId=${PORTAL}&objectId=${id}`);
    expect(((await card.json()) as { persona: { fields: unknown[] } }).persona.fields).toHaveLength(12);
  });

  it('answers expired_token for an expired code and access_denied for a denied one', async () => {
    const h = await start();
    const expired = await authorize(h);
    await database().db.query(`UPDATE device_codes SET expires_at = now() - interval '1 second' WHERE user_code = $1`, [
      expired.userCode,
    ]);
    expect(await poll(h, expired.deviceCode)).toEqual({ status: 400, body: { error: 'expired_token' } });
    const expiredPage = await connectBrowser(h.server.url).open(expired.userCode);
    expect(expiredPage.response.status).toBe(410);
    expect(expiredPage.html).toContain('This code has expired');
    expect((await submit(h, 'approve', expired.userCode)).status).toBe(410);

    const denied = await authorize(h);
    const deniedPage = await submit(h, 'deny', denied.userCode, 'zh-CN');
    expect(deniedPage.status).toBe(200);
    expect(await deniedPage.text()).toContain('已拒绝');
    expect(await poll(h, denied.deviceCode)).toEqual({ status: 400, body: { error: 'access_denied' } });
    // A denied code cannot be approved afterwards.
    expect((await submit(h, 'approve', denied.userCode)).status).toBe(409);

    // Approved on /connect, but the code expires before HubSpot sends the person back: not connected.
    const late = await authorize(h);
    const approve = await submit(h, 'approve', late.userCode);
    await database().db.query(`UPDATE device_codes SET expires_at = now() - interval '1 second' WHERE user_code = $1`, [
      late.userCode,
    ]);
    const fromHubSpot = await fetch(approve.headers.get('location') ?? '', { redirect: 'manual' });
    const callback = await fetch(fromHubSpot.headers.get('location') ?? '');
    expect(callback.status).toBe(410);
    expect(await poll(h, late.deviceCode)).toEqual({ status: 400, body: { error: 'expired_token' } });

    // The person declines on HubSpot's page: HubSpot redirects back with an error; the code is denied.
    const declined = await authorize(h);
    const started = await submit(h, 'approve', declined.userCode);
    const state = new URL(started.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const back = await fetch(`${h.server.url}/oauth/callback?error=access_denied&state=${state}`);
    expect(back.status).toBe(200);
    expect(await poll(h, declined.deviceCode)).toEqual({ status: 400, body: { error: 'access_denied' } });
    expect((await rowCounts())?.tokens).toBe(0);
  });

  it('refuses bad input with 4xx and leaves the database unchanged', async () => {
    // The per-address limit counts in UTC minutes: start early in one so the whole test falls in it.
    const second = new Date().getUTCSeconds();
    if (second > 45) await new Promise((r) => setTimeout(r, (61 - second) * 1000));
    const h = await start({ DEVICE_AUTHORIZE_PER_MINUTE: '6' });
    const issued = await authorize(h);
    const token = await h.devToken(PORTAL);
    const before = await rowCounts();

    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${h.server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    const pkce = `"codeChallenge": "${codeChallenge}"`;
    for (const body of [
      `{"clientName": 5, ${pkce}}`,
      `{"clientName": "x", "extra": 1, ${pkce}}`,
      '[',
      `{"clientName": "", ${pkce}}`,
      '{"clientName": "no challenge"}',
    ]) {
      const response = await post('/v1/device/authorize', body);
      expect(response.status, body).toBe(400);
    }
    for (const body of [
      '{}',
      '{"deviceCode": "short"}',
      '{"deviceCode": 1}',
      'not json',
      JSON.stringify({ deviceCode: issued.deviceCode }),
    ]) {
      const response = await post('/v1/device/token', body);
      expect(response.status, body).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_request' });
    }
    const unknown = await poll(h, Buffer.alloc(32, 1).toString('base64url'));
    expect(unknown).toEqual({ status: 400, body: { error: 'invalid_grant' } });
    expect((await connectBrowser(h.server.url).open('NOT-ACODE1')).response.status).toBe(400);
    expect((await connectBrowser(h.server.url).open('BCDF-GHJK')).response.status).toBe(404);
    expect((await fetch(`${h.server.url}/oauth/callback?code=x&state=forged`)).status).toBe(400);

    const auth = { authorization: `Bearer ${token}` };
    const item = personaItem('ok', 'a@b.io', fullPersona());
    const badPersonas = [
      { items: [] },
      { items: Array.from({ length: 101 }, (_, i) => ({ ...item, idempotencyKey: `k${i}` })) },
      { items: [{ ...item, hubspotContactId: '12a' }] },
      {
        items: [
          { ...item, persona: { ...item.persona, fields: { age: { value: '40', confidence: 1, source: 'crm' } } } },
        ],
      },
      { items: [{ ...item, persona: { ...item.persona, origin: 'human' } }] },
      { items: [{ ...item, persona: { ...item.persona, approvedAt: 'yesterday' } }] },
      { items: [{ ...item, persona: { ...item.persona, confidence: 2 } }] },
      { items: [{ ...item, unexpected: true }] },
      { items: [item, { ...item, email: 'not-an-email' }] },
    ];
    for (const body of badPersonas) {
      const response = await post('/v1/personas:batchUpsert', JSON.stringify(body), auth);
      expect(response.status, JSON.stringify(body).slice(0, 120)).toBe(400);
    }
    const badReads = [
      fetch(`${h.server.url}/v1/hubspot/contacts/12ab`, { headers: auth }),
      post('/v1/hubspot/contacts:search', '{"limit": 0}', auth),
      post('/v1/hubspot/contacts:search', '{"query": 5}', auth),
      post('/v1/hubspot/contacts:search', '{"after": "../x"}', auth),
    ];
    for (const response of await Promise.all(badReads)) expect(response.status).toBe(400);
    expect((await fetch(`${h.server.url}/v1/hubspot/contacts/1`)).status).toBe(401);
    expect((await fetch(`${h.server.url}/v1/me`)).status).toBe(401);
    expect(await rowCounts()).toEqual(before);

    // Per-address limit on new codes: 6 per minute here (one issued above, and the five bad requests counted).
    const limited = await post('/v1/device/authorize', '{}');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await rowCounts()).toEqual(before);
    expect(issued.userCode).toBeTruthy();
  });
});
