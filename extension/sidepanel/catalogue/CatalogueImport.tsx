import { useId, useState } from 'react';
import { i18n } from '#i18n';
import {
  parseCatalogueCsv,
  type CatalogueImport as ImportResult,
} from '../../../shared/common/recommend/catalogue-csv';
import type { CatalogueItem } from '../../../shared/common/recommend';
import { errorMessage, putCatalogue, rowErrorText } from './catalogue-client';

/** Largest CSV file read (a 5,000-item catalogue with long descriptions stays well below it). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

function fatalText(fatal: NonNullable<ImportResult['fatal']>): string {
  if (fatal.code === 'empty') return i18n.t('catalogue.import.fatal.empty');
  if (fatal.code === 'no_name_column') return i18n.t('catalogue.import.fatal.noNameColumn', [String(fatal.line ?? 1)]);
  return i18n.t('catalogue.import.fatal.unterminatedQuote', [String(fatal.line ?? 1)]);
}

/** Import from a CSV file or pasted text, with a per-row report of what was skipped and why. */
export function CatalogueImport({ existing, onImported }: { existing: CatalogueItem[]; onImported: () => void }) {
  const ids = { file: useId(), paste: useId() };
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<{ result?: ImportResult; error?: string } | null>(null);

  const run = async (text: string) => {
    setBusy(true);
    try {
      const result = parseCatalogueCsv(text, { existing });
      if (!result.fatal && result.items.length) await putCatalogue(result.items);
      setReport({ result });
      if (result.items.length) onImported();
    } catch (err) {
      setReport({ error: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setReport({ error: `${file.name}: > 5 MB` });
    await run(await file.text());
  };

  const result = report?.result;
  return (
    <section aria-labelledby="cat-import-h">
      <h3 id="cat-import-h">{i18n.t('catalogue.import.title')}</h3>
      <p className="muted">{i18n.t('catalogue.import.help')}</p>
      <label htmlFor={ids.file}>{i18n.t('catalogue.import.file')}</label>{' '}
      <input
        id={ids.file}
        type="file"
        accept=".csv,text/csv,text/plain"
        disabled={busy}
        data-testid="catalogue-file"
        onChange={(e) => {
          void onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <label htmlFor={ids.paste}>{i18n.t('catalogue.import.paste')}</label>
      <textarea id={ids.paste} rows={3} value={pasted} onChange={(e) => setPasted(e.target.value)} />
      <button type="button" disabled={busy || !pasted.trim()} onClick={() => void run(pasted)}>
        {i18n.t('catalogue.import.run')}
      </button>
      {report && (
        <div role="status" data-testid="catalogue-import-report">
          {report.error && <p className="error">{report.error}</p>}
          {result?.fatal && <p className="error">{fatalText(result.fatal)}</p>}
          {result && !result.fatal && (
            <p>
              {result.items.length
                ? i18n.t('catalogue.import.done', [String(result.created), String(result.updated)])
                : i18n.t('catalogue.import.nothing')}
            </p>
          )}
          {result && result.errors.length > 0 && (
            <>
              <p>{i18n.t('catalogue.import.skipped', [String(result.errors.length)])}</p>
              <ul data-testid="catalogue-import-errors">
                {result.errors.map((e, i) => (
                  <li key={`${e.line}-${i}`} data-line={e.line}>
                    {rowErrorText(e)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
