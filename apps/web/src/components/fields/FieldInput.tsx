import type { AttachmentView, FieldDefinition } from '@tps/contracts';
import { FieldType } from '@tps/contracts/procedures/field-type';
import type { ChangeEvent, ReactNode } from 'react';

import { formatBytes, formatFileType, formatNumber } from '../format';

/** Value of a field while the applicant edits it: text as typed, a boolean, or ticked choices. */
export type FieldInputValue = string | boolean | string[] | null;

/** Upload controls of a piece_justificative field. */
export interface AttachmentControls {
  attachments: AttachmentView[];
  /** Prefix of the download links, e.g. `/api/dossiers/<id>`. */
  downloadBaseUrl: string;
  /** File being sent and the fraction already sent (0 to 1), or null when idle. */
  upload: { filename: string; fraction: number } | null;
  onSelect: (file: File) => void;
  onDelete: (attachment: AttachmentView) => void;
  /** Attachment whose deletion is under way; its button is disabled meanwhile. */
  deletingId?: string | null;
  /**
   * True when the field must keep at least one file (a required field of a submitted dossier):
   * its only file then shows how to replace it instead of a delete button the server rejects.
   */
  keepsOneFile?: boolean;
}

export interface FieldInputProps {
  definition: FieldDefinition;
  value: FieldInputValue;
  onChange: (value: FieldInputValue) => void;
  error?: string;
  disabled?: boolean;
  /** Makes ids unique on the page: the control's id is `<idPrefix>-<stableId>`. */
  idPrefix: string;
  /** Level of a header_section heading, so that the page outline skips no level. */
  headingLevel?: 2 | 3 | 4;
  /** Without them a piece_justificative is shown disabled, as in the form builder's preview. */
  attachment?: AttachmentControls;
  /** Shown under the control, e.g. the company found for a SIRET. */
  children?: ReactNode;
}

/** Extensions the gateway accepts (it checks the content, this only filters the file picker). */
const ACCEPTED_EXTENSIONS = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.odt,.ods,.odp';
const DELETE_BUTTON_CLASS =
  'fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-btn--icon-left fr-icon-delete-line fr-ml-2w';
const ACCEPTED_FORMATS = 'PDF, PNG, JPEG, GIF, WebP, DOCX, XLSX, PPTX, ODT, ODS, ODP';
/** Keeps the line breaks an administrator typed in a description. */
const PRE_LINE = { whiteSpace: 'pre-line' } as const;
export const PREVIEW_UPLOAD_NOTE = 'Aperçu : l’envoi de fichiers est désactivé';

const YES_NO_OPTIONS = [
  { value: true, label: 'Oui' },
  { value: false, label: 'Non' },
];
/** Values accepted by the dossiers service for a civilite field. */
const CIVILITY_OPTIONS = [
  { value: 'M.', label: 'M.' },
  { value: 'Mme', label: 'Mme' },
];

/** Id of the control a link to this field should focus (the first option of a group). */
export function fieldFocusId(idPrefix: string, definition: FieldDefinition): string {
  const base = `${idPrefix}-${definition.stableId}`;
  switch (definition.type) {
    case FieldType.YesNo:
    case FieldType.Civility:
    case FieldType.MultipleDropDownList:
      return `${base}-option-0`;
    default:
      return base;
  }
}

/** Turns a stored value (number, ISO date, boolean, choices) into what the control shows. */
export function toInputValue(definition: FieldDefinition, stored: unknown): FieldInputValue {
  if (stored === null || stored === undefined) {
    return definition.type === FieldType.MultipleDropDownList ? [] : null;
  }
  if (typeof stored === 'boolean') {
    return stored;
  }
  if (Array.isArray(stored)) {
    return stored.map(String);
  }
  if (typeof stored === 'number') {
    // French decimal comma, as the applicant would type it.
    return String(stored).replace('.', ',');
  }

  return String(stored);
}

