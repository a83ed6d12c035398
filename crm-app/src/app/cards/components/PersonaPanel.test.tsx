import {
  Button,
  DescriptionListItem,
  EmptyState,
  ErrorState,
  LoadingSpinner,
  TableCell,
  TableRow,
  Text,
  hubspot,
  logger,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PersonaPanel } from './PersonaPanel.tsx';
import { BACKEND_ORIGIN } from '../config/backend.ts';
import { createMockPersona, createMockPersonaResponse, jsonResponse } from '../test-utils/mocks.ts';

describe('PersonaCard', () => {
  beforeEach(() => {
    // The SDK's test logger prints to the console; keep test output clean and let tests assert on it.
    vi.spyOn(logger, 'error').mockImplementation(() => {});
  });

  it('registers the panel with hubspot.extend for crm.record.tab', async () => {
    const extend = vi.spyOn(hubspot, 'extend').mockImplementation(() => {});
    vi.spyOn(hubspot, 'fetch').mockResolvedValue(jsonResponse(createMockPersonaResponse()));

    await import('../PersonaCard.tsx');

    expect(extend).toHaveBeenCalledTimes(1);
    const renderCard = extend.mock.calls[0]?.[0] as unknown as () => ReactNode;
    const { render, find, waitFor } = createRenderer('crm.record.tab');
    render(renderCard());
    await waitFor(() => expect(find(EmptyState)).toBeTruthy());
  });

  it('shows a spinner, then the empty state when the contact has no persona yet', async () => {
    const fetchSpy = vi.spyOn(hubspot, 'fetch').mockResolvedValue(jsonResponse(createMockPersonaResponse()));
    const { render, find, waitFor, mocks } = createRenderer('crm.record.tab');

    render(<PersonaPanel />);

    expect(find(LoadingSpinner).props.label).toBe('Loading persona');
    await waitFor(() => expect(find(EmptyState).props.title).toBe('No persona yet'));
    expect(fetchSpy).toHaveBeenCalledWith(
      `${BACKEND_ORIGIN}/v1/card/persona?objectId=${mocks.context.crm.objectId}`,
      expect.objectContaining({ method: 'GET' }),
    );
  });

  it('shows the persona and each field with its confidence, source and last update', async () => {
    const persona = createMockPersona({ label: 'Budget holder', confidence: 0.5, origin: 'rules' });
    vi.spyOn(hubspot, 'fetch').mockResolvedValue(jsonResponse(createMockPersonaResponse({ persona })));
    const { render, find, findAll, waitFor } = createRenderer('crm.record.tab');

    render(<PersonaPanel />);

    await waitFor(() => expect(findAll(DescriptionListItem)).toHaveLength(4));
    const texts = findAll(DescriptionListItem).map((item) => item.find(Text).text);
    expect(texts).toEqual(['Budget holder', '50%', 'Rules (no model), approved', '2026-11-20']);
    expect(findAll(Text).map((t) => t.text)).toContain(persona.summary);
    // One header row, then one row per approved field, in the order the backend sent them.
    const rows = findAll(TableRow).map((row) => row.findAll(TableCell).map((cell) => cell.text));
    expect(rows.slice(1)).toEqual([
      ['Role', 'Head of RevOps', '90%', 'CRM field', '2026-11-20'],
      ['Objections heard', 'Price per seat', '35%', 'Email thread', '2026-11-18'],
    ]);
  });

  it('says so when a persona has no approved fields', async () => {
    const persona = createMockPersona({ fields: [] });
    vi.spyOn(hubspot, 'fetch').mockResolvedValue(jsonResponse(createMockPersonaResponse({ persona })));
    const { render, find, findAll, waitFor } = createRenderer('crm.record.tab');

    render(<PersonaPanel />);

    await waitFor(() => expect(find(Text, { variant: 'microcopy' }).text).toContain('No fields were approved'));
    expect(findAll(TableRow)).toHaveLength(0);
  });

  it('rejects a field with an unknown source instead of showing it', async () => {
    const persona = createMockPersona();
    const bad = { ...persona, fields: [{ ...persona.fields[0], source: 'guess' }] };
    vi.spyOn(hubspot, 'fetch').mockResolvedValue(jsonResponse(createMockPersonaResponse({ persona: bad as never })));
    const { render, find, waitFor } = createRenderer('crm.record.tab');

    render(<PersonaPanel />);

    await waitFor(() => expect(find(ErrorState).find(Text).text).toContain('does not understand'));
  });

  it('shows the error state on a failed request and recovers on retry', async () => {
    const fetchSpy = vi
      .spyOn(hubspot, 'fetch')
      .mockResolvedValueOnce(jsonResponse({ error: { code: 'internal_error' } }, 500))
      .mockResolvedValueOnce(jsonResponse(createMockPersonaResponse()));
    const { render, find, waitFor } = createRenderer('crm.record.tab');

    render(<PersonaPanel />);

    await waitFor(() => expect(find(ErrorState).find(Text).text).toContain('Closer could not load this persona.'));
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('500'));

    find(Button, { variant: 'secondary' }).trigger('onClick');

    await waitFor(() => expect(find(EmptyState)).toBeTruthy());
    expect(fetchSpy).toHaveBeenCalledTimes(2);
  });

  it('treats an answer of the wrong shape as an error, not as data', async () => {
    vi.spyOn(hubspot, 'fetch').mockResolvedValue(jsonResponse({ contactId: 123, persona: 'x' }));
    const { render, find, waitFor } = createRenderer('crm.record.tab');

    render(<PersonaPanel />);

    await waitFor(() => expect(find(ErrorState).find(Text).text).toContain('does not understand'));
  });

  it('does not call the backend without a record id', async () => {
    const fetchSpy = vi.spyOn(hubspot, 'fetch');
    const { render, find, waitFor, mocks } = createRenderer('crm.record.tab');
    // The SDK types objectId as always present; a host that sends none must not trigger a request for "undefined".
    const crm = { ...mocks.context.crm, objectId: undefined as unknown as number };
    mocks.useExtensionContext.willCall(() => ({ ...mocks.context, crm }));

    render(<PersonaPanel />);

    await waitFor(() => expect(find(ErrorState).find(Text).text).toContain('Open this card on a contact record'));
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('speaks Simplified Chinese to a user with a Chinese locale: labels, field names, sources and origin', async () => {
    const persona = createMockPersona({ label: 'Budget holder', confidence: 0.5, origin: 'rules' });
    vi.spyOn(hubspot, 'fetch').mockResolvedValue(jsonResponse(createMockPersonaResponse({ persona })));
    const { render, find, findAll, waitFor, mocks } = createRenderer('crm.record.tab');
    mocks.useExtensionContext.willCall(() => ({ ...mocks.context, user: { ...mocks.context.user, locale: 'zh-cn' } }));

    render(<PersonaPanel />);

    expect(find(LoadingSpinner).props.label).toBe('正在加载客户画像');
    await waitFor(() => expect(findAll(DescriptionListItem)).toHaveLength(4));
    expect(findAll(DescriptionListItem).map((item) => item.props.label)).toEqual([
      '客户画像',
      '置信度',
      '来源方式',
      '最近更新',
    ]);
    expect(findAll(DescriptionListItem)[2]?.find(Text).text).toBe('规则生成（无模型），已批准');
    const rows = findAll(TableRow).map((row) => row.findAll(TableCell).map((cell) => cell.text));
    // The persona's own values stay as approved; only the card's words change.
    expect(rows.slice(1)).toEqual([
      ['职位', 'Head of RevOps', '90%', 'CRM 字段', '2026-11-20'],
      ['提出过的异议', 'Price per seat', '35%', '邮件往来', '2026-11-18'],
    ]);
  });
});
