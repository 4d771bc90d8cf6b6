import type { MailTemplateKind } from '@tps/contracts';

import type { ProcedureKey } from '../fixtures/procedures';

/**
 * Plans of the scenario's dossiers: the values each applicant types over several saves (keyed by
 * the fixture's field keys, written the way people type them), the files attached and the
 * instructor's decision. SIRETs are real public establishments that the API Entreprise sandbox serves.
 */

export type PlannedOutcome =
  | { kind: 'brouillon' }
  | { kind: 'en_construction' }
  | { kind: 'en_instruction' }
  | { kind: 'accepte'; motivation?: string }
  | { kind: 'refuse'; motivation: string }
  | { kind: 'sans_suite'; motivation: string }
  /**
   * Sent back to the applicant (repasser en construction) with a request, corrected by the
   * applicant, then taken into instruction again, where it stays.
   */
  | {
      kind: 'aller_retour';
      request: string;
      correction: Record<string, unknown>;
      replacedAttachment: PlannedAttachment;
    };

export interface PlannedAttachment {
  fieldKey: string;
  filename: string;
  /** First line of the generated PDF. */
  title: string;
  lines: string[];
}

export interface Applicant {
  email: string;
  firstName: string;
  lastName: string;
}

export interface DossierPlan {
  /** Short name used in logs, e.g. `T1`. */
  ref: string;
  procedure: ProcedureKey;
  applicant: Applicant;
  /** Values saved one PATCH at a time, as a person fills the form over several visits. */
  steps: Record<string, unknown>[];
  attachments: PlannedAttachment[];
  outcome: PlannedOutcome;
}

const APPLICANT_DOMAIN = 'usagers.demo.tps.local';

