import {
  Alert,
  Button,
  ErrorState,
  Heading,
  LoadingSpinner,
  StatusTag,
  TableCell,
  TableRow,
  Text,
  hubspot,
  logger,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SettingsPage } from './SettingsPage.tsx';
import type { SettingsResponse } from '../types/settings.ts';
import { BACKEND_ORIGIN } from '../utils/loadSettings.ts';

const ITEMS = [
  { name: 'closer_persona_label', label: 'Closer persona' },
  { name: 'closer_persona_summary', label: 'Closer persona summary' },
];

function settings(overrides: Partial<SettingsResponse> = {}): SettingsResponse {
  return {
    portalId: 303,
    connected: true,
    installedAt: '2026-11-20T08:00:00.000Z',
    properties: { checked: true, items: ITEMS.map((i) => ({ ...i, exists: true })) },
    loggedEmails: 'in-use',
    campaignResults: { notes: true, customObject: 'unavailable' },
    ...overrides,
  };
}

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const rowsOf = (findAll: ReturnType<typeof createRenderer>['findAll']) =>
  findAll(TableRow).map((row) =>
    // A status cell holds a StatusTag, whose text is the tag's, not the cell's.
    row.findAll(TableCell).map((cell) => cell.text ?? cell.findAll(StatusTag)[0]?.text),
  );

