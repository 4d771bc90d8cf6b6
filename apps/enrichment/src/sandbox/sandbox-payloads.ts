import type {
  ApiAddress,
  ApiEnvelope,
  ApiErrorBody,
  ApiEtablissement,
  ApiExtraitKbis,
  ApiHeadcountBand,
  ApiUniteLegale,
} from '../api-entreprise/api-entreprise.types';
import { parisMidnightEpoch } from './sandbox-dates';
import type { SandboxEstablishment, SandboxLegalUnit } from './sandbox-entities';

const PUBLIC_BASE_URL = 'https://entreprise.api.gouv.fr';

/** INSEE headcount bands: code → label, lower and upper bound. */
const HEADCOUNT_BANDS: Record<string, [string, number | null, number | null]> = {
  NN: ['Unités non employeuses', null, null],
  '00': ['0 salarié', 0, 0],
  '01': ['1 ou 2 salariés', 1, 2],
  '02': ['3 à 5 salariés', 3, 5],
  '03': ['6 à 9 salariés', 6, 9],
  '11': ['10 à 19 salariés', 10, 19],
  '12': ['20 à 49 salariés', 20, 49],
  '21': ['50 à 99 salariés', 50, 99],
  '22': ['100 à 199 salariés', 100, 199],
  '31': ['200 à 249 salariés', 200, 249],
  '32': ['250 à 499 salariés', 250, 499],
  '41': ['500 à 999 salariés', 500, 999],
  '42': ['1 000 à 1 999 salariés', 1000, 1999],
  '51': ['2 000 à 4 999 salariés', 2000, 4999],
  '52': ['5 000 à 9 999 salariés', 5000, 9999],
  '53': ['10 000 salariés et plus', 10000, null],
};

function headcountBand(code: string | null): ApiHeadcountBand {
  const band = code ? HEADCOUNT_BANDS[code] : undefined;
  if (!code || !band) {
    return { code: null, intitule: null, date_reference: null, de: null, a: null };
  }

  return { code, intitule: band[0], date_reference: '2023', de: band[1], a: band[2] };
}

function epochOrNull(isoDate: string | undefined): number | null {
  return isoDate ? parisMidnightEpoch(isoDate) : null;
}

function displayName(unit: SandboxLegalUnit): string {
  if (unit.person) {
    return `${unit.person.usageName ?? unit.person.lastName} ${unit.person.firstName}`;
  }

  return unit.legalName ?? '';
}

function buildUnit(unit: SandboxLegalUnit): Omit<ApiUniteLegale, 'date_cessation'> {
  const person = unit.person;

  return {
    siren: unit.siren,
    rna: unit.rna ?? null,
    siret_siege_social: unit.headOfficeSiret,
    type: unit.type,
    personne_morale_attributs: {
      raison_sociale: unit.legalName ?? null,
      sigle: unit.acronym ?? null,
    },
    personne_physique_attributs: {
      pseudonyme: null,
      prenom_usuel: person?.firstName ?? null,
      prenom_1: person?.firstName ?? null,
      prenom_2: null,
      prenom_3: null,
      prenom_4: null,
      nom_usage: person?.usageName ?? null,
      nom_naissance: person?.lastName ?? null,
      sexe: person?.sex ?? null,
    },
    categorie_entreprise: unit.category,
    status_diffusion: unit.diffusion,
    diffusable_commercialement: unit.diffusion === 'diffusible',
    forme_juridique: { code: unit.legalForm.code, libelle: unit.legalForm.label },
    activite_principale: { code: unit.naf.code, libelle: unit.naf.label, nomenclature: 'NAFRev2' },
    tranche_effectif_salarie: headcountBand(unit.headcountCode),
    etat_administratif: unit.state,
    economie_sociale_et_solidaire: unit.socialEconomy,
    date_creation: epochOrNull(unit.createdOn),
  };
}

function buildAddress(establishment: SandboxEstablishment, unit: SandboxLegalUnit): ApiAddress {
  const address = establishment.address;
  const streetLine = [address.number, address.streetType, address.street].filter(Boolean).join(' ');
  const foreign = address.foreignCountry !== undefined;
  const cityLine = foreign
    ? (address.foreignCity ?? '')
    : [address.postalCode, address.city].filter(Boolean).join(' ');

  return {
    numero_voie: address.number ?? null,
    indice_repetition_voie: null,
    type_voie: address.streetType ?? null,
    libelle_voie: address.street ?? null,
    complement_adresse: address.complement ?? null,
    code_commune: address.municipalityCode ?? null,
    code_postal: address.postalCode ?? null,
    distribution_speciale: null,
    code_cedex: null,
    libelle_cedex: null,
    libelle_commune: address.city ?? null,
    libelle_commune_etranger: address.foreignCity ?? null,
    code_pays_etranger: address.foreignCountryCode ?? null,
    libelle_pays_etranger: address.foreignCountry ?? null,
    status_diffusion: unit.diffusion,
    acheminement_postal: {
      l1: displayName(unit),
      l2: establishment.sign ?? '',
      l3: address.complement ?? '',
      l4: streetLine,
      l5: '',
      l6: cityLine,
      l7: foreign ? (address.foreignCountry ?? '') : 'FRANCE',
    },
  };
}

