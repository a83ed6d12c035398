/**
 * The sandbox against HubSpot's published behaviour, per API area (see each sandbox module's header for its source):
 * properties per object type and value validation, partial 207 answers, search limits and indexing lag,
 * date-versioned paths.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../sandbox/sandbox';

const PORTAL = 7;

/** The parts of HubSpot's answers these tests read. */
interface Answer {
  status?: string;
  message?: string;
  correlationId?: string;
  numErrors?: number;
  total: number;
  results: { id: string; name: string; properties: Record<string, string> }[];
  errors?: { code?: string; context?: Record<string, string[]> }[];
}

describe('HubSpot sandbox, per API area', () => {
  let sandbox: RunningSandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  async function start(options: SandboxOptions = {}) {
    sandbox = await startSandbox({ portals: [{ id: PORTAL }], ...options });
    const token = sandbox.state.issueAccessToken(PORTAL);
    const url = sandbox.url;
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as Answer };
    };
    return { call, sandbox };
  }

  const note = (eventId: string, contactId: string, extra: Record<string, string> = {}) => ({
    properties: { hs_timestamp: '2026-12-01T10:00:00Z', hs_note_body: 'hi', closer_event_id: eventId, ...extra },
    associations: [
      { to: { id: contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] },
    ],
  });

  async function contact(call: Awaited<ReturnType<typeof start>>['call'], email: string): Promise<string> {
    const answer = await call('POST', '/crm/v3/objects/contacts/batch/upsert', {
      inputs: [{ idProperty: 'email', id: email, properties: {} }],
    });
    return answer.body.results[0]?.id ?? '';
  }

  it('defines properties per object type: one created on notes does not exist on emails or contacts', async () => {
    const { call } = await start();
    const id = await contact(call, 'a@x.io');
    const refused = await call('POST', '/crm/v3/objects/notes/batch/create', { inputs: [note('e1', id)] });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      status: 'error',
      category: 'VALIDATION_ERROR',
      message: 'Property values were not valid',
      errors: [{ code: 'PROPERTY_DOESNT_EXIST', context: { propertyName: ['closer_event_id'] } }],
    });
    expect(typeof refused.body.correlationId).toBe('string');

    expect((await call('POST', '/crm/v3/properties/notes/groups', { name: 'closer', label: 'Closer' })).status).toBe(
      201,
    );
    const property = { name: 'closer_event_id', label: 'Id', type: 'string', fieldType: 'text', groupName: 'closer' };
    expect((await call('POST', '/crm/v3/properties/notes', property)).status).toBe(201);
    expect((await call('POST', '/crm/v3/properties/notes', property)).status).toBe(409);
    const created = await call('POST', '/crm/v3/objects/notes/batch/create', { inputs: [note('e1', id)] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'COMPLETE', results: [{ properties: { closer_event_id: 'e1' } }] });

    const names = async (type: string) =>
      (await call('GET', `/crm/v3/properties/${type}`)).body.results.map((p) => p.name);
    expect(await names('notes')).toContain('closer_event_id');
    expect(await names('emails')).not.toContain('closer_event_id');
    expect(await names('contacts')).not.toContain('closer_event_id');
  });

  it('requires hs_timestamp on notes and checks value types and enumeration options', async () => {
    const { call } = await start();
    const id = await contact(call, 'a@x.io');
    const noTimestamp = await call('POST', '/crm/v3/objects/notes/batch/create', {
      inputs: [{ properties: { hs_note_body: 'hi' }, associations: [] }],
    });
    expect(noTimestamp.status).toBe(400);
    expect(noTimestamp.body.errors).toEqual([expect.objectContaining({ code: 'REQUIRED_PROPERTY' })]);
    const badDate = await call('POST', '/crm/v3/objects/notes/batch/create', {
      inputs: [{ properties: { hs_timestamp: 'yesterday' }, associations: [] }],
    });
    expect(badDate.body.errors).toEqual([expect.objectContaining({ code: 'INVALID_DATE' })]);
    const badOption = await call('POST', '/crm/v3/objects/emails/batch/create', {
      inputs: [{ properties: { hs_timestamp: '1764583200000', hs_email_direction: 'SIDEWAYS' }, associations: [] }],
    });
    expect(badOption.status).toBe(400);
    expect(badOption.body.errors).toEqual([expect.objectContaining({ code: 'INVALID_OPTION' })]);
    const email = await call('POST', '/crm/v3/objects/emails/batch/create', {
      inputs: [{ properties: { hs_timestamp: '1764583200000', hs_email_direction: 'EMAIL' }, associations: [] }],
    });
    expect(email.status).toBe(201);

    await call('POST', '/crm/v3/properties/contacts/groups', { name: 'closer', label: 'Closer' });
    await call('POST', '/crm/v3/properties/contacts', {
      name: 'closer_count',
      label: 'Count',
      type: 'number',
      fieldType: 'number',
      groupName: 'closer',
    });
    const notNumber = await call('POST', '/crm/v3/objects/contacts/batch/upsert', {
      inputs: [{ idProperty: 'email', id: 'a@x.io', properties: { closer_count: 'many' } }],
    });
    expect(notNumber.status).toBe(400);
    expect(notNumber.body.errors).toEqual([expect.objectContaining({ code: 'INVALID_NUMBER' })]);
    expect(id).toMatch(/^\d+$/);
  });

  it('answers 207 with the injected records in errors and writes the others', async () => {
    const { call, sandbox: s } = await start({ faults: { refuseRecords: ['b@x.io'] } });
    const answer = await call('POST', '/crm/v3/objects/contacts/batch/upsert', {
      inputs: ['a@x.io', 'b@x.io', 'c@x.io'].map((id) => ({ idProperty: 'email', id, properties: {} })),
    });
    expect(answer.status).toBe(207);
    expect(answer.body).toMatchObject({
      status: 'COMPLETE',
      numErrors: 1,
      errors: [{ status: 'error', category: 'VALIDATION_ERROR', context: { ids: ['b@x.io'] } }],
    });
    expect(answer.body.results).toHaveLength(2);
    expect(answer.headers.get('x-hubspot-ratelimit-remaining')).not.toBeNull();
    expect([...(s.state.portals.get(PORTAL)?.contactByEmail.keys() ?? [])].sort()).toEqual(['a@x.io', 'c@x.io']);
  });

  it('limits search per second on its own, without rate-limit headers, 200 a page and not past 10,000', async () => {
    const { call, sandbox: s } = await start({ searchPerSecond: 2, rateLimit: { max: 1, windowMs: 60_000 } });
    // The ten-second window is spent: search does not count against it.
    expect((await call('GET', '/crm/v3/properties/contacts')).status).toBe(200);
    expect((await call('GET', '/crm/v3/properties/contacts')).status).toBe(429);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const answer = await call('POST', '/crm/v3/objects/contacts/search', {});
      statuses.push(answer.status);
      expect(answer.headers.get('x-hubspot-ratelimit-remaining')).toBeNull();
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(s.state.searchThrottled(PORTAL)).toBe(1);
    await new Promise((r) => setTimeout(r, 1_050));
    expect((await call('POST', '/crm/v3/objects/contacts/search', { limit: 201 })).status).toBe(400);
    expect((await call('POST', '/crm/v3/objects/contacts/search', { limit: 200, after: '9900' })).status).toBe(400);
  });

  it('finds a written record only after the configured indexing lag', async () => {
    const { call, sandbox: s } = await start({ faults: { searchLagMs: 600 } });
    await contact(call, 'lag@x.io');
    const find = async () =>
      (
        await call('POST', '/crm/v3/objects/contacts/search', {
          filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: 'lag@x.io' }] }],
        })
      ).body.total;
    expect(await find()).toBe(0);
    await new Promise((r) => setTimeout(r, 700));
    expect(await find()).toBe(1);
    expect(s.state.portals.get(PORTAL)?.contacts.size).toBe(1);
  });

  it('answers date-versioned paths as their v3 equivalents', async () => {
    const { call } = await start();
    const answer = await call('POST', '/crm/objects/2026-03/contacts/batch/upsert', {
      inputs: [{ idProperty: 'email', id: 'dated@x.io', properties: {} }],
    });
    expect(answer.status).toBe(200);
    expect((await call('GET', '/crm/properties/2026-03/notes')).status).toBe(200);
  });
});
