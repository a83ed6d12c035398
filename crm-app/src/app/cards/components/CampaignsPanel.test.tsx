import {
  BarChart,
  Button,
  EmptyState,
  ErrorState,
  Heading,
  LoadingSpinner,
  TableCell,
  TableRow,
  Text,
  hubspot,
  logger,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CampaignsPanel } from './CampaignsPanel.tsx';
import { BACKEND_ORIGIN } from '../config/backend.ts';
import {
  createMockContactCampaigns,
  createMockContactResult,
  createMockTeamResults,
  createMockVariant,
} from '../test-utils/campaign-mocks.ts';
import { jsonResponse } from '../test-utils/mocks.ts';

/** Answers by path, as the backend would; anything else is a 404. */
function routeFetch(routes: Record<string, () => Response>) {
  return vi.spyOn(hubspot, 'fetch').mockImplementation(async (url) => {
    const path = String(url).slice(BACKEND_ORIGIN.length).split('?')[0] ?? '';
    return routes[path]?.() ?? jsonResponse({ error: { code: 'not_found' } }, 404);
  });
}

describe('CampaignsPanel', () => {
  beforeEach(() => {
    vi.spyOn(logger, 'error').mockImplementation(() => {});
  });

  it('shows a spinner, then the contact’s campaigns and the weekly sentiment of their replies', async () => {
    const fetchSpy = routeFetch({
      '/v1/card/campaigns': () =>
        jsonResponse(
          createMockContactCampaigns({
            results: [
              createMockContactResult(),
              createMockContactResult({
                campaignId: 'c2',
                campaignName: 'Webinar',
                variantName: 'Invite',
                replied: false,
                replySentiment: null,
                replyIntent: null,
                sentAt: null,
              }),
            ],
            sentimentTrend: [
              { week: '2026-11-02', negative: 1, neutral: 0, positive: 0 },
              { week: '2026-11-09', negative: 0, neutral: 2, positive: 1 },
            ],
          }),
        ),
    });
    const { render, find, findAll, waitFor, mocks } = createRenderer('crm.record.tab');

    render(<CampaignsPanel />);

    expect(find(LoadingSpinner).props.label).toBe('Loading campaign results');
    await waitFor(() => expect(findAll(TableRow)).toHaveLength(3));
    expect(fetchSpy).toHaveBeenCalledWith(
      `${BACKEND_ORIGIN}/v1/card/campaigns?contactId=${mocks.context.crm.objectId}`,
      expect.objectContaining({ method: 'GET' }),
    );
    const rows = findAll(TableRow).map((row) => row.findAll(TableCell).map((cell) => cell.text));
    expect(rows[1]).toEqual(['Q4 launch', 'Short and direct', '2026-11-02', 'Yes', 'Positive', 'pricing']);
    expect(rows[2]).toEqual(['Webinar', 'Invite', '—', 'No', '—', '—']);
    const chart = find(BarChart);
    expect(chart.props.data).toEqual([
      { week: '2026-11-02', sentiment: 'Negative', replies: 1 },
      { week: '2026-11-09', sentiment: 'Neutral', replies: 2 },
      { week: '2026-11-09', sentiment: 'Positive', replies: 1 },
    ]);
    expect(chart.props.axes.options?.groupFieldByColor).toBe('sentiment');
  });

  it('shows the empty state for a contact without campaign results, and no chart', async () => {
    routeFetch({ '/v1/card/campaigns': () => jsonResponse(createMockContactCampaigns()) });
    const { render, find, findAll, waitFor } = createRenderer('crm.record.tab');

    render(<CampaignsPanel />);

    await waitFor(() => expect(find(EmptyState).props.title).toBe('No campaign results yet'));
    expect(findAll(BarChart)).toHaveLength(0);
  });

  it('says when replies exist but none was classified, instead of drawing an empty chart', async () => {
    routeFetch({
      '/v1/card/campaigns': () =>
        jsonResponse(createMockContactCampaigns({ results: [createMockContactResult({ replySentiment: null })] })),
    });
    const { render, find, findAll, waitFor } = createRenderer('crm.record.tab');

    render(<CampaignsPanel />);

    await waitFor(() => expect(findAll(TableRow)).toHaveLength(2));
    expect(findAll(BarChart)).toHaveLength(0);
    expect(find(Text, { variant: 'microcopy' }).text).toContain('No classified replies yet');
  });

  it('shows the error state on a failed request and recovers on retry', async () => {
    const fetchSpy = vi
      .spyOn(hubspot, 'fetch')
      .mockResolvedValueOnce(jsonResponse({ error: { code: 'internal_error' } }, 500))
      .mockResolvedValueOnce(jsonResponse(createMockContactCampaigns()));
    const { render, find, waitFor } = createRenderer('crm.record.tab');

    render(<CampaignsPanel />);

    await waitFor(() => expect(find(ErrorState).find(Text).text).toBe('Closer could not load the campaign results.'));
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('500'));
    find(ErrorState).find(Button).trigger('onClick');
    await waitFor(() => expect(find(EmptyState)).toBeTruthy());
    expect(fetchSpy).toHaveBeenCalledTimes(2);
  });

  it('treats an answer of the wrong shape as an error, not as data', async () => {
    routeFetch({ '/v1/card/campaigns': () => jsonResponse({ contactId: '1', results: [{ campaignId: 5 }] }) });
    const { render, find, waitFor } = createRenderer('crm.record.tab');

    render(<CampaignsPanel />);

    await waitFor(() => expect(find(ErrorState).find(Text).text).toContain('does not understand'));
  });

  it('does not call the backend without a record id', async () => {
    const fetchSpy = vi.spyOn(hubspot, 'fetch');
    const { render, find, waitFor, mocks } = createRenderer('crm.record.tab');
    const crm = { ...mocks.context.crm, objectId: undefined as unknown as number };
    mocks.useExtensionContext.willCall(() => ({ ...mocks.context, crm }));

    render(<CampaignsPanel />);

    await waitFor(() => expect(find(ErrorState).find(Text).text).toContain('Open this card on a contact record'));
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('loads the team results only when asked, with intervals and the verdict on a winner', async () => {
    const fetchSpy = routeFetch({
      '/v1/card/campaigns': () => jsonResponse(createMockContactCampaigns()),
      '/v1/card/team-results': () =>
        jsonResponse(
          createMockTeamResults({
            campaigns: [
              {
                campaignId: 'c1',
                campaignName: 'Q4 launch',
                variants: [
                  createMockVariant(),
                  createMockVariant({
                    variantId: 'b',
                    variantName: 'Long story',
                    sends: 12,
                    replyRate: 0.25,
                    positiveRate: 1 / 12,
                    positiveInterval: { low: 0.015, high: 0.3, level: 0.9 },
                  }),
                ],
                winner: null,
                verdict: {
                  reason: 'insufficient_sample',
                  text: {
                    en: 'No winner yet: Long story has only 12 sends; every arm needs at least 30.',
                    zh: '暂无胜出者：Long story 仅发送 12 次，每个版本至少需要 30 次。',
                  },
                },
              },
            ],
          }),
        ),
    });
    const { render, find, findAll, waitFor } = createRenderer('crm.record.tab');

    render(<CampaignsPanel />);
    await waitFor(() => expect(find(EmptyState)).toBeTruthy());
    expect(fetchSpy).toHaveBeenCalledTimes(1);

    find(Button, { variant: 'secondary' }).trigger('onClick');

    await waitFor(() => expect(findAll(TableRow)).toHaveLength(3));
    expect(fetchSpy).toHaveBeenLastCalledWith(`${BACKEND_ORIGIN}/v1/card/team-results`, expect.anything());
    expect(findAll(Heading).map((h) => h.text)).toEqual(['Campaign results', 'Team results', 'Q4 launch']);
    const rows = findAll(TableRow).map((row) => row.findAll(TableCell).map((cell) => cell.text));
    expect(rows[1]).toEqual(['Short and direct', '41', '29%', '15% (8–26%)']);
    expect(rows[2]).toEqual(['Long story', '12', '25%', '8% (2–30%)']);
    expect(findAll(Text).map((t) => t.text)).toContain(
      'No winner yet: Long story has only 12 sends; every arm needs at least 30.',
    );
  });

  it('speaks Simplified Chinese to a user with a Chinese locale', async () => {
    routeFetch({ '/v1/card/campaigns': () => jsonResponse(createMockContactCampaigns()) });
    const { render, find, waitFor, mocks } = createRenderer('crm.record.tab');
    mocks.useExtensionContext.willCall(() => ({ ...mocks.context, user: { ...mocks.context.user, locale: 'zh-cn' } }));

    render(<CampaignsPanel />);

    await waitFor(() => expect(find(EmptyState).props.title).toBe('暂无营销活动结果'));
    expect(find(Heading).text).toBe('营销活动结果');
  });
});
