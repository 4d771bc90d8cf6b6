import type { InstructorView } from '@tps/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';

import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Modal } from '../../components/Modal';
import { useResource } from '../../components/useResource';
import { usePageTitle } from '../../layout/usePageTitle';
import { type FieldErrors, fieldErrorsOf, focusFirstError, looksLikeEmail } from '../form-errors';
import { FormErrorAlert } from '../FormErrorAlert';
import { InputGroup } from '../InputGroup';
import type { BuilderSectionProps } from './builder-section';

/** Lists, adds and removes the accounts that process the procedure's dossiers. */
export function InstructorsSection({ procedure }: BuilderSectionProps) {
  usePageTitle(`Instructeurs – ${procedure.title}`);
  const path = `/admin/procedures/${procedure.id}/instructors`;
  const instructors = useResource(() => api<InstructorView[]>('GET', path), procedure.id);
  const { setData } = instructors;
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(undefined);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<InstructorView | null>(null);

  async function onAdd(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setStatus('');
    const address = email.trim();
    if (!looksLikeEmail(address)) {
      setErrors({
        email: 'Saisissez une adresse électronique valide, par exemple prenom.nom@service.gouv.fr.',
      });
      focusFirstError();
      return;
    }
    setErrors({});
    setBusy(true);
    // Adding is idempotent on the server, so the list shows whether the person was already there.
    const wasListed = (instructors.data ?? []).some(
      (one) => one.email.toLowerCase() === address.toLowerCase(),
    );
    try {
      const added = await api<InstructorView>('POST', path, { email: address });
      setEmail('');
      setStatus(
        wasListed
          ? `${added.email} est déjà instructeur de la démarche.`
          : `${added.email} est maintenant instructeur de la démarche.`,
      );
      setData([...(instructors.data ?? []).filter((one) => one.email !== added.email), added]);
    } catch (caught) {
      setError(caught);
      setErrors(fieldErrorsOf(caught));
      focusFirstError();
    } finally {
      setBusy(false);
    }
  }

  async function confirmRemove() {
    if (!removing) {
      return;
    }
    const removed = removing;
    setError(undefined);
    try {
      await api<void>('DELETE', `${path}/${encodeURIComponent(removed.email)}`);
      setRemoving(null);
      setStatus(`${removed.email} n’est plus instructeur de la démarche.`);
      setData((instructors.data ?? []).filter((one) => one.email !== removed.email));
      requestAnimationFrame(() => document.getElementById('instructeurs-email')?.focus());
    } catch (caught) {
      setRemoving(null);
      setError(caught);
    }
  }

  const list = instructors.data ?? [];
  return (
    <>
      <h2>Instructeurs</h2>
      <p>
        Les instructeurs reçoivent les dossiers déposés, les passent en instruction et rendent la
        décision. Ils se connectent avec l’adresse indiquée ici ; ceux qui n’ont pas encore de
        compte le créent avec cette adresse.
      </p>
      {instructors.error !== undefined && (
        <ErrorAlert error={instructors.error} title="Impossible d’afficher les instructeurs" />
      )}
      {error !== undefined && (
        <FormErrorAlert error={error} title="L’action n’a pas abouti" inlineFields={['email']} />
      )}
      <p className="fr-text--sm tps-save-status" role="status" aria-live="polite">
        {status}
      </p>
      {instructors.data === undefined && instructors.loading && <Loading />}
      {instructors.data && list.length === 0 && (
        <p className="fr-text--bold">
          Aucun instructeur : personne ne pourra traiter les dossiers déposés.
        </p>
      )}
      {list.length > 0 && (
        <div className="fr-table fr-table--no-caption">
          <div className="fr-table__wrapper">
            <div className="fr-table__container">
              <div className="fr-table__content">
                <table>
                  <caption>Instructeurs de la démarche</caption>
                  <thead>
                    <tr>
                      <th scope="col">Adresse électronique</th>
                      <th scope="col">Ajouté le</th>
                      <th scope="col">Ajouté par</th>
                      <th scope="col">Action</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((instructor) => (
                      <tr key={instructor.email}>
                        <th scope="row">{instructor.email}</th>
                        <td>{formatDateTime(instructor.addedAt)}</td>
                        <td>{instructor.addedBy}</td>
                        <td>
                          <button
                            type="button"
                            className="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left"
                            onClick={() => setRemoving(instructor)}
                          >
                            Retirer<span className="fr-sr-only"> {instructor.email}</span>
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}
      <form className="fr-mt-4w" onSubmit={(event) => void onAdd(event)} noValidate>
        <h3>Ajouter un instructeur</h3>
        <InputGroup
          id="instructeurs-email"
          label="Adresse électronique de l’instructeur"
          hint="Format attendu : nom@domaine.fr"
          type="email"
          autoComplete="off"
          value={email}
          onChange={setEmail}
          error={errors.email}
          required
        />
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
          <li>
            <button
              type="submit"
              className="fr-btn fr-icon-add-line fr-btn--icon-left"
              disabled={busy}
            >
              Ajouter l’instructeur
            </button>
          </li>
        </ul>
      </form>
      <Modal
        title="Retirer cet instructeur ?"
        open={removing !== null}
        onClose={() => setRemoving(null)}
        footer={
          <ul className="fr-btns-group fr-btns-group--right fr-btns-group--inline-reverse fr-btns-group--inline-lg">
            <li>
              <button type="button" className="fr-btn" onClick={() => void confirmRemove()}>
                Retirer l’instructeur
              </button>
            </li>
            <li>
              <button
                type="button"
                className="fr-btn fr-btn--secondary"
                onClick={() => setRemoving(null)}
              >
                Annuler
              </button>
            </li>
          </ul>
        }
      >
        <p>
          {removing?.email} ne verra plus les dossiers de cette démarche et ne pourra plus les
          instruire.
        </p>
      </Modal>
    </>
  );
}
