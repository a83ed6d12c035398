import { useCallback, useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { request } from '../../messaging/client';
import type { ResultOf } from '../../../shared/common/protocol/define';
import type { Methods } from '../../messaging/methods';
import { CampaignForm } from './CampaignForm';
import { newCampaign, toDraft, type CampaignDraft } from './campaign-form';

type Listed = ResultOf<Methods, 'campaign.list'>['campaigns'][number];
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Campaign management: the list with its counts, create and edit, delete after confirmation. */
export default function CampaignsTab() {
  const [campaigns, setCampaigns] = useState<Listed[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ draft: CampaignDraft; previous?: Listed } | null>(null);
  const [confirming, setConfirming] = useState<Listed | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    request('campaign.list', {}).then(
      (r) => {
        setCampaigns(r.campaigns);
        setError(null);
      },
      (err: unknown) => setError(message(err)),
    );
  }, []);
  useEffect(load, [load]);

  const remove = async (c: Listed) => {
    try {
      await request('campaign.delete', { id: c.campaign.id });
      setNotice(i18n.t('campaigns.deleted', [c.campaign.name]));
      setConfirming(null);
      load();
    } catch (err) {
      setError(message(err));
    }
  };

  if (editing)
    return (
      <CampaignForm
        initial={editing.draft}
        previous={editing.previous}
        onDone={(name) => {
          setEditing(null);
          if (name) setNotice(i18n.t('campaigns.saved', [name]));
          load();
        }}
      />
    );

  return (
    <section aria-labelledby="campaigns-h" data-testid="campaigns">
      <div className="row">
        <h2 id="campaigns-h">{i18n.t('campaigns.title')}</h2>
        <button type="button" onClick={() => setEditing({ draft: newCampaign() })} data-testid="campaign-new">
          {i18n.t('campaigns.new')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {i18n.t('campaigns.error', [error])}
        </p>
      )}
      {notice && (
        <p role="status" data-testid="campaigns-notice">
          {notice}
        </p>
      )}
      {campaigns === null && !error && <p className="muted">{i18n.t('sidepanel.loading')}</p>}
      {campaigns?.length === 0 && <p className="muted">{i18n.t('campaigns.empty')}</p>}
      <ul className="messages" data-testid="campaign-list">
        {campaigns?.map((c) => (
          <li key={c.campaign.id} className="message" data-testid="campaign-item" data-id={c.campaign.id}>
            <strong>{c.campaign.name}</strong>{' '}
            <span className="badge">{i18n.t(`campaigns.goals.${c.campaign.goal}`)}</span>
            <div className="muted">
              {i18n.t('campaigns.variantCount', [String(c.variants.length)])} ·{' '}
              <span data-testid="campaign-counts">
                {i18n.t('campaigns.counts', [String(c.sends), String(c.replies), String(c.positiveReplies)])}
              </span>
            </div>
            <div className="muted">
              {c.variants.map((v) => `${v.name} (${v.tone}, ${i18n.t(`campaigns.channels.${v.channel}`)})`).join(' · ')}
            </div>
            {confirming?.campaign.id === c.campaign.id ? (
              <div role="alertdialog" aria-labelledby={`confirm-${c.campaign.id}`} className="row wrap">
                <span id={`confirm-${c.campaign.id}`}>
                  {i18n.t('campaigns.confirmDelete', [c.campaign.name, String(c.events)])}
                </span>
                <button type="button" onClick={() => void remove(c)} data-testid="campaign-confirm-delete" autoFocus>
                  {i18n.t('campaigns.confirm')}
                </button>
                <button type="button" onClick={() => setConfirming(null)}>
                  {i18n.t('campaigns.cancel')}
                </button>
              </div>
            ) : (
              <div className="row">
                <button
                  type="button"
                  onClick={() => setEditing({ draft: toDraft(c), previous: c })}
                  data-testid="campaign-edit"
                >
                  {i18n.t('campaigns.edit', [c.campaign.name])}
                </button>
                <button type="button" onClick={() => setConfirming(c)} data-testid="campaign-delete">
                  {i18n.t('campaigns.delete', [c.campaign.name])}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