/** Renders the form control of a field definition, with DSFR markup, hints, required mark and error. */
export function FieldInput(props: FieldInputProps) {
  const { definition, idPrefix, headingLevel = 2 } = props;
  const base = `${idPrefix}-${definition.stableId}`;
  switch (definition.type) {
    case FieldType.HeaderSection: {
      const Heading = `h${headingLevel}` as const;
      return (
        <div className="fr-mt-5w fr-mb-3w">
          <Heading className="fr-h4 fr-mb-1w" id={base}>
            {definition.label}
          </Heading>
          {definition.description && <p style={PRE_LINE}>{definition.description}</p>}
        </div>
      );
    }
    case FieldType.Explanation:
      return (
        <div className="fr-callout fr-mb-3w" id={base}>
          <p className="fr-callout__title">{definition.label}</p>
          {definition.description && (
            <p className="fr-callout__text" style={PRE_LINE}>
              {definition.description}
            </p>
          )}
        </div>
      );
    case FieldType.YesNo:
      return (
        <RadioGroup
          {...props}
          options={YES_NO_OPTIONS}
          selected={(option) => props.value === option}
          inline
        />
      );
    case FieldType.Civility:
      return (
        <RadioGroup
          {...props}
          options={CIVILITY_OPTIONS}
          selected={(option) => props.value === option}
          inline
        />
      );
    case FieldType.Checkbox:
      return <SingleCheckbox {...props} />;
    case FieldType.DropDownList:
      return <Select {...props} />;
    case FieldType.MultipleDropDownList:
      return <CheckboxGroup {...props} />;
    case FieldType.Attachment:
      return <AttachmentInput {...props} />;
    case FieldType.Text:
    case FieldType.Textarea:
    case FieldType.Integer:
    case FieldType.Decimal:
    case FieldType.Date:
    case FieldType.Email:
    case FieldType.Phone:
    case FieldType.Siret:
      return <TextInput {...props} />;
  }
}

/** Format hint shown under the label, beside the administrator's description. */
function formatHint(definition: FieldDefinition): string | null {
  const { maxLength, maxFileSizeBytes } = definition.options;
  switch (definition.type) {
    case FieldType.Text:
    case FieldType.Textarea:
      return maxLength ? `${formatNumber(maxLength)} caractères au maximum.` : null;
    case FieldType.Integer:
      return `Nombre entier${boundsHint(definition)}, par exemple 12.`;
    case FieldType.Decimal:
      return `Nombre${boundsHint(definition)}, avec une virgule pour les décimales, par exemple 12,5.`;
    case FieldType.Email:
      return 'Format attendu : nom@domaine.fr';
    case FieldType.Phone:
      return 'Format attendu : 06 12 34 56 78, ou +32 2 123 45 67 pour un numéro étranger.';
    case FieldType.Siret:
      return '14 chiffres, par exemple 130 025 265 00013.';
    case FieldType.Attachment:
      return `Formats acceptés : ${ACCEPTED_FORMATS}.${
        maxFileSizeBytes ? ` Taille maximale : ${formatBytes(maxFileSizeBytes)}.` : ''
      }`;
    default:
      return null;
  }
}

function boundsHint(definition: FieldDefinition): string {
  const { min, max } = definition.options;
  if (min !== undefined && max !== undefined) {
    return ` entre ${formatNumber(min)} et ${formatNumber(max)}`;
  }
  if (min !== undefined) {
    return ` supérieur ou égal à ${formatNumber(min)}`;
  }

  return max !== undefined ? ` inférieur ou égal à ${formatNumber(max)}` : '';
}

/**
 * Renders the label text, required mark and hints. Controls point at the label text alone with
 * aria-labelledby, so that a control's name is exactly the field's label. The hints reach
 * assistive technologies through aria-describedby, and « required » through the control's
 * required attribute.
 */
function LabelContent({ definition, base }: { definition: FieldDefinition; base: string }) {
  const format = formatHint(definition);
  return (
    <>
      <span id={labelId(base)}>{definition.label}</span>
      {definition.required && <span aria-hidden="true">{'\u00a0*'}</span>}
      {definition.description && (
        <span className="fr-hint-text" id={`${base}-description`} style={PRE_LINE}>
          {definition.description}
        </span>
      )}
      {format && (
        <span className="fr-hint-text" id={`${base}-format`}>
          {format}
        </span>
      )}
    </>
  );
}

function labelId(base: string): string {
  return `${base}-label`;
}

/** Ids of the hints and error, for aria-describedby. */
function describedBy(
  definition: FieldDefinition,
  base: string,
  error: string | undefined,
): string | undefined {
  const ids = [
    definition.description ? `${base}-description` : null,
    formatHint(definition) ? `${base}-format` : null,
    error ? `${base}-error` : null,
  ].filter((id): id is string => id !== null);

  return ids.length > 0 ? ids.join(' ') : undefined;
}

