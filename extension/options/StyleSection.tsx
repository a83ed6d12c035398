import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { FORMALITY_BANDS, MIN_STYLE_SAMPLES, type FormalityBand, type StyleProfile } from '../../shared/common/style';
import { request } from '../messaging/client';

interface Form {
  greeting: string;
  signOff: string;
  formality: FormalityBand;
  medianWords: string;
  phrases: string;
}

const toForm = (p: StyleProfile): Form => ({
  greeting: p.greeting ?? '',
  signOff: p.signOff ?? '',
  formality: p.formality,
  medianWords: String(p.medianWords),
  phrases: p.phrases.join('\n'),
});

/**
 * The rep's writing style (issue #20): what was learned, editable field by field (an edited field stays as edited
 * when the style is learned again), switchable for all drafts, exportable as JSON and deletable with the messages
 * it was learned from.
 */
export function StyleSection() {
  const ids = { greeting: useId(), signOff: useId(), formality: useId(), words: useId(), phrases: useId() };
  const [profile, setProfile] = useState<StyleProfile | null>(null);
  const [samples, setSamples] = useState(0);
  const [enabled, setEnabled] = useState(true);
  const [form, setForm] = useState<Form | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const s = await request('style.get', {});
    setProfile(s.profile);
    setSamples(s.samples);
    setEnabled(s.enabled);
    setForm(s.profile ? toForm(s.profile) : null);
  }, []);
  useEffect(() => {
    load().catch((err: unknown) => setError(String(err)));
  }, [load]);

  const fail = (err: unknown) => setError(i18n.t('style.error', [err instanceof Error ? err.message : String(err)]));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!form || !profile) return;
    const words = Number(form.medianWords);
    if (!Number.isInteger(words) || words < 0 || words > 5000) return fail(i18n.t('style.medianWords'));
    const phrases = form.phrases
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean)
      .slice(0, 6);
    // Only the fields the rep changed count as edited.
    const edit: Record<string, unknown> = {};
    if (form.greeting.trim() !== (profile.greeting ?? '')) edit.greeting = form.greeting.trim() || null;
    if (form.signOff.trim() !== (profile.signOff ?? '')) edit.signOff = form.signOff.trim() || null;
    if (form.formality !== profile.formality) edit.formality = form.formality;
    if (words !== profile.medianWords) edit.medianWords = words;
    if (phrases.join('\n') !== profile.phrases.join('\n')) edit.phrases = phrases;
    try {
      await request('style.update', { edit });
      await load();
      setError(null);
      setStatus(i18n.t('style.saved'));
    } catch (err) {
      fail(err);
    }
  };

  const toggle = async (on: boolean) => {
    try {
      setEnabled((await request('style.update', { enabled: on })).enabled);
    } catch (err) {
      fail(err);
    }
  };

  const exportProfile = async () => {
    try {
      const doc = await request('style.export', {});
      if (!doc) return;
      const url = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'closer-style-profile.json';
      a.click();
      URL.revokeObjectURL(url);
    } catch (err) {
      fail(err);
    }
  };

  const remove = async () => {
    if (!window.confirm(i18n.t('style.deleteConfirm'))) return;
    try {
      await request('style.delete', {});
      await load();
      setStatus(i18n.t('style.deleted'));
    } catch (err) {
      fail(err);
    }
  };

  return (
    <section aria-labelledby="style-h" data-testid="style-section">
      <h2 id="style-h">{i18n.t('style.title')}</h2>
      <p className="muted">{i18n.t('style.intro')}</p>
      {!profile && <p data-testid="style-none">{i18n.t('style.none')}</p>}
      {profile && form && (
        <form className="ask" onSubmit={(e) => void save(e)}>
          <p data-testid="style-samples">{i18n.t('style.samples', [String(samples)])}</p>
          {profile.samples < MIN_STYLE_SAMPLES && <p className="muted">{i18n.t('style.fewSamples')}</p>}
          <label>
            <input
              type="checkbox"
              checked={enabled}
              onChange={(e) => void toggle(e.target.checked)}
              data-testid="style-enabled"
            />{' '}
            {i18n.t('style.enabled')}
          </label>
          <label htmlFor={ids.greeting}>{i18n.t('style.greeting')}</label>
          <input
            id={ids.greeting}
            value={form.greeting}
            maxLength={80}
            placeholder={i18n.t('style.noneValue')}
            onChange={(e) => setForm({ ...form, greeting: e.target.value })}
            data-testid="style-greeting"
            aria-describedby={`${ids.greeting}-hint`}
          />
          <span id={`${ids.greeting}-hint`} className="muted">
            {i18n.t('style.greetingHint', ['{name}'])}
          </span>
          <label htmlFor={ids.signOff}>{i18n.t('style.signOff')}</label>
          <input
            id={ids.signOff}
            value={form.signOff}
            maxLength={80}
            placeholder={i18n.t('style.noneValue')}
            onChange={(e) => setForm({ ...form, signOff: e.target.value })}
            data-testid="style-signoff"
          />
          <label htmlFor={ids.formality}>{i18n.t('style.formality')}</label>
          <select
            id={ids.formality}
            value={form.formality}
            onChange={(e) => setForm({ ...form, formality: e.target.value as FormalityBand })}
            data-testid="style-formality"
          >
            {FORMALITY_BANDS.map((b) => (
              <option key={b} value={b}>
                {i18n.t(`style.formalities.${b}`)}
              </option>
            ))}
          </select>
          <label htmlFor={ids.words}>{i18n.t('style.medianWords')}</label>
          <input
            id={ids.words}
            type="number"
            min={0}
            max={5000}
            value={form.medianWords}
            onChange={(e) => setForm({ ...form, medianWords: e.target.value })}
          />
          <p className="muted">
            {i18n.t('style.emoji', [String(Math.round(profile.emojiRate * 100))])} ·{' '}
            {i18n.t('style.languages', [
              String(Math.round(profile.zhShare * 100)),
              String(100 - Math.round(profile.zhShare * 100)),
            ])}
          </p>
          <label htmlFor={ids.phrases}>{i18n.t('style.phrases')}</label>
          <textarea
            id={ids.phrases}
            rows={4}
            value={form.phrases}
            onChange={(e) => setForm({ ...form, phrases: e.target.value })}
          />
          {profile.edited.length > 0 && <p className="muted">{i18n.t('style.edited')}</p>}
          <div className="row wrap">
            <button type="submit" data-testid="style-save">
              {i18n.t('style.save')}
            </button>
            <button type="button" onClick={() => void exportProfile()} data-testid="style-export">
              {i18n.t('style.export')}
            </button>
            <button type="button" onClick={() => void remove()} data-testid="style-delete">
              {i18n.t('style.delete')}
            </button>
          </div>
        </form>
      )}
      <FollowUpDays />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {status && <p role="status">{status}</p>}
    </section>
  );
}

/** How many business days a tagged send waits for an answer before it needs a follow-up. */
function FollowUpDays() {
  const id = useId();
  const [days, setDays] = useState<number | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    request('followups.getSettings', {}).then(
      (s) => setDays(s.businessDays),
      () => undefined,
    );
  }, []);
  if (days === null) return null;
  return (
    <div className="row wrap">
      <label htmlFor={id}>{i18n.t('followups.businessDays')}</label>
      <input
        id={id}
        type="number"
        min={1}
        max={30}
        value={days}
        onChange={(e) => {
          const n = Number(e.target.value);
          setSaved(false);
          setDays(n);
          if (Number.isInteger(n) && n >= 1 && n <= 30)
            void request('followups.setSettings', { businessDays: n }).then(() => setSaved(true));
        }}
        data-testid="followup-days"
      />
      {saved && <span role="status">{i18n.t('followups.saved')}</span>}
    </div>
  );
}
