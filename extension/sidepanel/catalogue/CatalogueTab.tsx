import { useCallback, useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { catalogueToCsv } from '../../../shared/common/recommend/catalogue-csv';
import type { CatalogueItem } from '../../../shared/common/recommend';
import { deleteCatalogueItem, errorMessage, listCatalogue, putCatalogue } from './catalogue-client';
import { CatalogueImport } from './CatalogueImport';
import { CatalogueItemForm } from './CatalogueItemForm';
import { CatalogueTeamSync } from './CatalogueTeamSync';
import { RecommendForPersona } from './RecommendForPersona';

/**
 * The team catalogue of products and content: import from CSV, add, edit, delete, export, and try a
 * recommendation, and share it with the team through the companion app.
 */
export default function CatalogueTab() {
  const [items, setItems] = useState<CatalogueItem[]>([]);
  const [editing, setEditing] = useState<CatalogueItem | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    listCatalogue().then(
      (list) => (setItems(list), setError(null)),
      (err: unknown) => setError(i18n.t('catalogue.loadError', [errorMessage(err)])),
    );
  }, []);
  useEffect(reload, [reload]);

  const save = async (item: CatalogueItem) => {
    await putCatalogue([item]);
    setEditing(null);
    setNotice(i18n.t('catalogue.saved'));
    reload();
  };

  const remove = async (item: CatalogueItem) => {
    if (!confirm(i18n.t('catalogue.deleteConfirm', [item.name]))) return;
    await deleteCatalogueItem(item.id).then(
      () => (setNotice(i18n.t('catalogue.deleted')), reload()),
      (err: unknown) => setError(errorMessage(err)),
    );
  };

  const exportCsv = () => {
    // The BOM makes Excel read the file as UTF-8 (Chinese names stay readable).
    const blob = new Blob(['\uFEFF', catalogueToCsv(items)], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'closer-catalogue.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1_000);
  };

  return (
    <section aria-labelledby="catalogue-h" data-testid="catalogue-tab">
      <h2 id="catalogue-h">{i18n.t('catalogue.title')}</h2>
      <p className="muted">{i18n.t('catalogue.intro')}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <CatalogueTeamSync onSynced={reload} />
      <CatalogueImport existing={items} onImported={reload} />

      <h3>
        {i18n.t('catalogue.title')} <span className="muted">{i18n.t('catalogue.count', [String(items.length)])}</span>
      </h3>
      <div className="row">
        <button type="button" onClick={() => setEditing('new')} data-testid="catalogue-add">
          {i18n.t('catalogue.add')}
        </button>
        <button type="button" onClick={exportCsv} disabled={items.length === 0} data-testid="catalogue-export">
          {i18n.t('catalogue.export')}
        </button>
      </div>
      {editing && (
        <CatalogueItemForm
          key={editing === 'new' ? 'new' : editing.id}
          item={editing === 'new' ? null : editing}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
      {notice && <p role="status">{notice}</p>}
      {items.length === 0 ? (
        <p className="muted">{i18n.t('catalogue.empty')}</p>
      ) : (
        <ul className="catalogue-list" data-testid="catalogue-items">
          {items.map((item) => (
            <li key={item.id} data-testid="catalogue-item" data-name={item.name}>
              <strong>{item.name}</strong> <span className="badge">{i18n.t(`catalogue.kind.${item.kind}`)}</span>
              {item.tags.length > 0 && <span className="muted"> · {item.tags.join(', ')}</span>}
              {item.description && <div className="muted">{item.description}</div>}
              <div className="row">
                <button
                  type="button"
                  onClick={() => setEditing(item)}
                  aria-label={`${i18n.t('catalogue.edit')}: ${item.name}`}
                >
                  {i18n.t('catalogue.edit')}
                </button>
                <button
                  type="button"
                  onClick={() => void remove(item)}
                  aria-label={`${i18n.t('catalogue.delete')}: ${item.name}`}
                >
                  {i18n.t('catalogue.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <RecommendForPersona />
    </section>
  );
}