describe('Closer settings page', () => {
  beforeEach(() => {
    vi.spyOn(logger, 'error').mockImplementation(() => {});
  });

  it('registers with hubspot.extend for the settings location', async () => {
    const extend = vi.spyOn(hubspot, 'extend').mockImplementation(() => {});
    vi.spyOn(hubspot, 'fetch').mockResolvedValue(jsonResponse(settings()));

    await import('../Settings.tsx');

    expect(extend).toHaveBeenCalledTimes(1);
    const renderPage = extend.mock.calls[0]?.[0] as unknown as () => ReactNode;
    const { render, findAll, waitFor } = createRenderer('settings');
    render(renderPage());
    await waitFor(() => expect(findAll(Heading).length).toBe(3));
  });

  it('shows a spinner, then the connection, each property present and the features in use', async () => {
    const fetchSpy = vi.spyOn(hubspot, 'fetch').mockResolvedValue(jsonResponse(settings()));
    const { render, find, findAll, waitFor } = createRenderer('settings');

    render(<SettingsPage />);

    expect(find(LoadingSpinner).props.label).toBe('Loading Closer settings');
    await waitFor(() =>
      expect(findAll(Heading).map((h) => h.text)).toEqual([
        'Connection',
        'Contact properties',
        'HubSpot features in use',
      ]),
    );
    expect(fetchSpy).toHaveBeenCalledWith(
      `${BACKEND_ORIGIN}/v1/card/settings`,
      expect.objectContaining({ method: 'GET' }),
    );
    expect(findAll(StatusTag)[0]?.text).toBe('Connected');
    const texts = findAll(Text).map((t) => t.text);
    expect(texts).toContain('Installed on 2026-11-20.');
    expect(texts).toContain('2 of 2 Closer properties exist in this account.');
    expect(findAll(Alert)).toHaveLength(0);
    const rows = rowsOf(findAll);
    expect(rows).toContainEqual(['Closer persona', 'closer_persona_label', 'Present']);
    expect(rows).toContainEqual([
      'Custom object “Closer campaign result”',
      'Not available on this account’s tier: results are kept as notes.',
    ]);
  });

  it('flags a missing property and says how to get it back', async () => {
    const items = [
      { ...ITEMS[0]!, exists: true },
      { ...ITEMS[1]!, exists: false },
    ];
    vi.spyOn(hubspot, 'fetch').mockResolvedValue(
      jsonResponse(
        settings({ properties: { checked: true, items }, campaignResults: { notes: true, customObject: 'in-use' } }),
      ),
    );
    const { render, find, findAll, waitFor } = createRenderer('settings');

    render(<SettingsPage />);

    await waitFor(() => expect(find(Alert).props.title).toBe('Some properties are missing'));
    expect(find(Alert).props.variant).toBe('danger');
    expect(findAll(Text).map((t) => t.text)).toContain('1 of 2 Closer properties exist in this account.');
    expect(rowsOf(findAll)).toContainEqual(['Closer persona summary', 'closer_persona_summary', 'Missing']);
    expect(rowsOf(findAll)).toContainEqual([
      'Custom object “Closer campaign result”',
      'In use (Enterprise): each result is also a record you can report on.',
    ]);
  });

  it('says why properties could not be checked, and a disconnected account how to reconnect', async () => {
    vi.spyOn(hubspot, 'fetch').mockResolvedValue(
      jsonResponse(
        settings({
          connected: false,
          installedAt: null,
          properties: { checked: false, reason: 'not-connected', items: ITEMS.map((i) => ({ ...i, exists: null })) },
          loggedEmails: 'not-granted',
          campaignResults: { notes: true, customObject: 'not-set-up' },
        }),
      ),
    );
    const { render, find, findAll, waitFor } = createRenderer('settings');

    render(<SettingsPage />);

    await waitFor(() => expect(findAll(StatusTag)[0]?.text).toBe('Not connected'));
    expect(
      findAll(Text)
        .map((t) => t.text)
        .join(' '),
    ).toContain('Install the app again');
    expect(find(Alert).props.title).toBe('Properties not checked');
    expect(find(Alert).text).toContain('Connect the app to check its properties.');
    expect(rowsOf(findAll)).toContainEqual(['Closer persona', 'closer_persona_label', 'Unknown']);
    expect(rowsOf(findAll)).toContainEqual([
      'Logged emails',
      'Not granted to Closer in this account: contacts are read with their notes only.',
    ]);
  });

  it('shows the error state on a failed request and recovers on retry; "Check again" reloads', async () => {
    const fetchSpy = vi
      .spyOn(hubspot, 'fetch')
      .mockResolvedValueOnce(jsonResponse({ error: { code: 'internal_error' } }, 500))
      .mockResolvedValue(jsonResponse(settings()));
    const { render, find, findAll, waitFor } = createRenderer('settings');

    render(<SettingsPage />);

    await waitFor(() =>
      expect(find(ErrorState).find(Text).text).toBe('Closer could not load the settings for this account.'),
    );
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('500'));
    find(Button, { variant: 'secondary' }).trigger('onClick');
    await waitFor(() => expect(findAll(Heading)).toHaveLength(3));
    find(Button, { variant: 'secondary' }).trigger('onClick');
    await waitFor(() => expect(fetchSpy).toHaveBeenCalledTimes(3));
  });

  it('treats an answer of the wrong shape, or a network failure, as an error and not as data', async () => {
    vi.spyOn(hubspot, 'fetch')
      .mockResolvedValueOnce(jsonResponse({ ...settings(), campaignResults: { notes: true, customObject: 'maybe' } }))
      .mockRejectedValueOnce(new Error('socket hang up'));
    const first = createRenderer('settings');
    first.render(<SettingsPage />);
    await first.waitFor(() => expect(first.find(ErrorState).find(Text).text).toContain('does not understand'));
    first.find(Button, { variant: 'secondary' }).trigger('onClick');
    await first.waitFor(() => expect(first.find(ErrorState).find(Text).text).toBe('Closer could not be reached.'));
  });

  it('speaks Simplified Chinese to a user with a Chinese locale', async () => {
    vi.spyOn(hubspot, 'fetch').mockResolvedValue(jsonResponse(settings()));
    const { render, find, findAll, waitFor, mocks } = createRenderer('settings');
    mocks.useExtensionContext.willCall(() => ({ ...mocks.context, user: { ...mocks.context.user, locale: 'zh-CN' } }));

    render(<SettingsPage />);

    expect(find(LoadingSpinner).props.label).toBe('正在加载 Closer 设置');
    await waitFor(() =>
      expect(findAll(Heading).map((h) => h.text)).toEqual(['连接', '联系人属性', '使用的 HubSpot 功能']),
    );
    expect(findAll(StatusTag)[0]?.text).toBe('已连接');
    expect(rowsOf(findAll)).toContainEqual(['Closer persona', 'closer_persona_label', '存在']);
  });
});
