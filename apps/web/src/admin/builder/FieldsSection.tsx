import type { FieldDefinition, RevisionView } from '@tps/contracts';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';

import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Modal } from '../../components/Modal';
import { usePageTitle } from '../../layout/usePageTitle';
import { type FieldErrors, fieldErrorsOf, focusFirstError } from '../form-errors';
import type { BuilderSectionProps } from './builder-section';
import { FormErrorAlert } from '../FormErrorAlert';
import {
  checkField,
  EMPTY_FIELD,
  FIELD_FORM_INPUTS,
  type FieldFormValues,
  toCreateDto,
} from './field-draft';
import { FieldForm } from './FieldForm';
import { FieldItem, type FieldItemAction } from './FieldItem';

/** Lists the fields of the draft form in order, with the form that appends one. */
export function FieldsSection({ procedure, onProcedureChange, refresh }: BuilderSectionProps) {
  usePageTitle(`Formulaire – ${procedure.title}`);
  const location = useLocation();
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;
  const fields = [...procedure.draftRevision.fields].sort((a, b) => a.position - b.position);
  const [announcement, setAnnouncement] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<FieldDefinition | null>(null);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const controls = useRef(new Map<string, HTMLElement>());
  const moving = useRef(false);
  const base = `/admin/procedures/${procedure.id}/fields`;

  const pendingFocus = useRef<{ stableId: string; actions: FieldItemAction[] } | null>(null);

  // Moving a list item re-inserts its DOM node, which drops focus: put it back once rendered.
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) {
      return;
    }
    pendingFocus.current = null;
    for (const action of pending.actions) {
      const element = controls.current.get(`${pending.stableId}:${action}`);
      if (element && !element.hasAttribute('disabled')) {
        element.focus();
        return;
      }
    }
  });

  function focusControl(stableId: string, ...actions: FieldItemAction[]) {
    pendingFocus.current = { stableId, actions };
  }

  function replaceRevision(revision: RevisionView) {
    onProcedureChange({ ...procedure, draftRevision: revision });
  }

  async function move(field: FieldDefinition, index: number, direction: 'up' | 'down') {
    if (moving.current) {
      return;
    }
    moving.current = true;
    setActionError(undefined);
    const position = direction === 'up' ? index - 1 : index + 1;
    try {
      const revision = await api<RevisionView>('POST', `${base}/${field.stableId}/move`, {
        position,
      });
      replaceRevision(revision);
      setAnnouncement(
        `Champ « ${field.label} » déplacé en position ${position + 1} sur ${fields.length}.`,
      );
      focusControl(field.stableId, direction, direction === 'up' ? 'down' : 'up');
    } catch (caught) {
      setActionError(caught);
    } finally {
      moving.current = false;
    }
  }

  async function confirmDelete() {
    if (!deleting) {
      return;
    }
    const field = deleting;
    setActionError(undefined);
    try {
      await api<void>('DELETE', `${base}/${field.stableId}`);
      setDeleting(null);
      await refresh();
      setAnnouncement(`Champ « ${field.label} » supprimé.`);
      requestAnimationFrame(() => document.getElementById('champs-titre')?.focus());
    } catch (caught) {
      setDeleting(null);
      setActionError(caught);
    }
  }

  function onSaved(saved: FieldDefinition) {
    replaceRevision({
      ...procedure.draftRevision,
      fields: procedure.draftRevision.fields.map((field) =>
        field.stableId === saved.stableId ? saved : field,
      ),
    });
    setEditing(null);
    setAnnouncement(`Champ « ${saved.label} » enregistré.`);
    focusControl(saved.stableId, 'edit');
  }

  return (
    <>
      <h2 id="champs-titre" tabIndex={-1}>
        Formulaire
      </h2>
      {justCreated && fields.length === 0 && (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w">
          <p>La démarche est créée. Ajoutez maintenant les champs de son formulaire.</p>
        </div>
      )}
      <p>
        Les champs que l’usager remplit, dans l’ordre où il les voit. Vos changements portent sur un
        brouillon du formulaire : les usagers les verront à la prochaine publication.
      </p>
      {actionError !== undefined && (
        <ErrorAlert error={actionError} title="L’action n’a pas abouti" />
      )}
      <p className="fr-text--sm tps-save-status" role="status" aria-live="polite">
        {announcement}
      </p>
      {fields.length === 0 ? (
        <p className="fr-text--bold">Le formulaire ne contient encore aucun champ.</p>
      ) : (
        <ol className="fr-raw-list" aria-label={`Champs du formulaire (${fields.length})`}>
          {fields.map((field, index) => (
            <FieldItem
              key={field.stableId}
              procedureId={procedure.id}
              field={field}
              index={index}
              count={fields.length}
              editing={editing === field.stableId}
              registerControl={(action, element) => {
                const key = `${field.stableId}:${action}`;
                if (element) {
                  controls.current.set(key, element);
                } else {
                  controls.current.delete(key);
                }
              }}
              onEdit={() => setEditing(field.stableId)}
              onCancelEdit={() => {
                setEditing(null);
                focusControl(field.stableId, 'edit');
              }}
              onSaved={onSaved}
              onMove={(direction) => void move(field, index, direction)}
              onDelete={() => setDeleting(field)}
            />
          ))}
        </ol>
      )}
      <AddFieldForm
        procedureId={procedure.id}
        onAdded={async (field) => {
          await refresh();
          setAnnouncement(
            `Champ « ${field.label} » ajouté en position ${field.position + 1} sur ${fields.length + 1}.`,
          );
        }}
      />
      <Modal
        title="Supprimer ce champ ?"
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        footer={
          <ul className="fr-btns-group fr-btns-group--right fr-btns-group--inline-reverse fr-btns-group--inline-lg">
            <li>
              <button type="button" className="fr-btn" onClick={() => void confirmDelete()}>
                Supprimer le champ
              </button>
            </li>
            <li>
              <button
                type="button"
                className="fr-btn fr-btn--secondary"
                onClick={() => setDeleting(null)}
              >
                Annuler
              </button>
            </li>
          </ul>
        }
      >
        <p>
          Le champ « {deleting?.label} » sera retiré du brouillon du formulaire. Les dossiers déjà
          déposés gardent la version publiée, avec leurs réponses.
        </p>
      </Modal>
    </>
  );
}

