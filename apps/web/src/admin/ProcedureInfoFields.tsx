import { type FieldErrors, looksLikeEmail, SLUG_PATTERN } from './form-errors';
import { InputGroup } from './InputGroup';

/** The editable text of a procedure, as typed in the form. */
export interface ProcedureInfoValues {
  title: string;
  path: string;
  organisation: string;
  description: string;
  contactEmail: string;
}

/** Property names of CreateProcedureDto and UpdateProcedureDto that have an input here. */
export const PROCEDURE_INFO_FIELDS = [
  'title',
  'path',
  'organisation',
  'description',
  'contactEmail',
];

export const EMPTY_PROCEDURE_INFO: ProcedureInfoValues = {
  title: '',
  path: '',
  organisation: '',
  description: '',
  contactEmail: '',
};

/** Checks the rules of CreateProcedureDto and UpdateProcedureDto before sending. */
export function checkProcedureInfo(values: ProcedureInfoValues): FieldErrors {
  const errors: FieldErrors = {};
  if (values.title.trim().length < 3) {
    errors.title = 'Saisissez un titre d’au moins 3 caractères.';
  }
  if (values.path !== '' && !SLUG_PATTERN.test(values.path)) {
    errors.path =
      'L’adresse ne doit contenir que des lettres minuscules sans accent, des chiffres et des tirets.';
  }
  if (values.organisation.trim().length < 2) {
    errors.organisation = 'Saisissez le nom de l’organisme, d’au moins 2 caractères.';
  }
  if (!looksLikeEmail(values.contactEmail.trim())) {
    errors.contactEmail =
      'Saisissez une adresse électronique valide, par exemple contact@service.gouv.fr.';
  }

  return errors;
}

interface ProcedureInfoFieldsProps {
  idPrefix: string;
  values: ProcedureInfoValues;
  errors: FieldErrors;
  onChange: (values: ProcedureInfoValues) => void;
  /** Hint under the path input, which differs between creation and edition. */
  pathHint: string;
}

/** Inputs shared by the creation form and the « Informations » tab. */
export function ProcedureInfoFields({
  idPrefix,
  values,
  errors,
  onChange,
  pathHint,
}: ProcedureInfoFieldsProps) {
  const set = (key: keyof ProcedureInfoValues) => (value: string) =>
    onChange({ ...values, [key]: value });

  return (
    <>
      <div className="fr-fieldset__element">
        <InputGroup
          id={`${idPrefix}-titre`}
          label="Titre de la démarche"
          hint="Tel que les usagers le liront, par exemple « Inscription au registre des transporteurs routiers »."
          value={values.title}
          onChange={set('title')}
          error={errors.title}
          maxLength={200}
          required
        />
      </div>
      <div className="fr-fieldset__element">
        <InputGroup
          id={`${idPrefix}-adresse`}
          label="Adresse de la démarche"
          hint={pathHint}
          value={values.path}
          onChange={set('path')}
          error={errors.path}
          maxLength={100}
        />
      </div>
      <div className="fr-fieldset__element">
        <InputGroup
          id={`${idPrefix}-organisme`}
          label="Organisme responsable"
          hint="Le service qui gère la démarche, par exemple « Préfecture du Rhône – Mission politique de la ville »."
          value={values.organisation}
          onChange={set('organisation')}
          error={errors.organisation}
          maxLength={200}
          required
        />
      </div>
      <div className="fr-fieldset__element">
        <InputGroup
          id={`${idPrefix}-description`}
          label="Description"
          hint="Facultative. Présente la démarche aux usagers sur sa page d’accueil : à qui elle s’adresse, ce qu’il faut préparer."
          value={values.description}
          onChange={set('description')}
          error={errors.description}
          rows={6}
          maxLength={20000}
        />
      </div>
      <div className="fr-fieldset__element">
        <InputGroup
          id={`${idPrefix}-contact`}
          label="Adresse électronique de contact"
          hint="Les usagers peuvent écrire à cette adresse. Format attendu : nom@domaine.fr"
          type="email"
          autoComplete="email"
          value={values.contactEmail}
          onChange={set('contactEmail')}
          error={errors.contactEmail}
          required
        />
      </div>
    </>
  );
}
