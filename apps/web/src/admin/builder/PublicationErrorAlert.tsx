import { Link } from 'react-router';

import { ApiError, errorMessage } from '../../api/client';
import { isMailKind, MAIL_KIND_LABELS } from './mail-kinds';

const PARTS: Record<string, string> = { subject: 'objet', body: 'corps du message' };

/**
 * Why publishing failed, one line per problem with a link to where it is fixed: the form
 * (`fields`) or a mail template (`mailTemplates.<kind>.<subject|body>`).
 */
export function PublicationErrorAlert({
  error,
  title,
  procedureId,
}: {
  error: unknown;
  title: string;
  procedureId: string;
}) {
  const fields = error instanceof ApiError ? (error.details.fields ?? []) : [];
  const base = `/admin/procedures/${procedureId}`;

  return (
    <div className="fr-alert fr-alert--error fr-mb-3w" role="alert">
      <h3 className="fr-alert__title">{title}</h3>
      <p>{errorMessage(error)}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((field) => {
            const [scope, kind, part] = field.field.split('.');
            const key = `${field.field}:${field.message}`;
            if (scope === 'mailTemplates' && isMailKind(kind)) {
              return (
                <li key={key}>
                  E-mail « {MAIL_KIND_LABELS[kind]} », {PARTS[part] ?? part} : {field.message}.{' '}
                  <Link to={`${base}/emails/${kind}`}>
                    Modifier l’e-mail « {MAIL_KIND_LABELS[kind]} »
                  </Link>
                </li>
              );
            }
            return (
              <li key={key}>
                {field.message.charAt(0).toUpperCase() + field.message.slice(1)}.{' '}
                {scope === 'fields' && <Link to={`${base}/champs`}>Modifier le formulaire</Link>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
