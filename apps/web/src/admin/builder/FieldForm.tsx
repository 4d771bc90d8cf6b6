import { FIELD_TYPE_LABELS, FieldType } from '@tps/contracts/procedures/field-type';
import type { FormEvent, ReactNode, Ref } from 'react';

import type { FieldErrors } from '../form-errors';
import { InputGroup } from '../InputGroup';
import {
  type FieldFormValues,
  hasBounds,
  hasChoices,
  hasMaxFileSize,
  hasMaxLength,
  hasRequiredFlag,
} from './field-draft';

const FIELD_TYPES = Object.keys(FIELD_TYPE_LABELS) as FieldType[];

const LABEL_HINTS: Partial<Record<FieldType, string>> = {
  [FieldType.HeaderSection]: 'Le titre qui ouvre une partie du formulaire.',
  [FieldType.Explanation]: 'Le titre de l’explication ; son texte va dans « Texte d’aide ».',
  [FieldType.Checkbox]: 'La phrase que l’usager coche, par exemple « J’accepte les conditions ».',
};

interface FieldFormProps {
  idPrefix: string;
  values: FieldFormValues;
  errors: FieldErrors;
  onChange: (values: FieldFormValues) => void;
  onSubmit: () => void;
  /** Only a new field chooses its type; the type of an existing field is fixed. */
  typeEditable: boolean;
  submitLabel: string;
  busy: boolean;
  /** Extra buttons after the submit button, e.g. « Annuler ». */
  actions?: ReactNode;
  typeSelectRef?: Ref<HTMLSelectElement>;
}

/** Inputs of one field definition, shown only when they apply to the chosen type. */
export function FieldForm(props: FieldFormProps) {
  const { idPrefix, values, errors, onChange, typeEditable } = props;
  const set =
    <K extends keyof FieldFormValues>(key: K) =>
    (value: FieldFormValues[K]) =>
      onChange({ ...values, [key]: value });
  const type = values.type;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    props.onSubmit();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {typeEditable ? (
        <div className="fr-select-group">
          <label className="fr-label" htmlFor={`${idPrefix}-type`}>
            Type de champ
          </label>
          <select
            className="fr-select"
            id={`${idPrefix}-type`}
            ref={props.typeSelectRef}
            value={type}
            onChange={(event) => set('type')(event.target.value as FieldType)}
          >
            {FIELD_TYPES.map((candidate) => (
              <option key={candidate} value={candidate}>
                {FIELD_TYPE_LABELS[candidate]}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p className="fr-mb-2w">
          Type de champ : <strong>{FIELD_TYPE_LABELS[type]}</strong>
        </p>
      )}
      <InputGroup
        id={`${idPrefix}-libelle`}
        label="Libellé"
        hint={LABEL_HINTS[type]}
        value={values.label}
        onChange={set('label')}
        error={errors.label}
        maxLength={500}
        required
      />
      <InputGroup
        id={`${idPrefix}-aide`}
        label="Texte d’aide"
        hint={
          type === FieldType.Explanation
            ? 'Le texte de l’explication, affiché sous son titre.'
            : 'Facultatif. Affiché sous le libellé pour guider l’usager.'
        }
        value={values.description}
        onChange={set('description')}
        error={errors.description}
        rows={3}
        maxLength={5000}
      />
      {hasRequiredFlag(type) && (
        <div
          className={`fr-checkbox-group fr-mb-3w${errors.required ? ' fr-checkbox-group--error' : ''}`}
        >
          <input
            type="checkbox"
            id={`${idPrefix}-obligatoire`}
            checked={values.required}
            onChange={(event) => set('required')(event.target.checked)}
            aria-describedby={errors.required ? `${idPrefix}-obligatoire-erreur` : undefined}
          />
          <label className="fr-label" htmlFor={`${idPrefix}-obligatoire`}>
            Champ obligatoire
          </label>
          {errors.required && (
            <p className="fr-error-text" id={`${idPrefix}-obligatoire-erreur`}>
              {errors.required}
            </p>
          )}
        </div>
      )}
      {hasChoices(type) && (
        <InputGroup
          id={`${idPrefix}-choix`}
          label="Choix possibles (un par ligne)"
          hint="Dans l’ordre où l’usager les verra ; chaque choix est unique et fait au plus 200 caractères."
          value={values.choices}
          onChange={set('choices')}
          error={errors['options.choices']}
          rows={5}
          required
        />
      )}
      {hasMaxLength(type) && (
        <InputGroup
          id={`${idPrefix}-longueur`}
          label="Longueur maximale (en caractères)"
          hint="Facultative. Un nombre entier, par exemple 100."
          inputMode="numeric"
          value={values.maxLength}
          onChange={set('maxLength')}
          error={errors['options.maxLength']}
        />
      )}
      {hasBounds(type) && (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-sm-6">
            <InputGroup
              id={`${idPrefix}-min`}
              label="Valeur minimale"
              hint="Facultative, incluse."
              inputMode="decimal"
              value={values.min}
              onChange={set('min')}
              error={errors['options.min']}
            />
          </div>
          <div className="fr-col-12 fr-col-sm-6">
            <InputGroup
              id={`${idPrefix}-max`}
              label="Valeur maximale"
              hint="Facultative, incluse."
              inputMode="decimal"
              value={values.max}
              onChange={set('max')}
              error={errors['options.max']}
            />
          </div>
        </div>
      )}
      {hasMaxFileSize(type) && (
        <InputGroup
          id={`${idPrefix}-taille`}
          label="Taille maximale du fichier (en Mo)"
          hint="Facultative. Sans valeur, la limite générale de la plateforme s’applique."
          inputMode="decimal"
          value={values.maxFileSizeMegabytes}
          onChange={set('maxFileSizeMegabytes')}
          error={errors['options.maxFileSizeBytes']}
        />
      )}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
        <li>
          <button type="submit" className="fr-btn" disabled={props.busy}>
            {props.submitLabel}
          </button>
        </li>
        {props.actions}
      </ul>
    </form>
  );
}
