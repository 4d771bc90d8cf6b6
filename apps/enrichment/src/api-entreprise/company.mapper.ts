import type { Company } from '@tps/contracts';

import type {
  ApiEtablissement,
  ApiExtraitKbis,
  ApiNaturalPersonAttributes,
  ApiUniteLegale,
} from './api-entreprise.types';

const PARIS_CALENDAR_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * Converts an API Entreprise timestamp (seconds, negative before 1970) to an ISO calendar date.
 * INSEE dates are midnight in Europe/Paris, so the date is read in that time zone.
 */
export function epochSecondsToIsoDate(seconds: number | null | undefined): string | null {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) {
    return null;
  }

  return PARIS_CALENDAR_DATE.format(new Date(seconds * 1000));
}

/** Builds "NOM Prénom" for an individual, with "USAGE (NAISSANCE)" when the two names differ. */
function naturalPersonName(person: ApiNaturalPersonAttributes): string | null {
  const usage = person.nom_usage?.trim() || null;
  const birth = person.nom_naissance?.trim() || null;
  let lastName = usage ?? birth;
  if (usage && birth && usage !== birth) {
    lastName = `${usage} (${birth})`;
  }
  const firstName = person.prenom_usuel?.trim() || person.prenom_1?.trim() || null;
  const parts = [lastName, firstName].filter((part): part is string => Boolean(part));

  return parts.length > 0 ? parts.join(' ') : null;
}

function companyName(
  unit: Pick<ApiUniteLegale, 'type' | 'personne_morale_attributs' | 'personne_physique_attributs'>,
): string | null {
  if (unit.type === 'personne_physique') {
    return naturalPersonName(unit.personne_physique_attributs);
  }

  return unit.personne_morale_attributs.raison_sociale?.trim() || null;
}

function codeAndLabel(
  code: string | null | undefined,
  label: string | null | undefined,
): { code: string; label: string } | null {
  return code ? { code, label: label ?? '' } : null;
}

/** Keeps text values and drops the `[ND]` placeholder of protected fields. */
function publicText(value: string | null | undefined): string | null {
  const trimmed = value?.trim();

  return trimmed && trimmed !== '[ND]' ? trimmed : null;
}

/**
 * Maps the établissement, unité légale and (optional) RCS extract responses of API Entreprise v3
 * to a Company. The unité légale is optional because the établissement embeds all of it except
 * `date_cessation`.
 */
export function mapCompany(
  etablissement: ApiEtablissement,
  uniteLegale: ApiUniteLegale | null,
  extraitKbis: ApiExtraitKbis | null,
  fetchedAt: Date,
): Company {
  const unit = uniteLegale ?? etablissement.unite_legale;
  const address = etablissement.adresse;
  const routing = address.acheminement_postal;
  const addressLines = [
    routing.l1,
    routing.l2,
    routing.l3,
    routing.l4,
    routing.l5,
    routing.l6,
    routing.l7,
  ]
    .map(publicText)
    .filter((line): line is string => line !== null);
  const foreign = Boolean(address.libelle_pays_etranger);
  const activity = etablissement.activite_principale.code
    ? etablissement.activite_principale
    : unit.activite_principale;
  const headcount = etablissement.tranche_effectif_salarie.code
    ? etablissement.tranche_effectif_salarie
    : unit.tranche_effectif_salarie;

  return {
    siret: etablissement.siret,
    siren: unit.siren,
    name: companyName(unit),
    tradeName: publicText(extraitKbis?.nom_commercial) ?? publicText(etablissement.enseigne),
    nafCode: activity.code ?? null,
    nafLabel: activity.libelle ?? null,
    headcountBand: codeAndLabel(headcount.code, headcount.intitule),
    legalForm: codeAndLabel(unit.forme_juridique.code, unit.forme_juridique.libelle),
    addressLines,
    postalCode: publicText(address.code_postal),
    city: foreign
      ? publicText(address.libelle_commune_etranger)
      : publicText(address.libelle_commune),
    creationDate: epochSecondsToIsoDate(unit.date_creation),
    active: etablissement.etat_administratif === 'A' && unit.etat_administratif !== 'C',
    closedOn:
      epochSecondsToIsoDate(etablissement.date_fermeture) ??
      epochSecondsToIsoDate(uniteLegale?.date_cessation),
    headOffice: etablissement.siege_social,
    diffusible: etablissement.diffusable_commercialement && unit.diffusable_commercialement,
    capital: extraitKbis?.capital?.montant ?? null,
    fetchedAt: fetchedAt.toISOString(),
  };
}