function applicant(firstName: string, lastName: string): Applicant {
  const local = `${firstName}.${lastName}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z.]/g, '-');

  return { email: `${local}@${APPLICANT_DOMAIN}`, firstName, lastName };
}

function pdf(
  fieldKey: string,
  filename: string,
  title: string,
  ...lines: string[]
): PlannedAttachment {
  return { fieldKey, filename, title, lines };
}

const transporteurs: DossierPlan[] = [
  {
    ref: 'T1',
    procedure: 'transporteurs',
    applicant: applicant('Julien', 'Moreau'),
    steps: [
      { siret: '552 049 447 76279', formeJuridique: 'SA' },
      { civilite: 'M.', nom: 'Moreau', prenoms: 'Julien Pierre', dateNaissance: '12/04/1979' },
      {
        nombreVehicules: '42',
        categoriesVehicules: ['Véhicules de 3,5 t ou moins', 'Véhicules de plus de 3,5 t'],
        email: 'julien.moreau@usagers.demo.tps.local',
        telephone: '04 72 00 12 34',
      },
    ],
    attachments: [
      pdf(
        'attestationCapacite',
        'attestation-capacite-moreau.pdf',
        'Attestation de capacite professionnelle',
        'Titulaire : Julien Moreau',
        'Transport de marchandises',
      ),
      pdf(
        'capaciteFinanciere',
        'liasse-fiscale-2025.pdf',
        'Liasse fiscale 2025',
        'Capitaux propres : 1 250 000 EUR',
      ),
    ],
    outcome: {
      kind: 'accepte',
      motivation: 'Inscription au registre sous le numéro 2026-84-00127.',
    },
  },
  {
    ref: 'T2',
    procedure: 'transporteurs',
    applicant: applicant('Sophie', 'Lefèvre'),
    steps: [
      { siret: '35600000000048', formeJuridique: 'SA', civilite: 'Mme', nom: 'Lefèvre' },
      {
        prenoms: 'Sophie Anne',
        dateNaissance: '1985-09-30',
        nombreVehicules: '120',
        categoriesVehicules: ['Véhicules de 3,5 t ou moins'],
        email: 'sophie.lefevre@usagers.demo.tps.local',
        telephone: '+33 6 12 34 56 78',
      },
    ],
    attachments: [
      pdf(
        'attestationCapacite',
        'capacite-lefevre.pdf',
        'Attestation de capacite professionnelle',
        'Titulaire : Sophie Lefevre',
      ),
      pdf('capaciteFinanciere', 'bilan-2023.pdf', 'Bilan 2023', 'Exercice clos le 31/12/2023'),
    ],
    outcome: {
      kind: 'refuse',
      motivation:
        'Le justificatif de capacité financière porte sur l’exercice 2023 : il doit dater de moins ' +
        'de dix-huit mois. Vous pouvez déposer une nouvelle demande avec la liasse fiscale 2025.',
    },
  },
  {
    ref: 'T3',
    procedure: 'transporteurs',
    applicant: applicant('Karim', 'Benali'),
    steps: [
      { siret: '356 000 828 00018', formeJuridique: 'SA', civilite: 'M.', nom: 'Benali' },
      { prenoms: 'Karim', dateNaissance: '03/11/1990', nombreVehicules: '8' },
      {
        categoriesVehicules: ['Véhicules de plus de 3,5 t'],
        email: 'karim.benali@usagers.demo.tps.local',
        telephone: '06.45.78.12.90',
      },
    ],
    attachments: [
      pdf(
        'attestationCapacite',
        'attestation-benali.pdf',
        'Attestation de capacite professionnelle',
        'Titulaire : Karim Benali',
      ),
      pdf(
        'capaciteFinanciere',
        'attestation-expert-comptable.pdf',
        "Attestation de l'expert-comptable",
        'Capitaux propres : 96 000 EUR',
      ),
    ],
    outcome: { kind: 'en_construction' },
  },
  {
    ref: 'T4',
    procedure: 'transporteurs',
    applicant: applicant('Nathalie', 'Girard'),
    steps: [
      { siret: '55204944776279', formeJuridique: 'SAS' },
      { civilite: 'Mme', nom: 'Girard' },
    ],
    attachments: [],
    outcome: { kind: 'brouillon' },
  },
];

const politiqueVille: DossierPlan[] = [
  {
    ref: 'P1',
    procedure: 'politiqueVille',
    applicant: applicant('Claire', 'Dubois'),
    steps: [
      {
        siret: '775 672 272 21138',
        titreProjet: 'Ateliers numériques pour les seniors de La Duchère',
      },
      {
        descriptionProjet:
          'Des ateliers hebdomadaires d’initiation au numérique (démarches en ligne, messagerie, ' +
          'visioconférence avec la famille) pour 60 habitants de plus de 65 ans.\n' +
          'Animés par deux bénévoles formés et un conseiller numérique, au centre social du Plateau.',
        quartiers: ['La Duchère (Lyon 9e)'],
        dateDebut: '2027-02-01',
      },
      {
        budgetTotal: '48 500,00',
        subventionDemandee: '24000',
        cofinanceurs: 'Métropole de Lyon : 10 000 €\nFondation de France : 8 000 € (acquis)',
      },
    ],
    attachments: [
      pdf(
        'budgetPrevisionnel',
        'budget-previsionnel-ateliers-numeriques.pdf',
        'Budget previsionnel 2027',
        'Charges : 48 500 EUR',
        'Subvention Etat : 24 000 EUR',
      ),
    ],
    outcome: {
      kind: 'accepte',
      motivation: 'Subvention de 24 000 € attribuée par le comité de pilotage.',
    },
  },
  {
    ref: 'P2',
    procedure: 'politiqueVille',
    applicant: applicant('Thomas', 'Petit'),
    steps: [
      {
        siret: '40046135600133',
        titreProjet: 'Jardin solidaire des Minguettes',
        descriptionProjet:
          'Création d’un jardin partagé de 800 m² cultivé avec les familles accueillies, et ateliers de cuisine avec les récoltes.',
      },
      {
        quartiers: ['Les Minguettes – Clochettes (Vénissieux, Saint-Fons)'],
        dateDebut: '15/03/2027',
        budgetTotal: '12.5',
        subventionDemandee: 10,
      },
      { budgetTotal: '31 200', subventionDemandee: '9 000,50' },
    ],
    attachments: [
      pdf(
        'budgetPrevisionnel',
        'budget-jardin-solidaire.pdf',
        'Budget previsionnel du jardin solidaire',
        'Charges : 31 200 EUR',
      ),
    ],
    outcome: {
      kind: 'sans_suite',
      motivation:
        'L’association nous a informés que le projet est entièrement financé par la Métropole de ' +
        'Lyon : la demande est classée sans suite à sa demande.',
    },
  },
  {
    ref: 'P3',
    procedure: 'politiqueVille',
    applicant: applicant('Amina', 'Haddad'),
    steps: [
      {
        siret: '40046135600133',
        titreProjet: 'Aide aux devoirs à Mermoz et aux États-Unis',
        quartiers: ['Mermoz (Lyon 8e)', 'États-Unis – Langlet-Santy (Lyon 8e)'],
      },
      {
        descriptionProjet:
          'Accompagnement scolaire de 40 collégiens quatre soirs par semaine, avec des étudiants bénévoles.',
        dateDebut: '2027-09-06',
        budgetTotal: '15 250,50',
        subventionDemandee: '12200.4',
      },
    ],
    attachments: [
      pdf(
        'budgetPrevisionnel',
        'budget-aide-aux-devoirs.pdf',
        'Budget previsionnel aide aux devoirs',
        'Charges : 15 250,50 EUR',
      ),
    ],
    outcome: { kind: 'en_instruction' },
  },
];

const secretaireGeneral: DossierPlan[] = [
  {
    ref: 'S1',
    procedure: 'secretaireGeneral',
    applicant: applicant('Isabelle', 'Martin'),
    steps: [
      { civilite: 'Mme', nom: 'Martin', prenoms: 'Isabelle Marie', dateNaissance: '1978-06-21' },
      { email: 'isabelle.martin@usagers.demo.tps.local', telephone: '01 44 35 20 00' },
      {
        siretEmployeur: '55203253400703',
        niveauDiplome: 'Niveau 7 (bac + 5 : master, diplôme d’ingénieur)',
        anneesExperience: 12,
        declarationHonneur: true,
      },
    ],
    attachments: [
      pdf(
        'cv',
        'cv-isabelle-martin.pdf',
        'Isabelle Martin - Curriculum vitae',
        'Directrice administrative et financiere',
      ),
    ],
    outcome: { kind: 'accepte' },
  },
  {
    ref: 'S2',
    procedure: 'secretaireGeneral',
    applicant: applicant('Antoine', 'Bernard'),
    steps: [
      {
        civilite: 'M',
        nom: 'Bernard',
        prenoms: 'Antoine',
        dateNaissance: '02/02/1992',
        email: 'antoine.bernard@usagers.demo.tps.local',
        telephone: '0612345679',
      },
      {
        siretEmployeur: '418 166 096 00069',
        niveauDiplome: 'Niveau 5 (bac + 2 : BTS, DUT)',
        anneesExperience: '6',
        declarationHonneur: 'oui',
      },
    ],
    attachments: [pdf('cv', 'cv-antoine-bernard.pdf', 'Antoine Bernard - CV', 'Chef de projet')],
    outcome: {
      kind: 'refuse',
      motivation:
        'L’examen est ouvert aux titulaires d’un diplôme de niveau 6 au moins ; votre diplôme le ' +
        'plus élevé est de niveau 5.',
    },
  },
  {
    ref: 'S3',
    procedure: 'secretaireGeneral',
    applicant: applicant('Élodie', 'Rousseau'),
    steps: [
      { civilite: 'Mme', nom: 'Rousseau', prenoms: 'Élodie', dateNaissance: '1983-12-01' },
      {
        email: 'elodie.rousseau@usagers.demo.tps.local',
        telephone: '04 73 31 40 00',
        siretEmployeur: '11004601800013',
        niveauDiplome: 'Niveau 7 (bac + 5 : master, diplôme d’ingénieur)',
        anneesExperience: '9',
        declarationHonneur: true,
      },
    ],
    attachments: [pdf('cv', 'cv-rousseau.pdf', 'Elodie Rousseau', '(version incomplete)')],
    outcome: {
      kind: 'aller_retour',
      request:
        'Votre CV ne mentionne pas vos fonctions d’encadrement : merci d’en déposer une version complète.',
      correction: { anneesExperience: '10' },
      replacedAttachment: pdf(
        'cv',
        'cv-rousseau-complet.pdf',
        'Elodie Rousseau - Curriculum vitae',
        'Cheffe du bureau des affaires generales (encadrement de 8 agents)',
      ),
    },
  },
  {
    ref: 'S4',
    procedure: 'secretaireGeneral',
    applicant: applicant('Mehdi', 'Laurent'),
    steps: [
      {
        civilite: 'M.',
        nom: 'Laurent',
        prenoms: 'Mehdi Youssef',
        dateNaissance: '1988-07-14',
        email: 'mehdi.laurent@usagers.demo.tps.local',
        telephone: '+33 (0)6 98 76 54 32',
      },
      {
        siretEmployeur: '130 025 265 00013',
        niveauDiplome: 'Niveau 8 (doctorat)',
        anneesExperience: 4,
        declarationHonneur: true,
      },
    ],
    attachments: [
      pdf(
        'cv',
        'cv-mehdi-laurent.pdf',
        'Mehdi Laurent - Curriculum vitae',
        'Chef de projet numerique',
      ),
    ],
    outcome: { kind: 'en_construction' },
  },
];

export const DOSSIER_PLANS: readonly DossierPlan[] = [
  ...transporteurs,
  ...politiqueVille,
  ...secretaireGeneral,
];

/** E-mails the applicant receives for a plan, in the order of the state changes. */
export function expectedMailKinds(outcome: PlannedOutcome): MailTemplateKind[] {
  switch (outcome.kind) {
    case 'brouillon':
      return [];
    case 'en_construction':
      return ['dossier_submitted'];
    case 'en_instruction':
      return ['dossier_submitted', 'dossier_instruction_started'];
    case 'accepte':
      return ['dossier_submitted', 'dossier_instruction_started', 'dossier_accepted'];
    case 'refuse':
      return ['dossier_submitted', 'dossier_instruction_started', 'dossier_refused'];
    case 'sans_suite':
      return [
        'dossier_submitted',
        'dossier_instruction_started',
        'dossier_closed_without_follow_up',
      ];
    case 'aller_retour':
      return [
        'dossier_submitted',
        'dossier_instruction_started',
        'dossier_returned_to_construction',
        'dossier_instruction_started',
      ];
  }
}

/** Final state of a dossier played according to its plan. */
export function expectedState(outcome: PlannedOutcome): string {
  return outcome.kind === 'aller_retour' ? 'en_instruction' : outcome.kind;
}
