/**
 * Shapes of the API Entreprise v3 payloads this service reads, with the field names of the
 * published OpenAPI (entreprise.api.gouv.fr). Dates are Unix timestamps in seconds, negative
 * before 1970, and midnight in Europe/Paris for INSEE dates.
 */

export type DiffusionStatus = 'diffusible' | 'partiellement_diffusible' | 'non_diffusible';

export interface ApiCodeLabel {
  code: string | null;
  libelle: string | null;
}

export interface ApiActivity extends ApiCodeLabel {
  nomenclature: string | null;
}

export interface ApiHeadcountBand {
  code: string | null;
  intitule: string | null;
  date_reference: string | null;
  de: number | null;
  a: number | null;
}

export interface ApiNaturalPersonAttributes {
  pseudonyme: string | null;
  prenom_usuel: string | null;
  prenom_1: string | null;
  prenom_2: string | null;
  prenom_3: string | null;
  prenom_4: string | null;
  nom_usage: string | null;
  nom_naissance: string | null;
  sexe: 'M' | 'F' | null;
}

export interface ApiUniteLegale {
  siren: string;
  rna: string | null;
  siret_siege_social: string;
  type: 'personne_morale' | 'personne_physique';
  personne_morale_attributs: { raison_sociale: string | null; sigle: string | null };
  personne_physique_attributs: ApiNaturalPersonAttributes;
  categorie_entreprise: 'GE' | 'ETI' | 'PME' | null;
  status_diffusion: DiffusionStatus;
  diffusable_commercialement: boolean;
  forme_juridique: ApiCodeLabel;
  activite_principale: ApiActivity;
  tranche_effectif_salarie: ApiHeadcountBand;
  /** `A` active, `C` ceased. */
  etat_administratif: 'A' | 'C';
  economie_sociale_et_solidaire: boolean | null;
  date_creation: number | null;
  /** Present on the unités légales route only, not inside an établissement. */
  date_cessation?: number | null;
}

export interface ApiPostalRouting {
  l1: string | null;
  l2: string | null;
  l3: string | null;
  l4: string | null;
  l5: string | null;
  l6: string | null;
  l7: string | null;
}

export interface ApiAddress {
  numero_voie: string | null;
  indice_repetition_voie: string | null;
  type_voie: string | null;
  libelle_voie: string | null;
  complement_adresse: string | null;
  /** INSEE municipality code (COG), not the postcode. */
  code_commune: string | null;
  code_postal: string | null;
  distribution_speciale: string | null;
  code_cedex: string | null;
  libelle_cedex: string | null;
  libelle_commune: string | null;
  libelle_commune_etranger: string | null;
  code_pays_etranger: string | null;
  libelle_pays_etranger: string | null;
  status_diffusion: DiffusionStatus;
  acheminement_postal: ApiPostalRouting;
}

export interface ApiEtablissement {
  siret: string;
  siege_social: boolean;
  /** `A` open, `F` closed. */
  etat_administratif: 'A' | 'F';
  date_fermeture: number | null;
  activite_principale: ApiActivity;
  tranche_effectif_salarie: ApiHeadcountBand;
  status_diffusion: DiffusionStatus;
  diffusable_commercialement: boolean;
  enseigne: string | null;
  unite_legale: Omit<ApiUniteLegale, 'date_cessation'>;
  adresse: ApiAddress;
  date_creation: number | null;
}

export interface ApiExtraitKbis {
  siren: string;
  date_radiation: string | null;
  date_extrait: string;
  date_immatriculation: string;
  mandataires_sociaux: Array<Record<string, unknown>>;
  observations: Array<{ numero: string; libelle: string; date: string }>;
  nom_commercial: string | null;
  etablissement_principal: {
    activite: string | null;
    origine_fonds: string | null;
    mode_exploitation: string | null;
    code_ape: string | null;
  };
  capital: { montant: number; devise: string; code_devise: string } | null;
  greffe: { valeur: string; code: string };
  personne_physique: Record<string, unknown> | null;
  personne_morale: {
    forme_juridique: { valeur: string; code: string };
    denomination: string;
    date_cloture_exercice_comptable: string | null;
    date_fin_de_vie: string | null;
  } | null;
}

/** Envelope of every successful response. */
export interface ApiEnvelope<T> {
  data: T;
  links: Record<string, string>;
  meta: Record<string, unknown>;
}

export interface ApiError {
  /** Five-digit string, e.g. `01003` not found, `00429` rate limited, `03020` provider maintenance. */
  code: string;
  title: string;
  detail: string;
  source: { parameter: string } | null;
  meta: { provider?: string; retry_in?: number } | Record<string, never>;
}

export interface ApiErrorBody {
  errors: ApiError[];
}
