import { request } from '../../messaging/client';
import type { CatalogueItem } from '../../../shared/common/recommend';
import type { CatalogueRowError } from '../../../shared/common/recommend/catalogue-csv';
import { i18n } from '#i18n';

/** Calls the catalogue methods; the panel and side panel share them. */
export const listCatalogue = async () => (await request('catalogue.list', {})).items;
export const putCatalogue = (items: CatalogueItem[]) => request('catalogue.put', { items });
export const deleteCatalogueItem = (id: string) => request('catalogue.delete', { ids: [id] });

export const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

const COLUMN_LABEL = {
  name: 'catalogue.field.name',
  kind: 'catalogue.field.kind',
  description: 'catalogue.field.description',
  tags: 'catalogue.field.tags',
  url: 'catalogue.field.url',
} as const;

/** One import problem in words, with its line number. */
export function rowErrorText(e: CatalogueRowError): string {
  const what = (() => {
    switch (e.code) {
      case 'missing_name':
        return i18n.t('catalogue.import.error.missingName');
      case 'bad_kind':
        return i18n.t('catalogue.import.error.badKind', [e.value ?? '']);
      case 'bad_url':
        return i18n.t('catalogue.import.error.badUrl', [e.value ?? '']);
      case 'too_long':
        return i18n.t('catalogue.import.error.tooLong', [e.column ? i18n.t(COLUMN_LABEL[e.column]) : '']);
      case 'too_many_tags':
        return i18n.t('catalogue.import.error.tooManyTags');
      case 'duplicate':
        return i18n.t('catalogue.import.error.duplicate', [e.value ?? '']);
      case 'extra_fields':
        return i18n.t('catalogue.import.error.extraFields');
      case 'too_many_rows':
        return i18n.t('catalogue.import.error.tooManyRows');
    }
  })();
  return i18n.t('catalogue.import.line', [String(e.line), what]);
}
