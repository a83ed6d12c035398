import { useEffect, useId, useState } from 'react';
import { i18n } from '#i18n';
import type { ResultOf } from '../../../shared/common/protocol/define';
import type { Variant } from '../../../shared/common/campaigns';
import { request } from '../../messaging/client';
import type { Methods } from '../../messaging/methods';
import { pick } from '../../ui/localized';
import { fetchTeamPriors } from './campaign-priors';

type Listed = ResultOf<Methods, 'campaign.list'>['campaigns'][number];
type Choice = ResultOf<Methods, 'campaign.choose'>;
const AUTO = '__auto__';
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Tags the draft to a campaign variant — picked by the rep or by the bandit ("let Closer choose") for the contact's
 * segment, with the honest explanation. The tag is stored with the draft id, so the send of that draft counts.
 */
export function CampaignTagger({
  draftId,
  threadId,
  recipient,
  rep,
  onVariant,
}: {
  draftId: string | null;
  threadId: string;
  recipient: string | undefined;
  rep: string | null;
  /** The chosen variant, so the composer can adopt its tone. */
  onVariant?: (variant: Variant | null) => void;
}) {
  const ids = { campaign: useId(), variant: useId() };
  const [campaigns, setCampaigns] = useState<Listed[]>([]);
  const [campaignId, setCampaignId] = useState('');
  const [selected, setSelected] = useState(AUTO);
  const [segment, setSegment] = useState<{ segment: string; known: boolean } | null>(null);
  const [choice, setChoice] = useState<(Choice & { offline: boolean }) | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [tagged, setTagged] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    request('campaign.list', {}).then(
      (r) => setCampaigns(r.campaigns),
      (err: unknown) => setError(message(err)),
    );
  }, []);
  useEffect(() => {
    if (!recipient) return setSegment({ segment: 'default', known: false });
    request('campaign.segmentFor', { email: recipient }).then(setSegment, () =>
      setSegment({ segment: 'default', known: false }),
    );
  }, [recipient]);

  const campaign = campaigns.find((c) => c.campaign.id === campaignId);
  // Let Closer choose: team priors (when reachable) plus local outcomes, per segment.
  useEffect(() => {
    setChoice(null);
    if (!campaign || selected !== AUTO || !segment) return;
    let live = true;
    setChoosing(true);
    void (async () => {
      const { priors, offline } = await fetchTeamPriors(campaign.campaign.id);
      const res = await request('campaign.choose', {
        campaignId: campaign.campaign.id,
        segment: segment.segment,
        priors,
      });
      if (live) setChoice({ ...res, offline });
    })()
      .catch((err: unknown) => live && setError(message(err)))
      .finally(() => live && setChoosing(false));
    return () => {
      live = false;
    };
  }, [campaign, selected, segment]);

  const variantId = selected === AUTO ? choice?.variantId : selected;
  const variant = campaign?.variants.find((v) => v.id === variantId) ?? null;
  useEffect(() => onVariant?.(variant), [variant, onVariant]);

  // The tag follows the current draft: a new draft, campaign or variant re-tags.
  useEffect(() => {
    setTagged(null);
    if (!draftId || !campaign || !variant || !segment) return;
    request('campaign.tagDraft', {
      draftId,
      threadId,
      campaignId: campaign.campaign.id,
      variantId: variant.id,
      segment: segment.segment,
      ...(rep ? { rep } : {}),
      chosenBy: selected === AUTO ? 'bandit' : 'rep',
    }).then(
      () => {
        setTagged(i18n.t('campaigns.tag.tagged', [campaign.campaign.name, variant.name]));
        setError(null);
      },
      (err: unknown) => setError(i18n.t('campaigns.tag.error', [message(err)])),
    );
  }, [draftId, threadId, campaign, variant, segment, rep, selected]);

  if (campaigns.length === 0 && !error) return null;
  return (
    <fieldset className="campaign-tag" data-testid="campaign-tag">
      <legend>{i18n.t('campaigns.tag.title')}</legend>
      <div className="row wrap">
        <label htmlFor={ids.campaign}>{i18n.t('campaigns.tag.campaign')}</label>
        <select
          id={ids.campaign}
          value={campaignId}
          onChange={(e) => {
            setCampaignId(e.target.value);
            setSelected(AUTO);
          }}
          data-testid="campaign-select"
        >
          <option value="">{i18n.t('campaigns.tag.none')}</option>
          {campaigns.map((c) => (
            <option key={c.campaign.id} value={c.campaign.id}>
              {c.campaign.name}
            </option>
          ))}
        </select>
        {campaign && (
          <>
            <label htmlFor={ids.variant}>{i18n.t('campaigns.tag.variant')}</label>
            <select
              id={ids.variant}
              value={selected}
              onChange={(e) => setSelected(e.target.value)}
              data-testid="variant-select"
            >
              <option value={AUTO}>{i18n.t('campaigns.tag.auto')}</option>
              {campaign.variants.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      {campaign && segment && (
        <p className="muted" data-testid="campaign-segment">
          {segment.known
            ? i18n.t('campaigns.tag.segment', [segment.segment])
            : i18n.t('campaigns.tag.segmentUnknown', [segment.segment])}
        </p>
      )}
      {campaign && selected === AUTO && choosing && (
        <p className="muted" role="status">
          {i18n.t('campaigns.tag.choosing')}
        </p>
      )}
      {campaign && selected === AUTO && choice && (
        <div role="status" data-testid="campaign-explanation" data-variant={choice.variantId}>
          <p>{pick(choice.explanation)}</p>
          <p className="muted">{pick(choice.winner.text)}</p>
          <p className="muted">
            {choice.offline
              ? i18n.t('campaigns.tag.offline')
              : choice.usedTeamPriors
                ? i18n.t('campaigns.tag.teamPriors')
                : ''}
          </p>
        </div>
      )}
      {campaign && variant && !draftId && <p className="muted">{i18n.t('campaigns.tag.needsDraft')}</p>}
      {tagged && (
        <p role="status" data-testid="campaign-tagged" data-variant={variant?.id}>
          {tagged}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
