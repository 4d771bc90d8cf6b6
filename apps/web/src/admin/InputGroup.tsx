import type { ReactNode } from 'react';

/** Share of maxLength from which the character count shows. */
const NEAR_LIMIT_RATIO = 0.9;

interface InputGroupProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  /** Renders a <textarea> with that many rows instead of an <input>. */
  rows?: number;
  type?: 'text' | 'email' | 'number' | 'url';
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'email' | 'text';
  step?: string;
  maxLength?: number;
  /** Called on focus, blur and selection changes, e.g. to remember where to insert text. */
  onSelect?: (element: HTMLInputElement | HTMLTextAreaElement) => void;
  inputRef?: (element: HTMLInputElement | HTMLTextAreaElement | null) => void;
  disabled?: boolean;
}

/**
 * Renders a DSFR input group: the label, an optional hint, the input, and the error text. The
 * hint sits outside the label and is tied by aria-describedby, so the accessible name is the
 * label alone.
 */
export function InputGroup(props: InputGroupProps) {
  const { id, label, hint, error, value, onChange, rows } = props;
  const errorId = `${id}-erreur`;
  const hintId = `${id}-aide`;
  const countId = `${id}-longueur`;
  // The browser silently cuts pasted text at maxLength, so the count shows near the limit.
  const showCount =
    props.maxLength !== undefined && value.length >= props.maxLength * NEAR_LIMIT_RATIO;
  const describedBy = [hint ? hintId : null, showCount ? countId : null, error ? errorId : null]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    value,
    required: props.required,
    disabled: props.disabled,
    maxLength: props.maxLength,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
    className: `fr-input${error ? ' fr-input--error' : ''}`,
    onFocus: (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
      props.onSelect?.(event.currentTarget),
    onSelect: (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
      props.onSelect?.(event.currentTarget),
    onBlur: (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
      props.onSelect?.(event.currentTarget),
  };

  return (
    <div className={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <label className="fr-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="fr-hint-text fr-mt-1v fr-mb-0" id={hintId}>
          {hint}
        </p>
      )}
      {rows ? (
        <textarea
          {...common}
          rows={rows}
          ref={props.inputRef}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          autoComplete={props.autoComplete}
          inputMode={props.inputMode}
          step={props.step}
          ref={props.inputRef}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {showCount && (
        <p className="fr-hint-text fr-mt-1v fr-mb-0" id={countId}>
          {value.length} caractères sur {props.maxLength} au maximum
          {value.length >= (props.maxLength ?? 0)
            ? ' : le texte au-delà n’est pas pris en compte.'
            : ''}
        </p>
      )}
      {error && (
        <p className="fr-error-text" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
