import { useState } from 'react';
import { i18n } from '#i18n';
import { request } from '../../messaging/client';

/**
 * Says how many messages Gmail folded away (their text is not in the page), with one button that expands Gmail's own
 * view. Never done automatically: expanding changes the rep's page.
 */
export function FoldedNote({ count }: { count: number }) {
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const expand = () => {
    setBusy(true);
    setFailed(null);
    request('page.expandFolded', {}).then(
      (r) => (setBusy(false), r.ok ? undefined : setFailed(i18n.t('gmail.foldedGone'))),
      (err: unknown) => (setBusy(false), setFailed(err instanceof Error ? err.message : String(err))),
    );
  };
  return (
    <div className="folded" role="note" data-testid="folded-note" data-count={count}>
      <p>{i18n.t('gmail.folded', [String(count)])}</p>
      <button type="button" onClick={expand} disabled={busy} data-testid="folded-expand">
        {i18n.t('gmail.foldedExpand')}
      </button>
      {failed && (
        <p className="error" role="alert">
          {i18n.t('gmail.foldedFailed', [failed])}
        </p>
      )}
    </div>
  );
}