/** Builds the 200 response of `/v3/insee/sirene/etablissements/{siret}`. */
export function buildEtablissementPayload(
  establishment: SandboxEstablishment,
  unit: SandboxLegalUnit,
): ApiEnvelope<ApiEtablissement> {
  return {
    data: {
      siret: establishment.siret,
      siege_social: establishment.headOffice,
      etat_administratif: establishment.state,
      date_fermeture: epochOrNull(establishment.closedOn),
      activite_principale: {
        code: establishment.naf.code,
        libelle: establishment.naf.label,
        nomenclature: 'NAFRev2',
      },
      tranche_effectif_salarie: headcountBand(establishment.headcountCode),
      status_diffusion: unit.diffusion,
      diffusable_commercialement: unit.diffusion === 'diffusible',
      enseigne: establishment.sign ?? null,
      unite_legale: buildUnit(unit),
      adresse: buildAddress(establishment, unit),
      date_creation: epochOrNull(establishment.createdOn),
    },
    links: { unite_legale: `${PUBLIC_BASE_URL}/v3/insee/sirene/unites_legales/${unit.siren}` },
    meta: { date_derniere_mise_a_jour: 1701039600, redirect_from_siret: null },
  };
}

/** Builds the 200 response of `/v3/insee/sirene/unites_legales/{siren}`. */
export function buildUniteLegalePayload(unit: SandboxLegalUnit): ApiEnvelope<ApiUniteLegale> {
  const siegeUrl = `${PUBLIC_BASE_URL}/v3/insee/sirene/etablissements/${unit.headOfficeSiret}`;

  return {
    data: { ...buildUnit(unit), date_cessation: epochOrNull(unit.ceasedOn) },
    links: { siege_social: siegeUrl, siege_social_adresse: `${siegeUrl}/adresse` },
    meta: { date_derniere_mise_a_jour: 1673478000, redirect_from_siren: null },
  };
}

/** Builds the 200 response of `/v3/infogreffe/rcs/unites_legales/{siren}/extrait_kbis`. */
export function buildExtraitKbisPayload(
  unit: SandboxLegalUnit,
  rcs: NonNullable<SandboxLegalUnit['rcs']>,
): ApiEnvelope<ApiExtraitKbis> {
  return {
    data: {
      siren: unit.siren,
      date_radiation: null,
      date_extrait: new Date().toISOString().slice(0, 10),
      date_immatriculation: rcs.registeredOn,
      mandataires_sociaux: [],
      observations: [],
      nom_commercial: rcs.tradeName,
      etablissement_principal: {
        activite: unit.naf.label,
        origine_fonds: 'Création',
        mode_exploitation: 'Exploitation directe',
        code_ape: unit.naf.code.replace('.', ''),
      },
      capital: { montant: rcs.capital, devise: 'EUROS', code_devise: 'EUR' },
      greffe: { valeur: rcs.greffe, code: '7501' },
      personne_physique: null,
      personne_morale: {
        forme_juridique: { valeur: unit.legalForm.label, code: unit.legalForm.code },
        denomination: unit.legalName ?? '',
        date_cloture_exercice_comptable: '12-31',
        date_fin_de_vie: null,
      },
    },
    links: {},
    meta: {},
  };
}

/** Builds an error body in the API Entreprise format. */
export function buildErrorBody(
  code: string,
  title: string,
  detail: string,
  options: { parameter?: string; provider?: string; retryIn?: number } = {},
): ApiErrorBody {
  const meta: Record<string, unknown> = {};
  if (options.provider) {
    meta.provider = options.provider;
  }
  if (options.retryIn !== undefined) {
    meta.retry_in = options.retryIn;
  }

  return {
    errors: [
      {
        code,
        title,
        detail,
        source: options.parameter ? { parameter: options.parameter } : null,
        meta: meta as ApiErrorBody['errors'][number]['meta'],
      },
    ],
  };
}
