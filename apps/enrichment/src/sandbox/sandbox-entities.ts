import type { DiffusionStatus } from '../api-entreprise/api-entreprise.types';

/** One legal unit (unité légale) known to the sandbox. Dates are ISO calendar dates. */
export interface SandboxLegalUnit {
  siren: string;
  rna?: string;
  headOfficeSiret: string;
  type: 'personne_morale' | 'personne_physique';
  legalName?: string;
  acronym?: string;
  person?: { lastName: string; usageName?: string; firstName: string; sex: 'M' | 'F' };
  category: 'GE' | 'ETI' | 'PME' | null;
  diffusion: DiffusionStatus;
  legalForm: { code: string; label: string };
  naf: { code: string; label: string };
  headcountCode: string | null;
  state: 'A' | 'C';
  socialEconomy: boolean;
  createdOn: string;
  ceasedOn?: string;
  /** RCS extract data; units without it get a 404 on extrait_kbis, like public bodies. */
  rcs?: { capital: number; tradeName: string | null; registeredOn: string; greffe: string };
}

/** One établissement known to the sandbox. */
export interface SandboxEstablishment {
  siret: string;
  headOffice: boolean;
  state: 'A' | 'F';
  closedOn?: string;
  createdOn: string;
  naf: { code: string; label: string };
  headcountCode: string | null;
  sign?: string;
  address: {
    number?: string;
    streetType?: string;
    street?: string;
    complement?: string;
    municipalityCode?: string;
    postalCode?: string;
    city?: string;
    foreignCity?: string;
    foreignCountryCode?: string;
    foreignCountry?: string;
  };
}

const PUBLIC_ADMINISTRATION = { code: '84.11Z', label: 'Administration publique générale' };
const SOCIAL_ACTION = { code: '88.99B', label: 'Action sociale sans hébergement n.c.a.' };
const IT_CONSULTING = { code: '62.02A', label: 'Conseil en systèmes et logiciels informatiques' };
const POSTAL_SERVICE = {
  code: '53.10Z',
  label: "Activités de poste dans le cadre d'une obligation de service universel",
};

/**
 * Legal units by SIREN. SIRENs, names, legal-form categories and administrative states are those
 * of the real public entities, and DINUM and SNCF use their published API Entreprise values.
 * Values marked "illustrative" (some NAF codes, headcounts, dates and capitals) are plausible
 * public values that were not checked against INSEE or the RCS.
 */
