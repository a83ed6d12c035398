import { useId, useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { splitWords } from '../../../shared/common/studio';
import { StudioSettingsSchema, studioSettingsItem, type StudioSettings } from './studio-settings';

/** Edits the brand voice (tone words, banned words, default language) and the product facts, then saves them. */
export function BrandVoiceForm({
  settings,
  onSaved,
}: {
  settings: StudioSettings;
  onSaved: (s: StudioSettings) => void;
}) {
  const ids = { tone: useId(), banned: useId(), lang: useId(), facts: useId() };
  const [tone, setTone] = useState(settings.voice.toneWords.join(', '));
  const [banned, setBanned] = useState(settings.voice.bannedWords.join(', '));
  const [language, setLanguage] = useState(settings.voice.language);
  const [facts, setFacts] = useState(settings.facts.join('\n'));
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = StudioSettingsSchema.safeParse({
      voice: { toneWords: splitWords(tone), bannedWords: splitWords(banned), language },
      facts: facts
        .split('\n')
        .map((f) => f.trim())
        .filter(Boolean),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return setNotice({
        ok: false,
        text: i18n.t('studio.voice.invalid', [`${issue?.path.join('.')}: ${issue?.message}`]),
      });
    }
    await studioSettingsItem.setValue(parsed.data);
    onSaved(parsed.data);
    setNotice({ ok: true, text: i18n.t('studio.voice.saved') });
  };

  return (
    <details className="voice">
      <summary>{i18n.t('studio.voice.title')}</summary>
      <form className="ask" onSubmit={(e) => void save(e)} data-testid="voice-form">
        <label htmlFor={ids.tone}>{i18n.t('studio.voice.toneWords')}</label>
        <input id={ids.tone} value={tone} onChange={(e) => setTone(e.target.value)} data-testid="voice-tone" />
        <label htmlFor={ids.banned}>{i18n.t('studio.voice.bannedWords')}</label>
        <input id={ids.banned} value={banned} onChange={(e) => setBanned(e.target.value)} data-testid="voice-banned" />
        <label htmlFor={ids.lang}>{i18n.t('studio.voice.language')}</label>
        <select id={ids.lang} value={language} onChange={(e) => setLanguage(e.target.value as 'en' | 'zh')}>
          <option value="en">English</option>
          <option value="zh">中文</option>
        </select>
        <label htmlFor={ids.facts}>{i18n.t('studio.voice.facts')}</label>
        <textarea
          id={ids.facts}
          rows={4}
          value={facts}
          onChange={(e) => setFacts(e.target.value)}
          data-testid="voice-facts"
        />
        <button type="submit" data-testid="voice-save">
          {i18n.t('studio.voice.save')}
        </button>
        {notice && (
          <p className={notice.ok ? undefined : 'error'} role={notice.ok ? 'status' : 'alert'}>
            {notice.text}
          </p>
        )}
      </form>
    </details>
  );
}
