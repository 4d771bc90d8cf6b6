import 'reflect-metadata';

import { type Company, DossierState, InstructorAction } from '@tps/contracts';

import type { DossierEntity } from '../database/dossier.entity';
import type { TransitionEntity } from '../database/transition.entity';
import { type DossierDetails, redactCompany, toDossierView } from './dossier-view.builder';

const company: Company = {
  siret: '35004292500031',
  siren: '350042925',
  name: 'DUPONT Jean',
  tradeName: 'Chez Jean',
  nafCode: '56.10A',
  nafLabel: 'Restauration traditionnelle',
  headcountBand: { code: '01', label: '1 ou 2 salariés' },
  legalForm: { code: '1000', label: 'Entrepreneur individuel' },
  addressLines: ['1 RUE DE LA PAIX', '75002 PARIS'],
  postalCode: '75002',
  city: 'PARIS',
  creationDate: '2001-01-01',
  active: true,
  closedOn: null,
  headOffice: true,
  diffusible: false,
  capital: null,
  fetchedAt: '2026-12-04T12:00:00.000Z',
};

describe('redactCompany', () => {
  it('keeps only the SIRET, activity and city of a non-diffusible company', () => {
    const redacted = redactCompany(company);

    expect(redacted.siret).toBe(company.siret);
    expect(redacted.active).toBe(true);
    expect(redacted.city).toBe('PARIS');
    expect(redacted.name).toBeNull();
    expect(redacted.tradeName).toBeNull();
    expect(redacted.addressLines).toEqual([]);
    expect(redacted.postalCode).toBeNull();
    expect(redacted.nafCode).toBeNull();
  });

  it('leaves a diffusible company unchanged', () => {
    const diffusible = { ...company, diffusible: true };

    expect(redactCompany(diffusible)).toBe(diffusible);
  });
});

describe('toDossierView history', () => {
  const at = new Date('2026-12-04T10:00:00.000Z');
  const dossier = {
    id: '3f1b7a52-1111-4b4b-9c9c-000000000001',
    number: '7',
    procedureId: '3f1b7a52-1111-4b4b-9c9c-000000000002',
    procedureTitle: 'Démarche',
    revisionId: '3f1b7a52-1111-4b4b-9c9c-000000000003',
    state: DossierState.EnInstruction,
    archived: false,
    applicantEmail: 'usager@example.fr',
    version: 3,
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    instructionStartedAt: at,
    decidedAt: null,
    motivation: null,
  } as unknown as DossierEntity;
  const transitions = [
    {
      fromState: DossierState.Brouillon,
      toState: DossierState.EnConstruction,
      action: 'deposer',
      actorEmail: 'usager@example.fr',
      motivation: null,
      at,
    },
    {
      fromState: DossierState.EnConstruction,
      toState: DossierState.EnInstruction,
      action: InstructorAction.PasserEnInstruction,
      actorEmail: 'agent@prefecture.gouv.fr',
      motivation: null,
      at,
    },
  ] as unknown as TransitionEntity[];
  const details: DossierDetails = {
    dossier,
    revision: {
      id: dossier.revisionId,
      procedureId: dossier.procedureId,
      number: 1,
      publishedAt: null,
      fields: [],
    },
    values: [],
    attachments: [],
    transitions,
  };

  it('hides instructor e-mails from the applicant', () => {
    const history = toDossierView(details, 'applicant').history;

    expect(history.map((entry) => entry.actorEmail)).toEqual(['usager@example.fr', null]);
  });

  it('shows every e-mail to instructors', () => {
    const history = toDossierView(details, 'instructor').history;

    expect(history.map((entry) => entry.actorEmail)).toEqual([
      'usager@example.fr',
      'agent@prefecture.gouv.fr',
    ]);
  });
});
