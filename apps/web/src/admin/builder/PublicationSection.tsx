import type { ProcedureView } from '@tps/contracts';
import { NON_FILLABLE_FIELD_TYPES } from '@tps/contracts/procedures/field-type';
import { useState } from 'react';
import { Link } from 'react-router';

import { api } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { Modal } from '../../components/Modal';
import { usePageTitle } from '../../layout/usePageTitle';
import { ProcedureStateBadge } from '../ProcedureStateBadge';
import type { BuilderSectionProps } from './builder-section';
import { PublicationErrorAlert } from './PublicationErrorAlert';
import { PublicLink } from './PublicLink';
import { hasUnpublishedFormChanges } from './revision-changes';

/** Publishes the draft form, publishes later changes, or closes the procedure. */
export function PublicationSection({ procedure, onProcedureChange }: BuilderSectionProps) {
  usePageTitle(`Publication – ${procedure.title}`);
  const [error, setError] = useState<{ action: 'publish' | 'close'; cause: unknown } | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const base = `/admin/procedures/${procedure.id}`;
  const fillable = procedure.draftRevision.fields.filter(
    (field) => !NON_FILLABLE_FIELD_TYPES.has(field.type),
  );
  const changed = hasUnpublishedFormChanges(procedure);

  async function run(action: 'publish' | 'close', done: (updated: ProcedureView) => string) {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      const updated = await api<ProcedureView>('POST', `${base}/${action}`);
      onProcedureChange(updated);
      setStatus(done(updated));
    } catch (caught) {
      setError({ action, cause: caught });
    } finally {
      setBusy(false);
      setConfirmingClose(false);
    }
  }

  const publish = () =>
    void run('publish', (updated) =>
      procedure.state === 'brouillon'
        ? `Démarche publiée le ${formatDateTime(updated.publishedAt)}.`
        : procedure.state === 'close'
          ? 'Démarche rouverte : elle accepte de nouveau des dossiers.'
          : 'Modifications publiées : les nouveaux dossiers utilisent le nouveau formulaire.',
    );

  return (
    <>
      <h2>Publication</h2>
      <p>
        État : <ProcedureStateBadge state={procedure.state} />
        {procedure.publishedAt && <> · publiée le {formatDateTime(procedure.publishedAt)}</>}
        {procedure.closedAt && <> · close le {formatDateTime(procedure.closedAt)}</>}
        {procedure.publishedRevision && (
          <> · version {procedure.publishedRevision.number} du formulaire</>
        )}
      </p>
      <PublicLink procedure={procedure} />
      {error && (
        <PublicationErrorAlert
          error={error.cause}
          procedureId={procedure.id}
          title={
            error.action === 'publish'
              ? 'La démarche n’a pas été publiée'
              : 'La démarche n’a pas été close'
          }
        />
      )}
      <p className="fr-text--sm tps-save-status" role="status" aria-live="polite">
        {status}
      </p>
      {procedure.state === 'brouillon' && (
        <>
          <h3>Publier la démarche</h3>
          <p>
            Une fois publiée, la démarche est ouverte aux usagers. Vous pourrez encore modifier le
            formulaire : les changements seront visibles à la publication suivante.
          </p>
          <ul>
            <li>
              {fillable.length > 0
                ? `Le formulaire contient ${fillable.length} champ${fillable.length > 1 ? 's' : ''} à remplir.`
                : 'Le formulaire ne contient encore aucun champ à remplir : ajoutez-en au moins un.'}{' '}
              <Link to={`${base}/champs`}>Modifier le formulaire</Link>
            </li>
            <li>
              <Link to={`${base}/instructeurs`}>Vérifier les instructeurs</Link> qui recevront les
              dossiers.
            </li>
          </ul>
          <button type="button" className="fr-btn" disabled={busy} onClick={publish}>
            Publier la démarche
          </button>
        </>
      )}
      {procedure.state === 'publiee' && (
        <>
          <h3>Modifications du formulaire</h3>
          {changed ? (
            <>
              <p>
                Le brouillon du formulaire a des modifications qui ne sont pas encore publiées. Les
                dossiers déjà commencés gardent la version avec laquelle ils ont été créés.
              </p>
              <button type="button" className="fr-btn" disabled={busy} onClick={publish}>
                Publier les modifications
              </button>
            </>
          ) : (
            <p>Le formulaire publié est à jour : aucune modification en attente.</p>
          )}
          <h3 className="fr-mt-4w">Clore la démarche</h3>
          <p>
            Une démarche close n’accepte plus de nouveau dossier ; les dossiers déjà déposés
            continuent d’être instruits. Vous pourrez la rouvrir en la publiant de nouveau.
          </p>
          <button
            type="button"
            className="fr-btn fr-btn--secondary"
            disabled={busy}
            onClick={() => setConfirmingClose(true)}
          >
            Clore la démarche
          </button>
        </>
      )}
      {procedure.state === 'close' && (
        <>
          <h3>Rouvrir la démarche</h3>
          <p>
            La démarche n’accepte plus de nouveau dossier. La publier de nouveau la rouvre, avec le
            brouillon actuel du formulaire{changed ? ', qui a des modifications non publiées' : ''}.
          </p>
          <button type="button" className="fr-btn" disabled={busy} onClick={publish}>
            Publier de nouveau la démarche
          </button>
        </>
      )}
      <Modal
        title="Clore la démarche ?"
        open={confirmingClose}
        onClose={() => setConfirmingClose(false)}
        footer={
          <ul className="fr-btns-group fr-btns-group--right fr-btns-group--inline-reverse fr-btns-group--inline-lg">
            <li>
              <button
                type="button"
                className="fr-btn"
                disabled={busy}
                onClick={() =>
                  void run(
                    'close',
                    (updated) => `Démarche close le ${formatDateTime(updated.closedAt)}.`,
                  )
                }
              >
                Confirmer la clôture
              </button>
            </li>
            <li>
              <button
                type="button"
                className="fr-btn fr-btn--secondary"
                onClick={() => setConfirmingClose(false)}
              >
                Annuler
              </button>
            </li>
          </ul>
        }
      >
        <p>
          Les usagers ne pourront plus déposer de dossier sur « {procedure.title} ». Les dossiers
          déjà déposés restent à instruire.
        </p>
      </Modal>
    </>
  );
}
