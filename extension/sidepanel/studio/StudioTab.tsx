import { useCallback, useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { i18n } from '#i18n';
import { buildStudioPrompt, postprocess, promptRef, type LengthPreset } from '../../../shared/common/prompts';
import { STUDIO_FORMATS, checkStudioOutput, hashtagWords, type StudioFormat } from '../../../shared/common/studio';
import { request } from '../../messaging/client';
import type { LibraryItem } from '../../messaging/studio-methods';
import { DEFAULT_SETTINGS, settingsItem } from '../../storage/settings';
import { useGeneration } from '../../ui/use-generation';
import { useLatest } from '../../ui/use-latest';
import { BrandVoiceForm } from './BrandVoiceForm';
import { formatLabel, formatLimits } from './format-label';
import { StudioCheck, type Score } from './StudioCheck';
import { StudioLibrary } from './StudioLibrary';
import { DEFAULT_STUDIO_SETTINGS, loadStudioSettings, type StudioSettings } from './studio-settings';

const LENGTHS: LengthPreset[] = ['short', 'medium', 'long'];
const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The content studio: one piece for an audience segment in a chosen format, generated on-device (streamed,
 * stoppable), in the brand voice and grounded on the product facts; then scored, fact-checked and checked against
 * the format's limits; saved to the library and rated there.
 */
export default function StudioTab() {
  const ids = {
    format: useId(),
    segment: useId(),
    brief: useId(),
    lang: useId(),
    length: useId(),
    cta: useId(),
    seconds: useId(),
    text: useId(),
  };
  const [engine, setEngine] = useState(DEFAULT_SETTINGS.engine);
  const [settings, setSettings] = useState<StudioSettings>(DEFAULT_STUDIO_SETTINGS);
  const [settingsLoaded, setSettingsLoaded] = useState(false);
  const [format, setFormat] = useState<StudioFormat>('linkedin-post');
  const [segment, setSegment] = useState('');
  const [brief, setBrief] = useState('');
  const [language, setLanguage] = useState<'en' | 'zh'>('en');
  const [length, setLength] = useState<LengthPreset>('medium');
  const [cta, setCta] = useState('');
  const [seconds, setSeconds] = useState(60);
  const [text, setText] = useState('');
  const [textState, setTextState] = useState<string>('idle');
  const [version, setVersion] = useState('');
  const [maxTokens, setMaxTokens] = useState(1);
  const [score, setScore] = useState<Score | null>(null);
  const [scoring, setScoring] = useState(false);
  const [scoreError, setScoreError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [savedId, setSavedId] = useState<string | null>(null);
  const [library, setLibrary] = useState<LibraryItem[]>([]);
  const [libraryError, setLibraryError] = useState<string | null>(null);
  const { state, start, cancel } = useGeneration(engine);
  const streaming = state.kind === 'streaming';

  useEffect(() => {
    void settingsItem.getValue().then((s) => setEngine(s.engine));
    const unwatch = settingsItem.watch((s) => setEngine(s.engine));
    void loadStudioSettings().then((s) => {
      setSettings(s);
      setLanguage(s.voice.language);
      setSettingsLoaded(true);
    });
    return unwatch;
  }, []);

  const reloadLibrary = useCallback(() => {
    request('library.list', {}).then(
      (r) => (setLibrary(r.items), setLibraryError(null)),
      (err: unknown) => setLibraryError(errorText(err)),
    );
  }, []);
  useEffect(reloadLibrary, [reloadLibrary]);

  // What the content may rightly state, for the fact check: the product facts, the brief and the segment.
  const grounding = useMemo(
    () => [...settings.facts, brief, segment].filter((s) => s.trim()),
    [settings.facts, brief, segment],
  );

  const generate = () => {
    if (!brief.trim()) return setNotice(i18n.t('studio.needBrief'));
    const prompt = buildStudioPrompt({
      format,
      persona: segment.trim() ? { segment: segment.trim() } : undefined,
      context: brief,
      constraints: { language, length, ...(cta.trim() ? { callToAction: cta.trim() } : {}) },
      grounding: settings.facts,
      voice: settings.voice,
      ...(format === 'video-script' ? { durationSeconds: seconds } : {}),
    });
    setVersion(promptRef(prompt));
    setMaxTokens(prompt.maxTokens);
    setNotice(null);
    setSavedId(null);
    setScore(null);
    setScoreError(null);
    start(
      { messages: prompt.messages, maxTokens: prompt.maxTokens, temperature: prompt.temperature, stop: prompt.stop },
      (raw) => postprocess(raw, prompt.output).text,
    );
  };

  // Streamed text shows as it arrives; the cleaned text replaces it at the end and is checked.
  const latestForm = useLatest({ language, grounding });
  useEffect(() => {
    const { language, grounding } = latestForm.current;
    // The text and its state change together, so `data-state="done"` never shows beside the streamed text.
    setTextState(state.kind);
    if (state.kind === 'streaming' || state.kind === 'cancelled' || state.kind === 'error') setText(state.text);
    if (state.kind === 'cancelled') setNotice(i18n.t('studio.cancelled'));
    if (state.kind !== 'done') return;
    setText(state.text);
    if (!state.text.trim()) return;
    setScoring(true);
    request('host.scoreDraft', {
      subject: '',
      body: state.text,
      language,
      grounding: [...grounding, ...hashtagWords(state.text)].slice(0, 200),
    })
      .then(
        (s) => (setScore(s), setScoreError(null)),
        (err: unknown) => setScoreError(errorText(err)),
      )
      .finally(() => setScoring(false));
    // Only a finished generation triggers a check, not edits of the form.
  }, [state, latestForm]);

  const issues = useMemo(
    () =>
      text.trim() && !streaming
        ? checkStudioOutput(format, text, { bannedWords: settings.voice.bannedWords, seconds })
        : [],
    [text, streaming, format, settings.voice.bannedWords, seconds],
  );

  const save = async () => {
    const item: LibraryItem = {
      id: savedId ?? crypto.randomUUID(),
      format,
      ...(segment.trim() ? { segment: segment.trim().slice(0, 200) } : {}),
      language,
      text,
      promptVersion: version,
      ...(score ? { score: Math.max(0, Math.min(100, score.total)) } : {}),
      createdAt: Date.now(),
    };
    await request('library.put', { item }).then(
      () => (setSavedId(item.id), setNotice(i18n.t('studio.savedToLibrary')), reloadLibrary()),
      (err: unknown) => setNotice(i18n.t('panel.error.generic', [errorText(err)])),
    );
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && streaming) cancel();
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !streaming) generate();
  };

  const segments = [...new Set(library.map((i) => i.segment).filter((s): s is string => !!s))];
  return (
    <section aria-labelledby="studio-h" data-testid="studio-tab" onKeyDown={onKey}>
      <h2 id="studio-h">{i18n.t('studio.title')}</h2>
      <p className="muted">{i18n.t('studio.intro')}</p>
      {settingsLoaded && (
        <BrandVoiceForm
          settings={settings}
          onSaved={(s) => {
            setSettings(s);
            setLanguage(s.voice.language);
          }}
        />
      )}
      <div className="ask">
        <label htmlFor={ids.format}>{i18n.t('studio.format')}</label>
        <select
          id={ids.format}
          value={format}
          onChange={(e) => setFormat(e.target.value as StudioFormat)}
          data-testid="studio-format"
        >
          {STUDIO_FORMATS.map((f) => (
            <option key={f} value={f}>
              {formatLabel(f)}
            </option>
          ))}
        </select>
        <p className="muted" data-testid="studio-limits">
          {formatLimits(format)}
        </p>
        <label htmlFor={ids.segment}>{i18n.t('studio.segment')}</label>
        <input
          id={ids.segment}
          list={`${ids.segment}-list`}
          value={segment}
          placeholder={i18n.t('studio.segmentPlaceholder')}
          onChange={(e) => setSegment(e.target.value)}
          data-testid="studio-segment"
        />
        <datalist id={`${ids.segment}-list`}>
          {segments.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <label htmlFor={ids.brief}>{i18n.t('studio.brief')}</label>
        <textarea
          id={ids.brief}
          rows={3}
          value={brief}
          placeholder={i18n.t('studio.briefPlaceholder')}
          onChange={(e) => setBrief(e.target.value)}
          data-testid="studio-brief"
        />
        <div className="row wrap">
          <label htmlFor={ids.lang}>{i18n.t('studio.language')}</label>
          <select id={ids.lang} value={language} onChange={(e) => setLanguage(e.target.value as 'en' | 'zh')}>
            <option value="en">English</option>
            <option value="zh">中文</option>
          </select>
          {format === 'video-script' ? (
            <>
              <label htmlFor={ids.seconds}>{i18n.t('studio.seconds')}</label>
              <input
                id={ids.seconds}
                type="number"
                min={10}
                max={180}
                step={5}
                value={seconds}
                onChange={(e) => setSeconds(Math.min(180, Math.max(10, Number(e.target.value) || 60)))}
              />
            </>
          ) : (
            <>
              <label htmlFor={ids.length}>{i18n.t('studio.length')}</label>
              <select id={ids.length} value={length} onChange={(e) => setLength(e.target.value as LengthPreset)}>
                {LENGTHS.map((l) => (
                  <option key={l} value={l}>
                    {i18n.t(`draft.lengths.${l}`)}
                  </option>
                ))}
              </select>
            </>
          )}
        </div>
        <label htmlFor={ids.cta}>{i18n.t('studio.cta')}</label>
        <input id={ids.cta} value={cta} onChange={(e) => setCta(e.target.value)} />
        <div className="row">
          <button type="button" onClick={generate} disabled={streaming} data-testid="studio-generate">
            {text ? i18n.t('studio.regenerate') : i18n.t('studio.generate')}
          </button>
          <button type="button" onClick={cancel} disabled={!streaming} data-testid="studio-stop">
            {i18n.t('studio.stop')}
          </button>
        </div>
        {streaming && (
          <p role="status" data-testid="studio-progress">
            <progress max={maxTokens} value={Math.min(state.tokens, maxTokens)} />{' '}
            {i18n.t('studio.progress', [String(state.tokens)])}
          </p>
        )}
      </div>
      {state.kind === 'error' && (
        <p className="error" role="alert" data-testid="studio-error">
          {i18n.t('panel.error.generic', [state.message])}
        </p>
      )}
      {(text || streaming) && (
        <>
          <label htmlFor={ids.text}>{i18n.t('studio.result')}</label>
          <textarea
            id={ids.text}
            rows={10}
            value={text}
            readOnly={streaming}
            onChange={(e) => setText(e.target.value)}
            data-testid="studio-text"
            data-state={textState}
          />
          {!streaming && (
            <>
              <StudioCheck score={score} scoring={scoring} error={scoreError} issues={issues} />
              <button type="button" onClick={() => void save()} disabled={!text.trim()} data-testid="studio-save">
                {i18n.t('studio.save')}
              </button>
            </>
          )}
        </>
      )}
      {notice && (
        <p role="status" data-testid="studio-notice">
          {notice}
        </p>
      )}
      <StudioLibrary
        items={library}
        error={libraryError}
        onRate={(id, rating) =>
          void request('library.rate', { id, rating }).then(reloadLibrary, (err: unknown) =>
            setLibraryError(errorText(err)),
          )
        }
        onDelete={(id) =>
          void request('library.delete', { id }).then(
            () => (setNotice(i18n.t('studio.library.deleted')), reloadLibrary()),
            (err: unknown) => setLibraryError(errorText(err)),
          )
        }
      />
    </section>
  );
}
