import { useId } from 'react';
import { i18n } from '#i18n';
import { styleForLanguage, type StyleProfile } from '../../../shared/common/style';

/** The per-draft switch: write this draft in the rep's style, or not. */
export function StyleSwitch({
  profile,
  checked,
  onChange,
  language,
}: {
  profile: StyleProfile;
  checked: boolean;
  onChange: (on: boolean) => void;
  language: 'en' | 'zh';
}) {
  const id = useId();
  const fitted = styleForLanguage(profile, language);
  const none = i18n.t('style.noneValue');
  return (
    <div className="row wrap">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        data-testid="draft-style"
        aria-describedby={`${id}-hint`}
      />
      <label htmlFor={id}>{i18n.t('style.useInDraft')}</label>
      <span id={`${id}-hint`} className="muted">
        {i18n.t('style.useInDraftHint', [fitted.greeting ?? none, fitted.signOff ?? none])}
      </span>
    </div>
  );
}
