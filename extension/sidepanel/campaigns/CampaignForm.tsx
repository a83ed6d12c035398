import { useId, useState } from 'react';
import { i18n } from '#i18n';
import { CAMPAIGN_GOALS, CHANNELS, VARIANT_KINDS } from '../../../shared/common/campaigns';
import { request } from '../../messaging/client';
import type { CampaignDefinition } from '../../messaging/campaign-methods';
import { fromDraft, newVariant, type CampaignDraft, type VariantDraft } from './campaign-form';

/** Create or edit one campaign and its variants; validated with the shared schema before it is sent. */
export function CampaignForm({
  initial,
  previous,
  onDone,
}: {
  initial: CampaignDraft;
  previous?: CampaignDefinition;
  onDone: (savedName: string | null) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<CampaignDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setVariant = (i: number, patch: Partial<VariantDraft>) =>
    setDraft((d) => ({ ...d, variants: d.variants.map((v, j) => (j === i ? { ...v, ...patch } : v)) }));

  const save = async () => {
    if (!draft.name.trim()) return setError(i18n.t('campaigns.required', [i18n.t('campaigns.name')]));
    const parsed = fromDraft(draft, previous);
    if (!parsed.ok) return setError(i18n.t('campaigns.invalid', [parsed.error]));
    setSaving(true);
    try {
      await request('campaign.save', parsed.value);
      onDone(parsed.value.campaign.name);
    } catch (err) {
      setError(i18n.t('campaigns.invalid', [err instanceof Error ? err.message : String(err)]));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="ask"
      aria-labelledby={`${id}-h`}
      data-testid="campaign-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id={`${id}-h`}>{draft.name || i18n.t('campaigns.new')}</h2>
      <label htmlFor={`${id}-name`}>{i18n.t('campaigns.name')}</label>
      <input
        id={`${id}-name`}
        value={draft.name}
        onChange={(e) => set({ name: e.target.value })}
        data-testid="campaign-name"
        aria-required="true"
      />
      <label htmlFor={`${id}-goal`}>{i18n.t('campaigns.goal')}</label>
      <select
        id={`${id}-goal`}
        value={draft.goal}
        onChange={(e) => set({ goal: e.target.value as CampaignDraft['goal'] })}
      >
        {CAMPAIGN_GOALS.map((g) => (
          <option key={g} value={g}>
            {i18n.t(`campaigns.goals.${g}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-seg`}>{i18n.t('campaigns.segments')}</label>
      <input
        id={`${id}-seg`}
        value={draft.segments}
        onChange={(e) => set({ segments: e.target.value })}
        data-testid="campaign-segments"
      />
      <label htmlFor={`${id}-desc`}>{i18n.t('campaigns.description')}</label>
      <textarea
        id={`${id}-desc`}
        rows={2}
        value={draft.description}
        onChange={(e) => set({ description: e.target.value })}
      />
      <fieldset>
        <legend>{i18n.t('campaigns.variants')}</legend>
        {draft.variants.map((v, i) => (
          <fieldset key={v.id} data-testid="variant-fields">
            <legend>{i18n.t('campaigns.variantN', [String(i + 1)])}</legend>
            <div className="row wrap">
              <label htmlFor={`${id}-v${i}-name`}>{i18n.t('campaigns.variantName')}</label>
              <input
                id={`${id}-v${i}-name`}
                value={v.name}
                onChange={(e) => setVariant(i, { name: e.target.value })}
                data-testid="variant-name"
              />
              <label htmlFor={`${id}-v${i}-kind`}>{i18n.t('campaigns.kind')}</label>
              <select
                id={`${id}-v${i}-kind`}
                value={v.kind}
                onChange={(e) => setVariant(i, { kind: e.target.value as VariantDraft['kind'] })}
              >
                {VARIANT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {i18n.t(`campaigns.kinds.${k}`)}
                  </option>
                ))}
              </select>
              <label htmlFor={`${id}-v${i}-ref`}>{i18n.t('campaigns.ref')}</label>
              <input id={`${id}-v${i}-ref`} value={v.ref} onChange={(e) => setVariant(i, { ref: e.target.value })} />
              <label htmlFor={`${id}-v${i}-ver`}>{i18n.t('campaigns.version')}</label>
              <input
                id={`${id}-v${i}-ver`}
                value={v.version}
                size={4}
                onChange={(e) => setVariant(i, { version: e.target.value })}
              />
              <label htmlFor={`${id}-v${i}-tone`}>{i18n.t('campaigns.tone')}</label>
              <input
                id={`${id}-v${i}-tone`}
                value={v.tone}
                onChange={(e) => setVariant(i, { tone: e.target.value })}
                data-testid="variant-tone"
              />
              <label htmlFor={`${id}-v${i}-ch`}>{i18n.t('campaigns.channel')}</label>
              <select
                id={`${id}-v${i}-ch`}
                value={v.channel}
                onChange={(e) => setVariant(i, { channel: e.target.value as VariantDraft['channel'] })}
              >
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {i18n.t(`campaigns.channels.${c}`)}
                  </option>
                ))}
              </select>
              <button
                type="button"
                disabled={draft.variants.length <= 1}
                onClick={() => set({ variants: draft.variants.filter((_, j) => j !== i) })}
              >
                {i18n.t('campaigns.removeVariant', [String(i + 1)])}
              </button>
            </div>
          </fieldset>
        ))}
        <button
          type="button"
          onClick={() => set({ variants: [...draft.variants, newVariant(draft.variants.length + 1)] })}
          data-testid="variant-add"
        >
          {i18n.t('campaigns.addVariant')}
        </button>
      </fieldset>
      {error && (
        <p className="error" role="alert" data-testid="campaign-form-error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" disabled={saving} data-testid="campaign-save">
          {saving ? i18n.t('campaigns.saving') : i18n.t('campaigns.save')}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {i18n.t('campaigns.cancel')}
        </button>
      </div>
    </form>
  );
}
