/**
 * Extension tokens expire when left unused and are renewed while in use (issue 17, least authority): a token 30 days
 * past issue is refused with a reason; renewal gives a new token for the same portal and user and retires the old
 * one after a short grace; a renewed token cannot be renewed again. Runs on both databases.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from './test-support/test-databases';
import { startHarness, type Harness } from './test-support/app-harness';

describe.each(DATABASE_KINDS)('extension token lifetime on %s', (kind) => {
  const database = useTestDatabase(kind);
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  const me = (h: Harness, token: string) =>
    fetch(`${h.server.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  const renew = (h: Harness, token: string) =>
    fetch(`${h.server.url}/v1/tokens/current:renew`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  /** Moves every token's issue date back, as if `days` had passed (the process cache holds a verdict for 5 s). */
  const age = async (days: number) =>
    database().db.query(`UPDATE extension_tokens SET created_at = created_at - make_interval(days => $1)`, [days]);

  it('refuses a token unused for 30 days, with the reason, and accepts one used within them', async () => {
    harness = await startHarness(database().db, {}, { SYNC_WORKER: '0' });
    const young = await harness.devToken(101, 'u-young');
    const old = await harness.devToken(101, 'u-old');
    await age(29);
    expect((await me(harness, young)).status).toBe(200);
    await database().db.query(
      `UPDATE extension_tokens SET created_at = created_at - interval '2 days' WHERE user_id = 'u-old'`,
    );
    // A fresh token string is not cached, so the old one is judged now.
    const refused = await me(harness, old);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/expired.*sign in again/);
  });

  it('renews: a new token for the same portal and user; the old one is retired after its grace and cannot renew', async () => {
    harness = await startHarness(database().db, {}, { SYNC_WORKER: '0' });
    const first = await harness.devToken(202, 'u-7');
    const renewed = await renew(harness, first);
    expect(renewed.status).toBe(200);
    const { token, expiresAt } = (await renewed.json()) as { token: string; expiresAt: string };
    expect(token).toMatch(/^clx_/);
    expect(token).not.toBe(first);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect(await (await me(harness, token)).json()).toMatchObject({ portalId: 202, userId: 'u-7' });
    // After its grace the renewed token is refused.
    await database().db.query(
      `UPDATE extension_tokens SET revoked_at = now() - interval '1 second' WHERE revoked_at IS NOT NULL`,
    );
    expect((await me(harness, first)).status).toBe(401);
    expect((await me(harness, token)).status).toBe(200);
    // Within the grace the old token still works (the answer carrying its successor may have been lost), but it
    // renews nothing more: a copy of it must not outlive the grace.
    const second = await harness.devToken(202, 'u-8');
    expect((await renew(harness, second)).status).toBe(200);
    expect((await me(harness, second)).status).toBe(200);
    expect((await renew(harness, second)).status).toBe(409);
    const { rows } = await database().db.query<{ n: number }>('SELECT count(*)::int AS n FROM extension_tokens');
    expect(rows[0]?.n).toBe(4);
  });

  it('refuses renewal without a valid token', async () => {
    harness = await startHarness(database().db, {}, { SYNC_WORKER: '0' });
    expect((await renew(harness, 'clx_notatokennotatokennotatoken')).status).toBe(401);
    const { rows } = await database().db.query<{ n: number }>('SELECT count(*)::int AS n FROM extension_tokens');
    expect(rows[0]?.n).toBe(0);
  });
});
