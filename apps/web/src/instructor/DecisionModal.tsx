import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';

import { ApiError } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { Modal } from '../components/Modal';
import type { DecisionTexts } from './dossier-actions';

interface DecisionModalProps {
  open: boolean;
  dossierNumber: number;
  texts: DecisionTexts;
  motivationRequired: boolean;
  busy: boolean;
  /** Error of the last attempt, shown inside the dialog (409s close it instead). */
  error: unknown;
  onConfirm: (motivation: string) => void;
  onClose: () => void;
}

const MISSING_MOTIVATION =
  'Saisissez la motivation : elle est obligatoire pour refuser ou classer sans suite un dossier.';

/** Confirmation dialog of a decision, with its motivation. */
export function DecisionModal(props: DecisionModalProps) {
  const { open, dossierNumber, texts, motivationRequired, busy, error, onConfirm, onClose } = props;
  const [motivation, setMotivation] = useState('');
  const [missing, setMissing] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const formId = useId();
  const inputId = useId();
  const hintId = `${inputId}-aide`;
  const errorId = `${inputId}-erreur`;

  // The dialog focuses its first control, the close button; the motivation is what to type first.
  // Children's effects run first, so the dialog is already open here.
  useEffect(() => {
    if (open) {
      textarea.current?.focus();
    }
  }, [open]);

  const serverFieldError = error instanceof ApiError ? error.fieldErrors().motivation : undefined;
  const fieldError = missing ? MISSING_MOTIVATION : serverFieldError;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (motivationRequired && motivation.trim() === '') {
      setMissing(true);
      textarea.current?.focus();
      return;
    }
    setMissing(false);
    onConfirm(motivation.trim());
  }

  return (
    <Modal
      title={texts.title(dossierNumber)}
      open={open}
      onClose={onClose}
      footer={
        <ul className="fr-btns-group fr-btns-group--right fr-btns-group--inline-lg">
          <li>
            <button type="submit" form={formId} className="fr-btn" disabled={busy}>
              {busy ? 'Enregistrement…' : texts.confirm}
            </button>
          </li>
          <li>
            <button type="button" className="fr-btn fr-btn--secondary" onClick={onClose}>
              Annuler
            </button>
          </li>
        </ul>
      }
    >
      {error !== undefined && serverFieldError === undefined && (
        <ErrorAlert error={error} title="La décision n’a pas été enregistrée" />
      )}
      <form id={formId} onSubmit={onSubmit} noValidate>
        <div className={`fr-input-group${fieldError ? ' fr-input-group--error' : ''}`}>
          <label className="fr-label" htmlFor={inputId}>
            {texts.motivationLabel}
            {motivationRequired && ' (obligatoire)'}
          </label>
          <p className="fr-hint-text fr-mt-1v" id={hintId}>
            {texts.motivationHint}
          </p>
          <textarea
            className={`fr-input${fieldError ? ' fr-input--error' : ''}`}
            id={inputId}
            ref={textarea}
            rows={6}
            maxLength={10000}
            required={motivationRequired}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${hintId} ${errorId}` : hintId}
            value={motivation}
            onChange={(event) => {
              setMotivation(event.target.value);
              if (missing && event.target.value.trim() !== '') {
                setMissing(false);
              }
            }}
          />
          {fieldError && (
            <p className="fr-error-text" id={errorId}>
              {fieldError}
            </p>
          )}
        </div>
      </form>
    </Modal>
  );
}