function TextInput(props: FieldInputProps) {
  const { definition, value, onChange, error, disabled, idPrefix, children } = props;
  const base = `${idPrefix}-${definition.stableId}`;
  const text = typeof value === 'string' ? value : '';
  const common = {
    id: base,
    name: base,
    className: `fr-input${error ? ' fr-input--error' : ''}`,
    value: text,
    disabled,
    required: definition.required,
    'aria-invalid': error ? true : undefined,
    'aria-labelledby': labelId(base),
    'aria-describedby': describedBy(definition, base, error),
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      onChange(event.target.value),
  };
  let control: ReactNode;
  switch (definition.type) {
    case FieldType.Textarea:
      control = <textarea {...common} rows={5} maxLength={definition.options.maxLength} />;
      break;
    case FieldType.Integer:
      control = <input {...common} type="text" inputMode="numeric" />;
      break;
    case FieldType.Decimal:
      control = <input {...common} type="text" inputMode="decimal" />;
      break;
    case FieldType.Date:
      control = <input {...common} type="date" min="1900-01-01" max="2200-12-31" />;
      break;
    case FieldType.Email:
      control = <input {...common} type="email" spellCheck={false} />;
      break;
    case FieldType.Phone:
      control = <input {...common} type="tel" />;
      break;
    case FieldType.Siret:
      control = <input {...common} type="text" inputMode="numeric" spellCheck={false} />;
      break;
    default:
      control = <input {...common} type="text" maxLength={definition.options.maxLength} />;
  }

  return (
    <div className={groupClass('fr-input-group', error, disabled)}>
      <label className="fr-label" htmlFor={base}>
        <LabelContent definition={definition} base={base} />
      </label>
      {control}
      <ErrorText base={base} error={error} />
      {children}
    </div>
  );
}

/** DSFR group classes with their error and disabled modifiers, e.g. `fr-input-group--error`. */
function groupClass(
  group: string,
  error: string | undefined,
  disabled: boolean | undefined,
): string {
  return [group, error ? `${group}--error` : null, disabled ? `${group}--disabled` : null]
    .filter(Boolean)
    .join(' ');
}

function ErrorText({ base, error }: { base: string; error: string | undefined }) {
  if (!error) {
    return null;
  }

  return (
    <p className="fr-error-text" id={`${base}-error`}>
      {error}
    </p>
  );
}

interface Option<T> {
  value: T;
  label: string;
}

