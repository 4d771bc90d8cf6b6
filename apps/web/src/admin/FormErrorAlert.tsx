import { ApiError } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';

interface FormErrorAlertProps {
  error: unknown;
  title: string;
  /** Property paths whose errors the form shows next to their input. */
  inlineFields: readonly string[];
  /** Position of the alert relative to the form, so that its text points the right way. */
  placement?: 'above' | 'below';
}

/**
 * Shows the alert above a form, or below it with `placement="below"`. When every invalid value is
 * flagged next to its input, the alert only points there. Other failures (conflict, server down)
 * show the gateway's message and fields.
 */
export function FormErrorAlert({
  error,
  title,
  inlineFields,
  placement = 'above',
}: FormErrorAlertProps) {
  const fields = error instanceof ApiError ? (error.details.fields ?? []) : [];
  const allInline =
    fields.length > 0 && fields.every((field) => inlineFields.includes(field.field));
  if (!allInline) {
    return <ErrorAlert error={error} title={title} />;
  }

  const where = placement === 'above' ? 'ci-dessous' : 'ci-dessus';

  return (
    <div className="fr-alert fr-alert--error fr-mb-3w" role="alert">
      <h2 className="fr-alert__title">{title}</h2>
      <p>
        {fields.length > 1
          ? `Corrigez les champs signalés ${where}, puis réessayez.`
          : `Corrigez le champ signalé ${where}, puis réessayez.`}
      </p>
    </div>
  );
}
