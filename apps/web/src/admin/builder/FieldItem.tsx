import type { FieldDefinition } from '@tps/contracts';
import { FIELD_TYPE_LABELS } from '@tps/contracts/procedures/field-type';
import { useEffect, useState } from 'react';

import { api } from '../../api/client';
import { formatBytes, formatNumber } from '../../components/format';
import { type FieldErrors, fieldErrorsOf, focusFirstError } from '../form-errors';
import { FormErrorAlert } from '../FormErrorAlert';
import {
  checkField,
  FIELD_FORM_INPUTS,
  type FieldFormValues,
  hasRequiredFlag,
  toUpdateDto,
  valuesOfField,
} from './field-draft';
import { FieldForm } from './FieldForm';

export type FieldItemAction = 'edit' | 'up' | 'down' | 'delete';

interface FieldItemProps {
  procedureId: string;
  field: FieldDefinition;
  index: number;
  count: number;
  editing: boolean;
  /** Lets the list move focus back to a button after the field moved or was saved. */
  registerControl: (action: FieldItemAction, element: HTMLElement | null) => void;
  onEdit: () => void;
  onCancelEdit: () => void;
  onSaved: (field: FieldDefinition) => void;
  onMove: (direction: 'up' | 'down') => void;
  onDelete: () => void;
}

/** Shows one field of the draft form with its buttons, or its edit form while editing. */
export function FieldItem(props: FieldItemProps) {
  const { field, index, count } = props;
  const name = `« ${field.label} »`;

  return (
    <li className="fr-mb-2w fr-p-2w" style={{ border: '1px solid var(--border-default-grey)' }}>
      <p className="fr-text--xs fr-mb-1v">
        Champ {index + 1} sur {count} · {FIELD_TYPE_LABELS[field.type]}
      </p>
      <h3 className="fr-h6 fr-mb-1w">{field.label}</h3>
      {props.editing ? (
        <FieldEditForm {...props} />
      ) : (
        <>
          <FieldSummary field={field} />
          <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-btns-group--icon-left fr-mb-0">
            <li>
              <button
                type="button"
                className="fr-btn fr-btn--secondary fr-icon-edit-line"
                ref={(element) => props.registerControl('edit', element)}
                onClick={props.onEdit}
              >
                Modifier<span className="fr-sr-only"> le champ {name}</span>
              </button>
            </li>
            <li>
              <button
                type="button"
                className="fr-btn fr-btn--tertiary fr-icon-arrow-up-line"
                ref={(element) => props.registerControl('up', element)}
                disabled={index === 0}
                onClick={() => props.onMove('up')}
              >
                Monter<span className="fr-sr-only"> le champ {name}</span>
              </button>
            </li>
            <li>
              <button
                type="button"
                className="fr-btn fr-btn--tertiary fr-icon-arrow-down-line"
                ref={(element) => props.registerControl('down', element)}
                disabled={index === count - 1}
                onClick={() => props.onMove('down')}
              >
                Descendre<span className="fr-sr-only"> le champ {name}</span>
              </button>
            </li>
            <li>
              <button
                type="button"
                className="fr-btn fr-btn--tertiary fr-icon-delete-line"
                ref={(element) => props.registerControl('delete', element)}
                onClick={props.onDelete}
              >
                Supprimer<span className="fr-sr-only"> le champ {name}</span>
              </button>
            </li>
          </ul>
        </>
      )}
    </li>
  );
}

function FieldSummary({ field }: { field: FieldDefinition }) {
  const { choices, maxLength, min, max, maxFileSizeBytes } = field.options;
  const details: string[] = [];
  if (maxLength !== undefined) {
    details.push(`${formatNumber(maxLength)} caractères au plus`);
  }
  if (min !== undefined && max !== undefined) {
    details.push(`entre ${formatNumber(min)} et ${formatNumber(max)}`);
  } else if (min !== undefined) {
    details.push(`au moins ${formatNumber(min)}`);
  } else if (max !== undefined) {
    details.push(`au plus ${formatNumber(max)}`);
  }
  if (maxFileSizeBytes !== undefined) {
    details.push(`fichier de ${formatBytes(maxFileSizeBytes)} au plus`);
  }

  return (
    <>
      {hasRequiredFlag(field.type) && (
        <p className="fr-mb-1w">
          <span
            className={`fr-badge fr-badge--sm fr-badge--no-icon${field.required ? ' fr-badge--info' : ''}`}
          >
            {field.required ? 'Obligatoire' : 'Facultatif'}
          </span>
        </p>
      )}
      {field.description && <p className="fr-text--sm fr-mb-1w">{field.description}</p>}
      {choices && <p className="fr-text--sm fr-mb-1w">Choix : {choices.join(' · ')}</p>}
      {details.length > 0 && <p className="fr-text--sm fr-mb-1w">{details.join(' ; ')}</p>}
    </>
  );
}

function FieldEditForm(props: FieldItemProps) {
  const { field, procedureId } = props;
  const [values, setValues] = useState<FieldFormValues>(() => valuesOfField(field));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const idPrefix = `champ-${field.stableId}`;

  useEffect(() => {
    document.getElementById(`${idPrefix}-libelle`)?.focus();
  }, [idPrefix]);

  async function onSubmit() {
    setError(undefined);
    const checked = checkField(values);
    setErrors(checked);
    if (Object.keys(checked).length > 0) {
      focusFirstError();
      return;
    }
    setBusy(true);
    try {
      const saved = await api<FieldDefinition>(
        'PATCH',
        `/admin/procedures/${procedureId}/fields/${field.stableId}`,
        toUpdateDto(values),
      );
      props.onSaved(saved);
    } catch (caught) {
      setError(caught);
      setErrors(fieldErrorsOf(caught));
      focusFirstError();
      setBusy(false);
    }
  }

  return (
    <>
      {error !== undefined && (
        <FormErrorAlert
          error={error}
          title="Le champ n’a pas été enregistré"
          inlineFields={FIELD_FORM_INPUTS}
        />
      )}
      <FieldForm
        idPrefix={idPrefix}
        values={values}
        errors={errors}
        onChange={setValues}
        onSubmit={() => void onSubmit()}
        typeEditable={false}
        submitLabel="Enregistrer le champ"
        busy={busy}
        actions={
          <li>
            <button type="button" className="fr-btn fr-btn--secondary" onClick={props.onCancelEdit}>
              Annuler
            </button>
          </li>
        }
      />
    </>
  );
}
