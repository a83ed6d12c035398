import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { request, stream } from '../messaging/client';
import type { ResultOf } from '../../shared/common/protocol/define';
import type { Methods } from '../messaging/methods';
import { settingsItem, type Settings } from '../storage/settings';
import { reasonText } from '../ui/reason-text';
import { useCapabilities } from '../ui/use-capabilities';
import { BuiltInModel } from './BuiltInModel';

type Entry = ResultOf<Methods, 'host.catalogue'>['entries'][number];
type Download = { model: string; progress: number; text: string; etaSeconds: number | null } | null;

const mb = (n: number | null) => (n === null ? '—' : n >= 1000 ? `${(n / 1000).toFixed(1)} GB` : `${Math.round(n)} MB`);

/**
 * The model manager: what this device can run and why, web-llm's catalogue with sizes, download with progress
 * and cancel, cache status and delete, and a team's own model host.
 */
export function ModelManager({ settings }: { settings: Settings }) {
  const ids = { base: useId(), onlyFit: useId() };
  const caps = useCapabilities(settings.engine.model || null);
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyFit, setOnlyFit] = useState(true);
  const [download, setDownload] = useState<Download>(null);
  const [base, setBase] = useState(settings.engine.modelBaseUrl ?? '');
  const abortRef = useRef<AbortController | null>(null);

  const refresh = useCallback(() => {
    request('host.catalogue', settings.engine.modelBaseUrl ? { modelBaseUrl: settings.engine.modelBaseUrl } : {}, {
      timeoutMs: 60_000,
    }).then(
      (r) => setEntries(r.entries),
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  }, [settings.engine.modelBaseUrl]);
  useEffect(refresh, [refresh]);

  const use = (model: string) =>
    void settingsItem.setValue({ ...settings, engine: { ...settings.engine, engine: 'auto', model } });

  const fetchModel = (model: string) => {
    const controller = new AbortController();
    abortRef.current = controller;
    setError(null);
    setDownload({ model, progress: 0, text: '', etaSeconds: null });
    stream(
      'host.loadModel',
      {
        expect: {
          engine: 'webllm',
          model,
          ...(settings.engine.modelBaseUrl ? { modelBaseUrl: settings.engine.modelBaseUrl } : {}),
        },
      },
      {
        signal: controller.signal,
        onChunk: (p) => setDownload({ model, progress: p.progress, text: p.text, etaSeconds: p.etaSeconds ?? null }),
      },
    ).then(
      () => {
        setDownload(null);
        use(model);
        refresh();
      },
      (err: unknown) => {
        setDownload(null);
        setError(err instanceof Error ? err.message : String(err));
        refresh();
      },
    );
  };

  const remove = (model: string) =>
    request('host.deleteModel', {
      model,
      ...(settings.engine.modelBaseUrl ? { modelBaseUrl: settings.engine.modelBaseUrl } : {}),
    }).then(refresh, (err: unknown) => setError(String(err)));

  // The trusted copy is kept by the service worker (options page only, https only, written to the privacy ledger);
  // the settings copy is what the panels put in their requests, and a request naming another host is refused.
  const saveBase = () => {
    const trimmed = base.trim();
    request('engine.setModelBaseUrl', { url: trimmed === '' ? null : trimmed }).then(
      () =>
        settingsItem.setValue({
          ...settings,
          engine: { ...settings.engine, modelBaseUrl: trimmed === '' ? undefined : trimmed },
        }),
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  };

  const shown = (entries ?? []).filter((e) => !onlyFit || e.problem === null);
  return (
    <section aria-labelledby="models-h" data-testid="model-manager">
      <h2 id="models-h">{i18n.t('models.title')}</h2>
      {caps === null && <p role="status">{i18n.t('models.checking')}</p>}
      {caps instanceof Error && (
        <p className="error" role="alert">
          {i18n.t('panel.error.generic', [caps.message])}
        </p>
      )}
      {caps && !(caps instanceof Error) && (
        <div data-testid="device-summary" data-engine={caps.choice.engine}>
          <p>
            <strong>{i18n.t('models.device')}</strong>{' '}
            {caps.device.adapter
              ? `${caps.device.adapter.description || caps.device.adapter.vendor} · shader-f16: ${caps.device.shaderF16 ? '✓' : '✗'} · ${mb(caps.device.maxStorageBufferBindingSize / 2 ** 20)}`
              : i18n.t('models.noAdapter')}
          </p>
          <p>
            <strong>{i18n.t('models.generator')}</strong>{' '}
            {i18n.t(`models.engine.${caps.choice.engine.replace('-', '')}` as 'models.engine.none')}
            {caps.choice.model ? ` · ${caps.choice.model}` : ''}
          </p>
          <ul data-testid="device-reasons">
            {caps.choice.reasons.map((r, i) => (
              <li key={i}>{reasonText(r)}</li>
            ))}
          </ul>
        </div>
      )}
      <BuiltInModel />
      {download && (
        <div role="status" aria-live="polite" data-testid="download-progress">
          <progress max={1} value={download.progress} aria-label={i18n.t('models.downloading', [download.model])} />{' '}
          {Math.round(download.progress * 100)}%
          {download.etaSeconds !== null ? ` · ${i18n.t('models.timeLeft', [String(download.etaSeconds)])}` : ''}
          <div className="muted">{download.text}</div>
          <button type="button" onClick={() => abortRef.current?.abort()}>
            {i18n.t('models.cancel')}
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert" data-testid="models-error">
          {i18n.t('panel.error.generic', [error])}
        </p>
      )}
      <div className="row">
        <label htmlFor={ids.base}>{i18n.t('models.customSource')}</label>
        <input
          id={ids.base}
          value={base}
          placeholder="https://models.example.com/webllm"
          onChange={(e) => setBase(e.target.value)}
        />
        <button type="button" onClick={saveBase}>
          {i18n.t('options.save')}
        </button>
      </div>
      <label>
        <input id={ids.onlyFit} type="checkbox" checked={onlyFit} onChange={(e) => setOnlyFit(e.target.checked)} />{' '}
        {i18n.t('models.onlyFit')}
      </label>
      {entries === null && !error && <progress aria-label={i18n.t('models.checking')} />}
      {entries && (
        <table className="models" data-testid="model-table">
          <thead>
            <tr>
              <th scope="col">{i18n.t('models.col.model')}</th>
              <th scope="col">{i18n.t('models.col.download')}</th>
              <th scope="col">{i18n.t('models.col.vram')}</th>
              <th scope="col">{i18n.t('models.col.context')}</th>
              <th scope="col">f16</th>
              <th scope="col">{i18n.t('models.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.id} data-model={e.id}>
                <td>
                  {e.id} {e.recommended && <span className="badge">{i18n.t('models.recommended')}</span>}
                  {settings.engine.model === e.id && <span className="badge">{i18n.t('models.selected')}</span>}
                </td>
                <td>≈ {mb(e.downloadMBEstimate)}</td>
                <td>{mb(e.vramMB)}</td>
                <td>{e.contextWindow ?? '—'}</td>
                <td>{e.needsShaderF16 ? '✓' : ''}</td>
                <td>
                  {e.problem ? (
                    <span className="muted">{reasonText(e.problem)}</span>
                  ) : (
                    <>
                      {e.cached ? i18n.t('models.cached') : ''}{' '}
                      <button type="button" disabled={download !== null} onClick={() => fetchModel(e.id)}>
                        {e.cached ? i18n.t('models.use') : i18n.t('models.download')}
                      </button>
                      {e.cached && (
                        <button type="button" onClick={() => remove(e.id)}>
                          {i18n.t('models.delete')}
                        </button>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries && shown.length === 0 && <p className="muted">{i18n.t('models.noneFit')}</p>}
    </section>
  );
}
