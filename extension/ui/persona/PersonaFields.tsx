import { i18n } from '#i18n';
import type { PersonaFieldName } from '../../../shared/common/llm/structured/persona-schema';
import type { PersonaView } from '../../messaging/persona-methods';
import { approveField, editField, fieldNames } from './persona-edit';

const label = (name: PersonaFieldName) => i18n.t(`hubspot.field.${name}` as 'hubspot.field.role');

/** Shown source: the CRM property, the message, or how it was made. */
const sourceText = (source: string) => source.replace(/^edited:/, '✎ ');

/**
 * One row per persona field: an editable value, its confidence and evidence, and an approval checkbox. Editing a
 * value withdraws its approval, so nothing is synced that a person has not seen in its final form.
 */
export function PersonaFields({
  persona,
  onChange,
  idPrefix = 'pf',
}: {
  persona: PersonaView;
  onChange: (next: PersonaView) => void;
  idPrefix?: string;
}) {
  return (
    <ul className="persona-fields" data-testid="persona-fields">
      {fieldNames(persona).map((name) => {
        const f = persona.fields[name];
        if (!f) return null;
        const inputId = `${idPrefix}-${name}`;
        return (
          <li key={name} data-testid={`persona-field-${name}`} data-approved={f.approved}>
            <label htmlFor={inputId}>{label(name)}</label>
            <input
              id={inputId}
              data-testid={`field-input-${name}`}
              value={f.value}
              maxLength={1_000}
              onChange={(e) => onChange(editField(persona, name, e.target.value))}
            />
            <label className="approve">
              <input
                type="checkbox"
                data-testid={`field-approve-${name}`}
                aria-label={`${i18n.t('hubspot.approve')}: ${label(name)}`}
                checked={f.approved}
                onChange={(e) => onChange(approveField(persona, name, e.target.checked))}
              />{' '}
              {i18n.t('hubspot.approve')}
            </label>
            <span className="muted">
              {i18n.t('hubspot.confidence', [String(Math.round(f.confidence * 100))])} ·{' '}
              {i18n.t('hubspot.source', [sourceText(f.source)])}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