export const SANDBOX_LEGAL_UNITS: Record<string, SandboxLegalUnit> = {
  '130025265': {
    siren: '130025265',
    headOfficeSiret: '13002526500013',
    type: 'personne_morale',
    legalName: 'DIRECTION INTERMINISTERIELLE DU NUMERIQUE',
    acronym: 'DINUM',
    category: 'ETI',
    diffusion: 'diffusible',
    legalForm: { code: '7120', label: "Service central d'un ministère" },
    naf: PUBLIC_ADMINISTRATION,
    headcountCode: '32',
    state: 'A',
    socialEconomy: false,
    createdOn: '2017-05-24',
  },
  // Category, headcount and creation date are illustrative.
  '110046018': {
    siren: '110046018',
    headOfficeSiret: '11004601800013',
    type: 'personne_morale',
    legalName: 'MINISTERE DE LA CULTURE',
    category: 'GE',
    diffusion: 'diffusible',
    legalForm: { code: '7113', label: 'Ministère' },
    naf: PUBLIC_ADMINISTRATION,
    headcountCode: '42',
    state: 'A',
    socialEconomy: false,
    createdOn: '1959-02-03',
  },
  // Category, headcount and creation date are illustrative.
  '217500016': {
    siren: '217500016',
    headOfficeSiret: '21750001600019',
    type: 'personne_morale',
    legalName: 'VILLE DE PARIS',
    category: 'GE',
    diffusion: 'diffusible',
    legalForm: { code: '7229', label: '(Autre) Collectivité territoriale' },
    naf: PUBLIC_ADMINISTRATION,
    headcountCode: '53',
    state: 'A',
    socialEconomy: false,
    createdOn: '1983-03-01',
  },
  // NAF, headcount, creation date and RCS data are illustrative.
  '552032534': {
    siren: '552032534',
    headOfficeSiret: '55203253400703',
    type: 'personne_morale',
    legalName: 'DANONE',
    category: 'GE',
    diffusion: 'diffusible',
    legalForm: { code: '5599', label: "SA à conseil d'administration (s.a.i.)" },
    naf: { code: '70.10Z', label: 'Activités des sièges sociaux' },
    headcountCode: '22',
    state: 'A',
    socialEconomy: false,
    createdOn: '1955-01-01',
    rcs: { capital: 171657400, tradeName: null, registeredOn: '1955-01-01', greffe: 'PARIS' },
  },
  // RCS data is illustrative; the rest is the API Entreprise staging payload.
  '552049447': {
    siren: '552049447',
    headOfficeSiret: '55204944776279',
    type: 'personne_morale',
    legalName: 'SOCIETE NATIONALE SNCF',
    acronym: 'SNCF',
    category: 'GE',
    diffusion: 'diffusible',
    legalForm: { code: '5599', label: "SA à conseil d'administration (s.a.i.)" },
    naf: { code: '49.10Z', label: 'Transport ferroviaire interurbain de voyageurs' },
    headcountCode: '53',
    state: 'A',
    socialEconomy: false,
    createdOn: '1955-01-01',
    rcs: { capital: 1000000000, tradeName: 'SNCF', registeredOn: '1955-01-01', greffe: 'BOBIGNY' },
  },
  // Legal form, NAF, headcount and creation date are illustrative.
  '775672272': {
    siren: '775672272',
    rna: 'W751004076',
    headOfficeSiret: '77567227221138',
    type: 'personne_morale',
    legalName: 'CROIX ROUGE FRANCAISE',
    category: 'GE',
    diffusion: 'diffusible',
    legalForm: { code: '9220', label: 'Association déclarée' },
    naf: SOCIAL_ACTION,
    headcountCode: '53',
    state: 'A',
    socialEconomy: true,
    createdOn: '1945-01-01',
  },
  // NAF, headcount and creation date are illustrative.
  '400461356': {
    siren: '400461356',
    headOfficeSiret: '40046135600133',
    type: 'personne_morale',
    legalName: 'LES RESTAURANTS DU COEUR',
    category: 'ETI',
    diffusion: 'diffusible',
    legalForm: { code: '9220', label: 'Association déclarée' },
    naf: SOCIAL_ACTION,
    headcountCode: '21',
    state: 'A',
    socialEconomy: true,
    createdOn: '1995-01-01',
  },
  // Headcount, creation date and RCS data are illustrative.
  '418166096': {
    siren: '418166096',
    headOfficeSiret: '41816609600069',
    type: 'personne_morale',
    legalName: 'OCTO TECHNOLOGY',
    category: 'PME',
    diffusion: 'diffusible',
    legalForm: { code: '5710', label: 'SAS, société par actions simplifiée' },
    naf: IT_CONSULTING,
    headcountCode: '41',
    state: 'A',
    socialEconomy: false,
    createdOn: '1998-04-01',
    rcs: { capital: 3636554, tradeName: 'OCTO', registeredOn: '1998-04-14', greffe: 'PARIS' },
  },
  // Legal form, headcount, creation date and RCS data are illustrative.
  '356000000': {
    siren: '356000000',
    headOfficeSiret: '35600000000048',
    type: 'personne_morale',
    legalName: 'LA POSTE',
    category: 'GE',
    diffusion: 'diffusible',
    legalForm: { code: '5599', label: "SA à conseil d'administration (s.a.i.)" },
    naf: POSTAL_SERVICE,
    headcountCode: '53',
    state: 'A',
    socialEconomy: false,
    createdOn: '1991-01-01',
    rcs: { capital: 5364851364, tradeName: null, registeredOn: '2010-03-01', greffe: 'PARIS' },
  },
  // Ceased unit (C). Legal form, headcount and dates are illustrative.
  '356000828': {
    siren: '356000828',
    headOfficeSiret: '35600082800018',
    type: 'personne_morale',
    legalName: 'LA POSTE (REGION RHONE ALPES)',
    category: null,
    diffusion: 'diffusible',
    legalForm: {
      code: '4110',
      label:
        'Établissement public national à caractère industriel ou commercial doté d’un comptable public',
    },
    naf: POSTAL_SERVICE,
    headcountCode: null,
    state: 'C',
    socialEconomy: false,
    createdOn: '1991-01-01',
    ceasedOn: '2010-02-28',
  },
  // Partly non-diffusible individual entrepreneur (staging case). The names and NAF are fictitious.
  '350042925': {
    siren: '350042925',
    headOfficeSiret: '35004292500031',
    type: 'personne_physique',
    person: { lastName: 'DUPONT', firstName: 'MARIE', sex: 'F' },
    category: 'PME',
    diffusion: 'partiellement_diffusible',
    legalForm: { code: '1000', label: 'Entrepreneur individuel' },
    naf: { code: '74.10Z', label: 'Activités spécialisées de design' },
    headcountCode: 'NN',
    state: 'A',
    socialEconomy: false,
    createdOn: '1989-03-15',
  },
  // Diffusible individual entrepreneur (staging case). The names and NAF are fictitious.
  '478464803': {
    siren: '478464803',
    headOfficeSiret: '47846480300319',
    type: 'personne_physique',
    person: { lastName: 'MARTIN', usageName: 'DURAND', firstName: 'JEANNE', sex: 'F' },
    category: 'PME',
    diffusion: 'diffusible',
    legalForm: { code: '1000', label: 'Entrepreneur individuel' },
    naf: { code: '43.22A', label: "Travaux d'installation d'eau et de gaz en tous locaux" },
    headcountCode: '01',
    state: 'A',
    socialEconomy: false,
    createdOn: '2004-09-01',
  },
  // Fictitious company with a foreign établissement, for the foreign-address mapping.
  '990000127': {
    siren: '990000127',
    headOfficeSiret: '99000012700011',
    type: 'personne_morale',
    legalName: 'EXEMPLE ROYAUME-UNI LIMITED',
    category: 'PME',
    diffusion: 'diffusible',
    legalForm: { code: '3120', label: 'Société commerciale étrangère immatriculée au RCS' },
    naf: { code: '62.01Z', label: 'Programmation informatique' },
    headcountCode: '11',
    state: 'A',
    socialEconomy: false,
    createdOn: '2015-06-01',
    rcs: { capital: 10000, tradeName: null, registeredOn: '2015-06-10', greffe: 'PARIS' },
  },
};