function RadioGroup<T extends string | boolean>({
  definition,
  onChange,
  error,
  disabled,
  idPrefix,
  options,
  selected,
  inline,
}: FieldInputProps & { options: Option<T>[]; selected: (value: T) => boolean; inline: boolean }) {
  const base = `${idPrefix}-${definition.stableId}`;
  return (
    <fieldset
      className={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`}
      id={`${base}-fieldset`}
      aria-labelledby={labelId(base)}
      aria-describedby={describedBy(definition, base, error)}
      disabled={disabled}
    >
      <legend className="fr-fieldset__legend fr-fieldset__legend--regular">
        <LabelContent definition={definition} base={base} />
      </legend>
      {options.map((option, index) => (
        <div
          className={`fr-fieldset__element${inline ? ' fr-fieldset__element--inline' : ''}`}
          key={String(option.value)}
        >
          <div className="fr-radio-group">
            <input
              type="radio"
              id={`${base}-option-${index}`}
              name={base}
              checked={selected(option.value)}
              required={definition.required}
              onChange={() => onChange(option.value)}
            />
            <label className="fr-label" htmlFor={`${base}-option-${index}`}>
              {option.label}
            </label>
          </div>
        </div>
      ))}
      <GroupMessages base={base} error={error} />
    </fieldset>
  );
}

function GroupMessages({ base, error }: { base: string; error: string | undefined }) {
  return (
    <div className="fr-messages-group" aria-live="polite">
      {error && (
        <p className="fr-message fr-message--error" id={`${base}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function SingleCheckbox(props: FieldInputProps) {
  const { definition, value, onChange, error, disabled, idPrefix } = props;
  const base = `${idPrefix}-${definition.stableId}`;
  return (
    <div className={`fr-checkbox-group${error ? ' fr-checkbox-group--error' : ''}`}>
      <input
        type="checkbox"
        id={base}
        name={base}
        checked={value === true}
        disabled={disabled}
        required={definition.required}
        aria-labelledby={labelId(base)}
        aria-describedby={describedBy(definition, base, error)}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label className="fr-label" htmlFor={base}>
        <LabelContent definition={definition} base={base} />
      </label>
      <GroupMessages base={base} error={error} />
    </div>
  );
}

function Select({ definition, value, onChange, error, disabled, idPrefix }: FieldInputProps) {
  const base = `${idPrefix}-${definition.stableId}`;
  const choices = definition.options.choices ?? [];
  return (
    <div className={groupClass('fr-select-group', error, disabled)}>
      <label className="fr-label" htmlFor={base}>
        <LabelContent definition={definition} base={base} />
      </label>
      <select
        className={`fr-select${error ? ' fr-select--error' : ''}`}
        id={base}
        name={base}
        value={typeof value === 'string' ? value : ''}
        disabled={disabled}
        required={definition.required}
        aria-invalid={error ? true : undefined}
        aria-labelledby={labelId(base)}
        aria-describedby={describedBy(definition, base, error)}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">Sélectionner une option</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
      <ErrorText base={base} error={error} />
    </div>
  );
}

function CheckboxGroup(props: FieldInputProps) {
  const { definition, value, onChange, error, disabled, idPrefix } = props;
  const base = `${idPrefix}-${definition.stableId}`;
  const ticked = Array.isArray(value) ? value : [];
  const choices = definition.options.choices ?? [];

  function toggle(choice: string, checked: boolean) {
    // Keeps the order of the choices, whatever the order of the clicks.
    const next = choices.filter((entry) => (entry === choice ? checked : ticked.includes(entry)));
    onChange(next);
  }

  return (
    <fieldset
      className={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`}
      id={`${base}-fieldset`}
      aria-labelledby={labelId(base)}
      aria-describedby={describedBy(definition, base, error)}
      disabled={disabled}
    >
      <legend className="fr-fieldset__legend fr-fieldset__legend--regular">
        <LabelContent definition={definition} base={base} />
      </legend>
      {choices.map((choice, index) => (
        <div className="fr-fieldset__element" key={choice}>
          <div className="fr-checkbox-group">
            <input
              type="checkbox"
              id={`${base}-option-${index}`}
              name={base}
              checked={ticked.includes(choice)}
              onChange={(event) => toggle(choice, event.target.checked)}
            />
            <label className="fr-label" htmlFor={`${base}-option-${index}`}>
              {choice}
            </label>
          </div>
        </div>
      ))}
      <GroupMessages base={base} error={error} />
    </fieldset>
  );
}

function AttachmentInput({ definition, error, disabled, idPrefix, attachment }: FieldInputProps) {
  const base = `${idPrefix}-${definition.stableId}`;
  const uploading = attachment?.upload ?? null;
  const percent = uploading ? Math.round(uploading.fraction * 100) : 0;
  const describedIds = [describedBy(definition, base, error), attachment ? null : `${base}-preview`]
    .filter(Boolean)
    .join(' ');

  return (
    <div className={groupClass('fr-upload-group', error, disabled || !attachment)}>
      <label className="fr-label" htmlFor={base}>
        <LabelContent definition={definition} base={base} />
      </label>
      <input
        className="fr-upload"
        type="file"
        id={base}
        name={base}
        accept={ACCEPTED_EXTENSIONS}
        disabled={disabled || !attachment || uploading !== null}
        aria-required={definition.required || undefined}
        aria-invalid={error ? true : undefined}
        aria-labelledby={labelId(base)}
        aria-describedby={describedIds || undefined}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared at once, so that choosing the same file again after an error sends it again.
          event.target.value = '';
          if (file && attachment) {
            attachment.onSelect(file);
          }
        }}
      />
      {!attachment && (
        <p className="fr-info-text" id={`${base}-preview`}>
          {PREVIEW_UPLOAD_NOTE}
        </p>
      )}
      {uploading && (
        <div className="fr-mt-2w">
          <label className="fr-label" htmlFor={`${base}-progress`}>
            Envoi de « {uploading.filename} » : {percent} %
          </label>
          <progress className="tps-progress" id={`${base}-progress`} max={100} value={percent}>
            {percent} %
          </progress>
        </div>
      )}
      <ErrorText base={base} error={error} />
      {attachment && attachment.attachments.length > 0 && (
        <ul className="fr-mt-2w">
          {attachment.attachments.map((file) => (
            <li key={file.id}>
              <a
                className="fr-link fr-link--download"
                href={`${attachment.downloadBaseUrl}/attachments/${file.id}`}
                download
              >
                {file.filename}
                <span className="fr-link__detail">
                  {formatFileType(file.contentType)} – {formatBytes(file.sizeBytes)}
                </span>
              </a>
              {attachment.keepsOneFile && attachment.attachments.length === 1 ? (
                <p className="fr-hint-text fr-mt-1v fr-mb-0">
                  Ce fichier est obligatoire : pour le remplacer, ajoutez d’abord le nouveau
                  fichier, puis supprimez celui-ci.
                </p>
              ) : (
                <button
                  type="button"
                  className={DELETE_BUTTON_CLASS}
                  disabled={disabled || attachment.deletingId === file.id}
                  onClick={() => attachment.onDelete(file)}
                >
                  Supprimer<span className="fr-sr-only"> {file.filename}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
