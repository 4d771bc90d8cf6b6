import type { CreateProcedureDto, ProcedureView } from '@tps/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';

import { api } from '../api/client';
import { usePageTitle } from '../layout/usePageTitle';
import { Breadcrumb } from './Breadcrumb';
import { FormErrorAlert } from './FormErrorAlert';
import { type FieldErrors, fieldErrorsOf, focusFirstError } from './form-errors';
import {
  checkProcedureInfo,
  EMPTY_PROCEDURE_INFO,
  PROCEDURE_INFO_FIELDS,
  ProcedureInfoFields,
  type ProcedureInfoValues,
} from './ProcedureInfoFields';

/** Creates a draft procedure, then opens its form builder. */
export function NewProcedurePage() {
  usePageTitle('Créer une démarche');
  const navigate = useNavigate();
  const [values, setValues] = useState<ProcedureInfoValues>(EMPTY_PROCEDURE_INFO);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = checkProcedureInfo(values);
    setErrors(checked);
    setError(undefined);
    if (Object.keys(checked).length > 0) {
      focusFirstError();
      return;
    }
    const body: CreateProcedureDto = {
      title: values.title.trim(),
      description: values.description,
      organisation: values.organisation.trim(),
      contactEmail: values.contactEmail.trim(),
    };
    if (values.path !== '') {
      body.path = values.path;
    }
    setBusy(true);
    try {
      const created = await api<ProcedureView>('POST', '/admin/procedures', body);
      void navigate(`/admin/procedures/${created.id}/champs`, { state: { created: true } });
    } catch (caught) {
      setError(caught);
      setErrors(fieldErrorsOf(caught));
      focusFirstError();
      setBusy(false);
    }
  }

  return (
    <>
      <Breadcrumb
        items={[
          { label: 'Mes démarches', to: '/admin/procedures' },
          { label: 'Créer une démarche' },
        ]}
      />
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-8">
          <h1>Créer une démarche</h1>
          <p>
            Renseignez ce que les usagers verront de la démarche. Vous composerez ensuite son
            formulaire ; rien n’est visible du public avant la publication.
          </p>
          {error !== undefined && (
            <FormErrorAlert
              error={error}
              title="La démarche n’a pas été créée"
              inlineFields={PROCEDURE_INFO_FIELDS}
            />
          )}
          <form onSubmit={(event) => void onSubmit(event)} noValidate>
            <fieldset className="fr-fieldset" aria-labelledby="nouvelle-demarche-legende">
              <legend className="fr-fieldset__legend" id="nouvelle-demarche-legende">
                La démarche
              </legend>
              <div className="fr-fieldset__element">
                <p className="fr-hint-text">
                  Sauf mention contraire, tous les champs sont obligatoires.
                </p>
              </div>
              <ProcedureInfoFields
                idPrefix="nouvelle-demarche"
                values={values}
                errors={errors}
                onChange={setValues}
                pathHint="Facultative. Lettres minuscules sans accent, chiffres et tirets, par exemple inscription-registre-transporteurs : la démarche s’ouvrira à l’adresse /commencer/inscription-registre-transporteurs. Laissée vide, elle est tirée du titre."
              />
            </fieldset>
            <ul className="fr-btns-group fr-btns-group--inline-md">
              <li>
                <button type="submit" className="fr-btn" disabled={busy}>
                  Créer la démarche
                </button>
              </li>
            </ul>
          </form>
        </div>
      </div>
    </>
  );
}
