/**
 * The HubSpot client's failure paths that the sandbox tests do not reach: HubSpot not answering in time, and a
 * portal without an access token. Both must leave the portal's rate limiter in a true state.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpError } from '../http/errors';
import { ContactReader } from './contact-reader';
import { HubSpotClient, HubSpotError, NoAccessTokenError } from './hubspot-client';

const PORTAL = 7;
const servers: http.Server[] = [];

/** A stand-in for HubSpot that counts requests and never answers them. */
async function silentHubSpot(): Promise<{ url: string; requests: () => number }> {
  let requests = 0;
  const server = http.createServer(() => {
    requests += 1;
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => requests };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const withToken = { accessToken: async () => 'token' };
const withoutToken = {
  accessToken: async (portalId: number): Promise<string> => {
    throw new Error(`portal ${portalId} has no active install`);
  },
};

describe('HubSpot client', () => {
  it('gives up on a call HubSpot does not answer in time, as a retryable timeout the limiter counted', async () => {
    const hubspot = await silentHubSpot();
    const client = new HubSpotClient(hubspot.url, withToken);

    const failure = await client
      .request(PORTAL, 'GET', '/crm/v3/properties/contacts', undefined, { timeoutMs: 200 })
      .then(
        () => undefined,
        (error: unknown) => error,
      );

    expect(failure).toBeInstanceOf(HubSpotError);
    expect(failure).toMatchObject({ status: 0, timedOut: true, retryable: true });
    expect(client.limiter(PORTAL).inWindow()).toBe(1);
  });

  it('sends nothing for a portal without an access token, says so, and gives the slot it took back', async () => {
    const hubspot = await silentHubSpot();
    const client = new HubSpotClient(hubspot.url, withoutToken);

    const failure = await client.request(PORTAL, 'GET', '/crm/v3/properties/contacts').then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(NoAccessTokenError);
    expect(String(failure)).toBe(`Error: portal ${PORTAL} has no active install`);
    expect(hubspot.requests()).toBe(0);
    expect(client.limiter(PORTAL).inWindow()).toBe(0);
  });

  it("keeps a slot its caller holds when there is no token: it stays the caller's to release", async () => {
    const hubspot = await silentHubSpot();
    const client = new HubSpotClient(hubspot.url, withoutToken);
    const stamp = await client.limiter(PORTAL).acquire();

    await expect(
      client.request(PORTAL, 'GET', '/crm/v3/properties/contacts', undefined, { slotStamp: stamp }),
    ).rejects.toBeInstanceOf(NoAccessTokenError);
    expect(client.limiter(PORTAL).inWindow()).toBe(1);
  });
});

describe('contact reads through the client', () => {
  it('answer 409 portal_not_installed for a portal without a token, without calling HubSpot', async () => {
    const hubspot = await silentHubSpot();
    const reader = new ContactReader(new HubSpotClient(hubspot.url, withoutToken));

    const failure = await reader.contact(PORTAL, '42').then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(HttpError);
    expect(failure).toMatchObject({ status: 409, code: 'portal_not_installed' });
    expect(hubspot.requests()).toBe(0);
  });

  it('answer 504 hubspot_timeout when HubSpot does not answer in time', async () => {
    const timedOut = new HubSpotError(
      0,
      'network error: The operation was aborted due to timeout',
      undefined,
      {},
      true,
    );
    const client = { request: async () => Promise.reject(timedOut) } as unknown as HubSpotClient;

    await expect(new ContactReader(client).search(PORTAL, 'ada', 10)).rejects.toMatchObject({
      status: 504,
      code: 'hubspot_timeout',
    });
  });
});
