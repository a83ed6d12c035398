import { useEffect, useState } from 'react';
import { i18n } from '#i18n';

type Availability = 'available' | 'downloadable' | 'downloading' | 'unavailable' | 'absent';
interface LanguageModelLike {
  availability(options?: object): Promise<string>;
  create(options?: { monitor?: (m: EventTarget) => void }): Promise<{ destroy(): void }>;
}
const api = () => (globalThis as { LanguageModel?: LanguageModelLike }).LanguageModel;
const LANGS = {
  expectedInputs: [{ type: 'text', languages: ['en'] }],
  expectedOutputs: [{ type: 'text', languages: ['en'] }],
};

/**
 * Chrome's built-in model (Gemini Nano). Chrome downloads it only from `create()` called with user activation,
 * which the offscreen AI host never has: the download starts here, from the click, and the host uses the model
 * once it is available.
 */
export function BuiltInModel() {
  const [availability, setAvailability] = useState<Availability | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const check = () => {
    const lm = api();
    if (!lm) return setAvailability('absent');
    lm.availability(LANGS).then(
      (a) => setAvailability(a as Availability),
      () => setAvailability('unavailable'),
    );
  };
  useEffect(check, []);

  const download = () => {
    const lm = api();
    if (!lm) return;
    setError(null);
    setProgress(0);
    // Called straight from the click handler: Chrome checks for the user activation on this call.
    lm.create({
      ...LANGS,
      monitor: (m: EventTarget) =>
        m.addEventListener('downloadprogress', (e: Event) => setProgress((e as unknown as { loaded: number }).loaded)),
    } as object).then(
      (session) => {
        session.destroy();
        setProgress(null);
        check();
      },
      (err: unknown) => {
        setProgress(null);
        setError(err instanceof Error ? err.message : String(err));
        check();
      },
    );
  };

  return (
    <div data-testid="builtin-model" data-availability={availability ?? ''}>
      <h3>{i18n.t('models.builtin.title')}</h3>
      <p>
        {availability === null
          ? i18n.t('models.checking')
          : i18n.t(`models.builtin.${availability}` as 'models.builtin.available')}
      </p>
      {availability === 'downloadable' && progress === null && (
        <button type="button" data-testid="builtin-download" onClick={download}>
          {i18n.t('models.builtin.download')}
        </button>
      )}
      {progress !== null && (
        <div role="status" aria-live="polite" data-testid="builtin-progress">
          <progress max={1} value={progress} aria-label={i18n.t('models.builtin.title')} /> {Math.round(progress * 100)}
          %
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {i18n.t('panel.error.generic', [error])}
        </p>
      )}
    </div>
  );
}
