/** The HubSpot sandbox itself: HubSpot's shapes for limits and errors, batch limits, upsert semantics, tiers. */
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../sandbox/sandbox';

describe('HubSpot sandbox', () => {
  let sandbox: RunningSandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  async function start(tier: 'free' | 'enterprise' = 'free', max = 3) {
    sandbox = await startSandbox({ portals: [{ id: 7, tier }], rateLimit: { max, windowMs: 60_000 } });
    const token = sandbox.state.issueAccessToken(7);
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${sandbox?.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    return { call, sandbox };
  }

  it('answers 429 in HubSpot shape with rate-limit headers once the rolling window is full', async () => {
    const { call } = await start();
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await call('GET', '/crm/v3/properties/contacts'));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(answers[0]?.headers.get('x-hubspot-ratelimit-max')).toBe('3');
    expect(answers[0]?.headers.get('x-hubspot-ratelimit-remaining')).toBe('2');
    expect(answers[3]?.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('60000');
    expect(await answers[3]?.json()).toMatchObject({
      status: 'error',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
    });
    // Search is exempt from the ten-second limit, as on HubSpot.
    expect((await call('POST', '/crm/v3/objects/contacts/search', {})).status).toBe(200);
  });

  it('upserts by email idempotently, refuses batches over 100, unknown properties and missing auth', async () => {
    const { call, sandbox: s } = await start();
    const upsert = { inputs: [{ idProperty: 'email', id: 'A@x.io', properties: { firstname: 'Ada' } }] };
    const first = (await (await call('POST', '/crm/v3/objects/contacts/batch/upsert', upsert)).json()) as {
      results: { id: string; new: boolean }[];
    };
    const second = (await (await call('POST', '/crm/v3/objects/contacts/batch/upsert', upsert)).json()) as typeof first;
    expect(second.results[0]).toMatchObject({ id: first.results[0]?.id, new: false });
    expect(s.state.duplicates(7)).toEqual({ contacts: 0, engagements: 0 });
    const tooMany = {
      inputs: Array.from({ length: 101 }, (_, i) => ({ idProperty: 'email', id: `${i}@x.io`, properties: {} })),
    };
    const refused = await call('POST', '/crm/v3/objects/contacts/batch/upsert', tooMany);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    const unknown = await fetch(`${s.url}/crm/v3/objects/contacts/batch/read`, { method: 'POST', body: '{}' });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ category: 'INVALID_AUTHENTICATION' });
  });

  it('injects the same faults on every run for one seed, and none without an error rate', async () => {
    const statuses = async (seed: number, errorRate: number) => {
      const s = await startSandbox({ portals: [{ id: 7 }], faults: { errorRate }, faultSeed: seed });
      const token = s.state.issueAccessToken(7);
      const seen: number[] = [];
      for (let i = 0; i < 20; i += 1) {
        const answer = await fetch(`${s.url}/crm/v3/properties/contacts`, {
          headers: { authorization: `Bearer ${token}` },
        });
        seen.push(answer.status);
      }
      await s.close();
      return seen;
    };
    const first = await statuses(6, 0.3);
    expect(first).toContain(502);
    expect(first).toContain(200);
    expect(await statuses(6, 0.3)).toEqual(first);
    expect(new Set(await statuses(6, 0))).toEqual(new Set([200]));
  });

  it('answers 403 on /crm/v3/schemas for a non-Enterprise portal and 200 on Enterprise', async () => {
    const free = await start('free');
    expect((await free.call('GET', '/crm/v3/schemas')).status).toBe(403);
    await sandbox?.close();
    const enterprise = await start('enterprise');
    expect((await enterprise.call('GET', '/crm/v3/schemas')).status).toBe(200);
  });

  it('creates a custom object once, upserts its records by a unique property only, and links them to contacts', async () => {
    const { call, sandbox: s } = await start('enterprise', 100);
    const schema = {
      name: 'thing',
      requiredProperties: ['key', 'note'],
      properties: [
        { name: 'key', label: 'Key', type: 'string', fieldType: 'text', hasUniqueValue: true },
        { name: 'note', label: 'Note', type: 'string', fieldType: 'text' },
      ],
      associatedObjects: ['CONTACT'],
    };
    const created = await call('POST', '/crm/v3/schemas', schema);
    expect(created.status).toBe(201);
    const { objectTypeId } = (await created.json()) as { objectTypeId: string };
    expect((await call('POST', '/crm/v3/schemas', schema)).status).toBe(409);

    const upsert = (idProperty: string, id: string, note: string) =>
      call('POST', `/crm/v3/objects/${objectTypeId}/batch/upsert`, {
        inputs: [{ idProperty, id, properties: { note } }],
      });
    const first = (await (await upsert('key', 'k1', 'one')).json()) as { results: { id: string; new: boolean }[] };
    const again = (await (await upsert('key', 'k1', 'two')).json()) as typeof first;
    expect(again.results[0]).toMatchObject({ id: first.results[0]?.id, new: false });
    expect((await upsert('note', 'x', 'y')).status).toBe(400);
    // One input missing a required property refuses the whole batch: the valid one is not written either.
    const mixed = await call('POST', `/crm/v3/objects/${objectTypeId}/batch/upsert`, {
      inputs: [
        { idProperty: 'key', id: 'k2', properties: { note: 'fine' } },
        { idProperty: 'key', id: 'k3', properties: {} },
      ],
    });
    expect(mixed.status).toBe(400);
    expect((await call('POST', '/crm/v3/objects/2-1/batch/upsert', { inputs: [] })).status).toBe(404);
    const records = s.state.portals.get(7)?.customObjects.get(objectTypeId);
    expect([...(records?.values() ?? [])].map((r) => r.properties)).toEqual([{ key: 'k1', note: 'two' }]);

    const contact = (await (
      await call('POST', '/crm/v3/objects/contacts/batch/upsert', {
        inputs: [{ idProperty: 'email', id: 'a@x.io', properties: {} }],
      })
    ).json()) as { results: { id: string }[] };
    const link = { inputs: [{ from: { id: first.results[0]?.id }, to: { id: contact.results[0]?.id } }] };
    const path = `/crm/v4/associations/${objectTypeId}/contacts/batch/associate/default`;
    expect((await call('POST', path, link)).status).toBe(200);
    expect((await call('POST', path, link)).status).toBe(200);
    expect(s.state.portals.get(7)?.associations.get(`contacts:${contact.results[0]?.id}`)?.size).toBe(1);
    expect((await call('POST', path, { inputs: [{ from: { id: '1' }, to: { id: '2' } }] })).status).toBe(400);
  });

  it('grants required scopes and the optional ones the account has, and guards emails and custom objects', async () => {
    sandbox = await startSandbox({
      portals: [
        { id: 7, tier: 'professional' },
        { id: 8, withheldScopes: ['oauth'] },
      ],
    });
    const s = sandbox;
    const grant = async (portal: number) => {
      const query = new URLSearchParams({
        client_id: s.state.clientId,
        redirect_uri: 'http://cb.test/cb',
        portal_id: String(portal),
        scope: 'oauth crm.objects.contacts.read',
        optional_scope: 'sales-email-read crm.schemas.custom.write',
      });
      const authorize = await fetch(`${s.url}/oauth/authorize?${query}`, { redirect: 'manual' });
      if (authorize.status !== 302) return authorize.status;
      const code = new URL(authorize.headers.get('location') ?? '').searchParams.get('code') ?? '';
      const form = { grant_type: 'authorization_code', client_id: s.state.clientId, code };
      const token = (await (
        await fetch(`${s.url}/oauth/v1/token`, {
          method: 'POST',
          body: new URLSearchParams({
            ...form,
            client_secret: s.state.clientSecret,
            redirect_uri: 'http://cb.test/cb',
          }),
        })
      ).json()) as { access_token: string };
      const info = (await (await fetch(`${s.url}/oauth/v1/access-tokens/${token.access_token}`)).json()) as {
        scopes: string[];
      };
      return { token: token.access_token, scopes: info.scopes };
    };
    const granted = await grant(7);
    // Professional: no custom objects, so that optional scope is left out; the install still goes ahead.
    expect(typeof granted === 'object' && granted.scopes).toEqual([
      'oauth',
      'crm.objects.contacts.read',
      'sales-email-read',
    ]);
    // A required scope the account cannot grant stops the install.
    expect(await grant(8)).toBe(400);

    const noEmails = s.state.issueAccessToken(7, undefined, ['crm.objects.contacts.read']);
    const read = await fetch(`${s.url}/crm/v3/objects/emails/batch/read`, {
      method: 'POST',
      headers: { authorization: `Bearer ${noEmails}`, 'content-type': 'application/json' },
      body: JSON.stringify({ inputs: [] }),
    });
    expect(read.status).toBe(403);
    expect(await read.json()).toMatchObject({ category: 'MISSING_SCOPES' });
    const withEmails = s.state.issueAccessToken(7);
    const allowed = await fetch(`${s.url}/crm/v3/objects/emails/batch/read`, {
      method: 'POST',
      headers: { authorization: `Bearer ${withEmails}`, 'content-type': 'application/json' },
      body: JSON.stringify({ inputs: [] }),
    });
    expect(allowed.status).toBe(200);
  });

  it('exchanges an authorization code and a refresh token (form-encoded)', async () => {
    const { sandbox: s } = await start();
    const authorize = await fetch(
      `${s.url}/oauth/authorize?client_id=${s.state.clientId}&redirect_uri=${encodeURIComponent('http://cb.test/cb')}&state=xyz`,
      { redirect: 'manual' },
    );
    const location = new URL(authorize.headers.get('location') ?? '');
    expect(location.searchParams.get('state')).toBe('xyz');
    const form = (extra: Record<string, string>) =>
      fetch(`${s.url}/oauth/v1/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ client_id: s.state.clientId, client_secret: s.state.clientSecret, ...extra }),
      });
    const grant = (await (
      await form({
        grant_type: 'authorization_code',
        code: location.searchParams.get('code') ?? '',
        redirect_uri: 'http://cb.test/cb',
      })
    ).json()) as { refresh_token: string; expires_in: number; hub_id: number };
    expect(grant).toMatchObject({ expires_in: 1800, hub_id: 7 });
    expect((await form({ grant_type: 'refresh_token', refresh_token: grant.refresh_token })).status).toBe(200);
    expect((await form({ grant_type: 'refresh_token', refresh_token: 'nope' })).status).toBe(400);
  });
});