/**
 * Établissements by SIRET. Creation dates, headcounts and the NAF codes of public bodies are
 * illustrative everywhere except for DINUM, and so are the addresses marked as such.
 */
export const SANDBOX_ESTABLISHMENTS: Record<string, SandboxEstablishment> = {
  '13002526500013': {
    siret: '13002526500013',
    headOffice: true,
    state: 'A',
    createdOn: '2017-05-24',
    naf: PUBLIC_ADMINISTRATION,
    headcountCode: '32',
    address: {
      number: '20',
      streetType: 'AVENUE',
      street: 'DE SEGUR',
      municipalityCode: '75107',
      postalCode: '75007',
      city: 'PARIS 7',
    },
  },
  '11004601800013': {
    siret: '11004601800013',
    headOffice: true,
    state: 'A',
    createdOn: '1983-03-01',
    naf: PUBLIC_ADMINISTRATION,
    headcountCode: '42',
    address: {
      number: '182',
      streetType: 'RUE',
      street: 'SAINT-HONORE',
      municipalityCode: '75101',
      postalCode: '75001',
      city: 'PARIS 1',
    },
  },
  // Address illustrative.
  '21750001600019': {
    siret: '21750001600019',
    headOffice: true,
    state: 'A',
    createdOn: '1983-03-01',
    naf: PUBLIC_ADMINISTRATION,
    headcountCode: '53',
    address: {
      streetType: 'PLACE',
      street: 'DE L HOTEL DE VILLE',
      municipalityCode: '75104',
      postalCode: '75004',
      city: 'PARIS 4',
    },
  },
  '55203253400703': {
    siret: '55203253400703',
    headOffice: true,
    state: 'A',
    createdOn: '2018-01-01',
    naf: { code: '70.10Z', label: 'Activités des sièges sociaux' },
    headcountCode: '22',
    address: {
      number: '59',
      streetType: 'RUE',
      street: 'LA FAYETTE',
      municipalityCode: '75109',
      postalCode: '75009',
      city: 'PARIS 9',
    },
  },
  '55204944776279': {
    siret: '55204944776279',
    headOffice: true,
    state: 'A',
    createdOn: '2015-01-01',
    naf: { code: '49.10Z', label: 'Transport ferroviaire interurbain de voyageurs' },
    headcountCode: '53',
    address: {
      number: '2',
      streetType: 'PLACE',
      street: 'AUX ETOILES',
      municipalityCode: '93066',
      postalCode: '93200',
      city: 'SAINT-DENIS',
    },
  },
  // Address illustrative.
  '77567227221138': {
    siret: '77567227221138',
    headOffice: true,
    state: 'A',
    createdOn: '2009-01-01',
    naf: SOCIAL_ACTION,
    headcountCode: '41',
    address: {
      number: '21',
      streetType: 'RUE',
      street: 'DE LA VANNE',
      municipalityCode: '92049',
      postalCode: '92120',
      city: 'MONTROUGE',
    },
  },
  // Address illustrative.
  '40046135600133': {
    siret: '40046135600133',
    headOffice: true,
    state: 'A',
    createdOn: '2012-01-01',
    naf: SOCIAL_ACTION,
    headcountCode: '21',
    address: {
      number: '42',
      streetType: 'RUE',
      street: 'DE CLICHY',
      municipalityCode: '75109',
      postalCode: '75009',
      city: 'PARIS 9',
    },
  },
  '41816609600069': {
    siret: '41816609600069',
    headOffice: true,
    state: 'A',
    createdOn: '2016-06-01',
    naf: IT_CONSULTING,
    headcountCode: '41',
    address: {
      number: '34',
      streetType: 'AVENUE',
      street: 'DE L OPERA',
      municipalityCode: '75102',
      postalCode: '75002',
      city: 'PARIS 2',
    },
  },
  // Closed établissement; the closing date is illustrative.
  '41816609600051': {
    siret: '41816609600051',
    headOffice: false,
    state: 'F',
    closedOn: '2016-05-31',
    createdOn: '2005-02-17',
    naf: IT_CONSULTING,
    headcountCode: 'NN',
    address: {
      number: '50',
      streetType: 'AVENUE',
      street: 'DES CHAMPS ELYSEES',
      municipalityCode: '75108',
      postalCode: '75008',
      city: 'PARIS 8',
    },
  },
  '35600000000048': {
    siret: '35600000000048',
    headOffice: true,
    state: 'A',
    createdOn: '2011-01-01',
    naf: POSTAL_SERVICE,
    headcountCode: '51',
    address: {
      number: '9',
      streetType: 'RUE',
      street: 'DU COLONEL PIERRE AVIA',
      municipalityCode: '75115',
      postalCode: '75015',
      city: 'PARIS 15',
    },
  },
  // Closed head office of a ceased unit. Address and dates illustrative.
  '35600082800018': {
    siret: '35600082800018',
    headOffice: true,
    state: 'F',
    closedOn: '2010-02-28',
    createdOn: '1991-01-01',
    naf: POSTAL_SERVICE,
    headcountCode: null,
    address: {
      number: '10',
      streetType: 'PLACE',
      street: 'ANTONIN PONCET',
      municipalityCode: '69382',
      postalCode: '69002',
      city: 'LYON 2',
    },
  },
  // Fictitious address of the partly non-diffusible individual.
  '35004292500031': {
    siret: '35004292500031',
    headOffice: true,
    state: 'A',
    createdOn: '2001-09-01',
    naf: { code: '74.10Z', label: 'Activités spécialisées de design' },
    headcountCode: 'NN',
    address: {
      number: '5',
      streetType: 'RUE',
      street: 'DES LILAS',
      municipalityCode: '33063',
      postalCode: '33000',
      city: 'BORDEAUX',
    },
  },
  // Fictitious address and sign of the diffusible individual.
  '47846480300319': {
    siret: '47846480300319',
    headOffice: true,
    state: 'A',
    createdOn: '2010-04-01',
    naf: { code: '43.22A', label: "Travaux d'installation d'eau et de gaz en tous locaux" },
    headcountCode: '01',
    sign: 'PLOMBERIE DURAND',
    address: {
      number: '12',
      streetType: 'AVENUE',
      street: 'JEAN JAURES',
      municipalityCode: '31555',
      postalCode: '31000',
      city: 'TOULOUSE',
    },
  },
  // Fictitious foreign établissement.
  '99000012700011': {
    siret: '99000012700011',
    headOffice: true,
    state: 'A',
    createdOn: '2015-06-01',
    naf: { code: '62.01Z', label: 'Programmation informatique' },
    headcountCode: '11',
    address: {
      number: '1',
      street: 'EXAMPLE STREET',
      foreignCity: 'LONDRES',
      foreignCountryCode: '99132',
      foreignCountry: 'ROYAUME-UNI',
    },
  },
};

/** SIRET that gets 404 `01003`, as in the API Entreprise staging data set. */
export const SANDBOX_NOT_FOUND_SIRET = '00000000000000';

/**
 * Fictitious SIRET with a valid checksum whose unit is never distributed (HTTP 451), like
 * payroll units of the civil service or defence units.
 */
export const SANDBOX_LEGAL_REASONS_SIRET = '10000004100010';
