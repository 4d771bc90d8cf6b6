import 'reflect-metadata';

import type { Company } from '@tps/contracts';

import { redactCompany } from './dossier-view.builder';

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