function AddFieldForm({
  procedureId,
  onAdded,
}: {
  procedureId: string;
  onAdded: (field: FieldDefinition) => Promise<void>;
}) {
  const [values, setValues] = useState<FieldFormValues>(EMPTY_FIELD);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const typeSelect = useRef<HTMLSelectElement>(null);

  async function onSubmit() {
    setError(undefined);
    const checked = checkField(values);
    setErrors(checked);
    if (Object.keys(checked).length > 0) {
      focusFirstError();
      return;
    }
    setBusy(true);
    try {
      const field = await api<FieldDefinition>(
        'POST',
        `/admin/procedures/${procedureId}/fields`,
        toCreateDto(values),
      );
      setValues(EMPTY_FIELD);
      await onAdded(field);
      typeSelect.current?.focus();
    } catch (caught) {
      setError(caught);
      setErrors(fieldErrorsOf(caught));
      focusFirstError();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="fr-mt-5w fr-p-3w tps-preview" aria-labelledby="ajout-champ-titre">
      <h3 id="ajout-champ-titre">Ajouter un champ</h3>
      {error !== undefined && (
        <FormErrorAlert
          error={error}
          title="Le champ n’a pas été ajouté"
          inlineFields={FIELD_FORM_INPUTS}
        />
      )}
      <FieldForm
        idPrefix="nouveau-champ"
        values={values}
        errors={errors}
        onChange={setValues}
        onSubmit={() => void onSubmit()}
        typeEditable
        submitLabel="Ajouter le champ"
        busy={busy}
        typeSelectRef={typeSelect}
      />
    </section>
  );
}
