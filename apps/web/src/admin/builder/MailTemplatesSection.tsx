import { Link } from 'react-router';

import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { Loading } from '../../components/Loading';
import { useResource } from '../../components/useResource';
import { usePageTitle } from '../../layout/usePageTitle';
import type { BuilderSectionProps } from './builder-section';
import { MAIL_KIND_LABELS, MAIL_KIND_TRIGGERS, MAIL_KINDS } from './mail-kinds';
import type { MailTemplates } from './mail-templates-resource';

/** Lists the e-mails sent to applicants, each with a link to its editor. */
export function MailTemplatesSection({ procedure }: BuilderSectionProps) {
  usePageTitle(`E-mails – ${procedure.title}`);
  const resource = useResource(
    () => api<MailTemplates>('GET', `/admin/procedures/${procedure.id}/mail-templates`),
    procedure.id,
  );
  const base = `/admin/procedures/${procedure.id}/emails`;

  return (
    <>
      <h2>E-mails envoyés aux usagers</h2>
      <p>
        À chaque étape de son dossier, l’usager reçoit un e-mail. Chacun a un texte par défaut, que
        vous pouvez adapter à votre démarche. Les modifications s’appliquent dès leur
        enregistrement.
      </p>
      {resource.error !== undefined && (
        <ErrorAlert error={resource.error} title="Impossible d’afficher les e-mails" />
      )}
      {resource.data === undefined && resource.loading && <Loading />}
      {resource.data && (
        <ul className="fr-raw-list">
          {MAIL_KINDS.map((kind) => {
            const template = resource.data?.templates.find((candidate) => candidate.kind === kind);
            return (
              <li
                key={kind}
                className="fr-mb-2w fr-p-2w"
                style={{ border: '1px solid var(--border-default-grey)' }}
              >
                <h3 className="fr-h6 fr-mb-1w">{MAIL_KIND_LABELS[kind]}</h3>
                <p className="fr-text--sm fr-mb-1w">{MAIL_KIND_TRIGGERS[kind]}</p>
                {template && (
                  <p className="fr-text--sm fr-mb-1w">
                    Objet : {template.subject}{' '}
                    <span
                      className={`fr-badge fr-badge--sm fr-badge--no-icon${template.isDefault ? '' : ' fr-badge--info'}`}
                    >
                      {template.isDefault
                        ? 'Texte par défaut'
                        : `Personnalisé le ${formatDateTime(template.updatedAt)}`}
                    </span>
                  </p>
                )}
                {template?.unknownTags && template.unknownTags.length > 0 && (
                  <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-1w">
                    <p>
                      Balises qui ne correspondent plus à aucun champ :{' '}
                      {template.unknownTags.map((tag) => `--${tag}--`).join(', ')}. Corrigez cet
                      e-mail : la démarche ne pourra pas être publiée tant qu’il les contient.
                    </p>
                  </div>
                )}
                <Link
                  className="fr-link fr-icon-edit-line fr-link--icon-left"
                  to={`${base}/${kind}`}
                >
                  Modifier l’e-mail « {MAIL_KIND_LABELS[kind]} »
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
