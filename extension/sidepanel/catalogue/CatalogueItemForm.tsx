import { useId, useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { CATALOGUE_KINDS, CatalogueItemSchema, type CatalogueItem } from '../../../shared/common/recommend';
import { splitTags } from '../../../shared/common/recommend/catalogue-csv';

/** Adds or edits one item; the item is checked with the same schema the service worker enforces. */
export function CatalogueItemForm({
  item,
  onSave,
  onCancel,
}: {
  item: CatalogueItem | null;
  onSave: (item: CatalogueItem) => Promise<void>;
  onCancel: () => void;
}) {
  const ids = { name: useId(), kind: useId(), description: useId(), tags: useId(), url: useId() };
  const [name, setName] = useState(item?.name ?? '');
  const [kind, setKind] = useState<CatalogueItem['kind']>(item?.kind ?? 'product');
  const [description, setDescription] = useState(item?.description ?? '');
  const [tags, setTags] = useState(item?.tags.join('; ') ?? '');
  const [url, setUrl] = useState(item?.url ?? '');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = CatalogueItemSchema.safeParse({
      id: item?.id ?? crypto.randomUUID(),
      kind,
      name: name.trim(),
      description: description.trim(),
      tags: splitTags(tags),
      ...(url.trim() ? { url: url.trim() } : {}),
      updatedAt: Date.now(),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return setError(i18n.t('catalogue.invalid', [`${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`]));
    }
    setError(null);
    await onSave(parsed.data).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  };

  return (
    <form className="ask" onSubmit={(e) => void submit(e)} data-testid="catalogue-form">
      <label htmlFor={ids.name}>{i18n.t('catalogue.field.name')}</label>
      <input id={ids.name} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor={ids.kind}>{i18n.t('catalogue.field.kind')}</label>
      <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as CatalogueItem['kind'])}>
        {CATALOGUE_KINDS.map((k) => (
          <option key={k} value={k}>
            {i18n.t(`catalogue.kind.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor={ids.description}>{i18n.t('catalogue.field.description')}</label>
      <textarea
        id={ids.description}
        rows={3}
        maxLength={5_000}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <label htmlFor={ids.tags}>{i18n.t('catalogue.field.tags')}</label>
      <input id={ids.tags} value={tags} onChange={(e) => setTags(e.target.value)} />
      <label htmlFor={ids.url}>{i18n.t('catalogue.field.url')}</label>
      <input id={ids.url} type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
      <div className="row">
        <button type="submit">{i18n.t('catalogue.save')}</button>
        <button type="button" onClick={onCancel}>
          {i18n.t('catalogue.cancel')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
