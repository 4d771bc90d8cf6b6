import { ApiError, errorMessage } from '../api/client';

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  /** Field errors are listed unless the form shows them next to each input. */
  listFields?: boolean;
}

/** Shows a failed request as a DSFR error alert, which screen readers announce at once. */
export function ErrorAlert({
  error,
  title = 'Une erreur est survenue',
  listFields = true,
}: ErrorAlertProps) {
  const fields =
    error instanceof ApiError && !error.isNotFound() ? (error.details.fields ?? []) : [];
  return (
    <div className="fr-alert fr-alert--error fr-mb-3w" role="alert">
      <h2 className="fr-alert__title">{title}</h2>
      <p>
        {!listFields && fields.length > 0
          ? 'Corrigez les champs signalés, puis recommencez.'
          : errorMessage(error)}
      </p>
      {listFields && fields.length > 0 && (
        <ul>
          {fields.map((field) => (
            <li key={`${field.field}:${field.message}`}>
              {field.label ? `${field.label} : ` : ''}
              {field.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
