import type { ProcedureView, UpdateProcedureDto } from '@tps/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';

import { api } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { usePageTitle } from '../../layout/usePageTitle';
import { type FieldErrors, fieldErrorsOf, focusFirstError } from '../form-errors';
import { FormErrorAlert } from '../FormErrorAlert';
import {
  checkProcedureInfo,
  PROCEDURE_INFO_FIELDS,
  ProcedureInfoFields,
  type ProcedureInfoValues,
} from '../ProcedureInfoFields';
import type { BuilderSectionProps } from './builder-section';
import { PublicLink } from './PublicLink';

function valuesOf(procedure: ProcedureView): ProcedureInfoValues {
  return {
    title: procedure.title,
    path: procedure.path,
    organisation: procedure.organisation,
    description: procedure.description,
    contactEmail: procedure.contactEmail,
  };
}

/** Title, address, organisation, description and contact of the procedure. */
export function InformationsSection({ procedure, onProcedureChange }: BuilderSectionProps) {
  usePageTitle(`Informations – ${procedure.title}`);
  const [values, setValues] = useState<ProcedureInfoValues>(() => valuesOf(procedure));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(undefined);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    setError(undefined);
    const checked = checkProcedureInfo(values);
    if (values.path === '') {
      checked.path = 'Saisissez l’adresse de la démarche.';
    }
    setErrors(checked);
    if (Object.keys(checked).length > 0) {
      focusFirstError();
      return;
    }
    const body: UpdateProcedureDto = {
      title: values.title.trim(),
      description: values.description,
      organisation: values.organisation.trim(),
      contactEmail: values.contactEmail.trim(),
    };
    if (values.path !== procedure.path) {
      body.path = values.path;
    }
    setBusy(true);
    try {
      const updated = await api<ProcedureView>('PATCH', `/admin/procedures/${procedure.id}`, body);
      onProcedureChange(updated);
      setValues(valuesOf(updated));
      setStatus(`Informations enregistrées le ${formatDateTime(updated.updatedAt)}.`);
    } catch (caught) {
      setError(caught);
      setErrors(fieldErrorsOf(caught));
      focusFirstError();
    } finally {
      setBusy(false);
    }
  }

  const published = procedure.state !== 'brouillon';
  return (
    <>
      <h2>Informations</h2>
      <PublicLink procedure={procedure} />
      {error !== undefined && (
        <FormErrorAlert
          error={error}
          title="Les informations n’ont pas été enregistrées"
          inlineFields={PROCEDURE_INFO_FIELDS}
        />
      )}
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <fieldset className="fr-fieldset" aria-labelledby="informations-legende">
          <legend className="fr-fieldset__legend" id="informations-legende">
            Présentation de la démarche
          </legend>
          <ProcedureInfoFields
            idPrefix="informations"
            values={values}
            errors={errors}
            onChange={setValues}
            pathHint={
              published
                ? 'Lettres minuscules sans accent, chiffres et tirets. Attention : la démarche est publiée, changer son adresse rend caducs les liens déjà diffusés.'
                : 'Lettres minuscules sans accent, chiffres et tirets : la démarche s’ouvrira à l’adresse /commencer/ suivie de ce texte.'
            }
          />
        </fieldset>
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" className="fr-btn" disabled={busy}>
              Enregistrer les informations
            </button>
          </li>
        </ul>
        <p className="fr-text--sm tps-save-status" role="status">
          {status}
        </p>
      </form>
      {published && (
        <p className="fr-text--sm">
          Ces informations sont visibles des usagers dès leur enregistrement, sans nouvelle
          publication.
        </p>
      )}
    </>
  );
}
