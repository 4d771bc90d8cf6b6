import { SANDBOX_ESTABLISHMENTS, SANDBOX_LEGAL_UNITS } from '../sandbox/sandbox-entities';
import {
  buildEtablissementPayload,
  buildExtraitKbisPayload,
  buildUniteLegalePayload,
} from '../sandbox/sandbox-payloads';
import { epochSecondsToIsoDate, mapCompany } from './company.mapper';

const FETCHED_AT = new Date('2026-12-04T10:00:00.000Z');

function mapSandboxCompany(siret: string, withKbis = true) {
  const establishment = SANDBOX_ESTABLISHMENTS[siret];
  const unit = SANDBOX_LEGAL_UNITS[siret.slice(0, 9)];
  const etablissement = buildEtablissementPayload(establishment, unit).data;
  const uniteLegale = buildUniteLegalePayload(unit).data;
  const kbis = withKbis && unit.rcs ? buildExtraitKbisPayload(unit, unit.rcs).data : null;

  return mapCompany(etablissement, uniteLegale, kbis, FETCHED_AT);
}

describe('epochSecondsToIsoDate', () => {
  it('reads INSEE midnights in Paris time', () => {
    expect(epochSecondsToIsoDate(1495576800)).toBe('2017-05-24');
  });

  it('accepts negative timestamps', () => {
    expect(epochSecondsToIsoDate(-473389200)).toBe('1955-01-01');
  });

  it('returns null for a missing date', () => {
    expect(epochSecondsToIsoDate(null)).toBeNull();
  });
});

describe('mapCompany', () => {
  it('maps the DINUM head office', () => {
    expect(mapSandboxCompany('13002526500013')).toEqual({
      siret: '13002526500013',
      siren: '130025265',
      name: 'DIRECTION INTERMINISTERIELLE DU NUMERIQUE',
      tradeName: null,
      nafCode: '84.11Z',
      nafLabel: 'Administration publique générale',
      headcountBand: { code: '32', label: '250 à 499 salariés' },
      legalForm: { code: '7120', label: "Service central d'un ministère" },
      addressLines: [
        'DIRECTION INTERMINISTERIELLE DU NUMERIQUE',
        '20 AVENUE DE SEGUR',
        '75007 PARIS 7',
        'FRANCE',
      ],
      postalCode: '75007',
      city: 'PARIS 7',
      creationDate: '2017-05-24',
      active: true,
      closedOn: null,
      headOffice: true,
      diffusible: true,
      capital: null,
      fetchedAt: '2026-12-04T10:00:00.000Z',
    });
  });

  it('takes the capital from the RCS extract', () => {
    const company = mapSandboxCompany('41816609600069');
    expect(company.capital).toBe(3636554);
    expect(company.tradeName).toBe('OCTO');
    expect(company.legalForm).toEqual({
      code: '5710',
      label: 'SAS, société par actions simplifiée',
    });
  });

  it('leaves the capital null without extract', () => {
    expect(mapSandboxCompany('41816609600069', false).capital).toBeNull();
  });

  it('maps a pre-1970 creation date', () => {
    expect(mapSandboxCompany('55204944776279').creationDate).toBe('1955-01-01');
  });

  it('marks a closed établissement inactive', () => {
    const company = mapSandboxCompany('41816609600051');
    expect(company.active).toBe(false);
    expect(company.closedOn).toBe('2016-05-31');
    expect(company.headOffice).toBe(false);
    expect(company.headcountBand).toEqual({ code: 'NN', label: 'Unités non employeuses' });
  });

  it('marks a ceased legal unit inactive', () => {
    const company = mapSandboxCompany('35600082800018');
    expect(company.active).toBe(false);
    expect(company.closedOn).toBe('2010-02-28');
  });

  it('uses the cessation date when the établissement has none', () => {
    const unit = SANDBOX_LEGAL_UNITS['356000828'];
    const etablissement = buildEtablissementPayload(
      SANDBOX_ESTABLISHMENTS['35600082800018'],
      unit,
    ).data;
    etablissement.date_fermeture = null;
    const company = mapCompany(etablissement, buildUniteLegalePayload(unit).data, null, FETCHED_AT);
    expect(company.closedOn).toBe('2010-02-28');
  });

  it('names an individual entrepreneur', () => {
    const company = mapSandboxCompany('47846480300319');
    expect(company.name).toBe('DURAND (MARTIN) JEANNE');
    expect(company.tradeName).toBe('PLOMBERIE DURAND');
    expect(company.legalForm?.code).toBe('1000');
  });

  it('flags a partly non-diffusible individual', () => {
    const company = mapSandboxCompany('35004292500031');
    expect(company.diffusible).toBe(false);
    expect(company.name).toBe('DUPONT MARIE');
  });

  it('maps a foreign address', () => {
    const company = mapSandboxCompany('99000012700011');
    expect(company.city).toBe('LONDRES');
    expect(company.postalCode).toBeNull();
    expect(company.addressLines).toEqual([
      'EXEMPLE ROYAUME-UNI LIMITED',
      '1 EXAMPLE STREET',
      'LONDRES',
      'ROYAUME-UNI',
    ]);
  });

  it('drops [ND] placeholders from the address', () => {
    const unit = SANDBOX_LEGAL_UNITS['350042925'];
    const etablissement = buildEtablissementPayload(
      SANDBOX_ESTABLISHMENTS['35004292500031'],
      unit,
    ).data;
    etablissement.adresse.acheminement_postal = {
      l1: '[ND]',
      l2: '[ND]',
      l3: '[ND]',
      l4: '[ND]',
      l5: '[ND]',
      l6: '[ND]',
      l7: 'FRANCE',
    };
    etablissement.adresse.code_postal = '[ND]';
    const company = mapCompany(etablissement, null, null, FETCHED_AT);
    expect(company.addressLines).toEqual(['FRANCE']);
    expect(company.postalCode).toBeNull();
    expect(company.city).toBe('BORDEAUX');
  });

  it('falls back to the embedded legal unit', () => {
    const unit = SANDBOX_LEGAL_UNITS['775672272'];
    const etablissement = buildEtablissementPayload(
      SANDBOX_ESTABLISHMENTS['77567227221138'],
      unit,
    ).data;
    const company = mapCompany(etablissement, null, null, FETCHED_AT);
    expect(company.name).toBe('CROIX ROUGE FRANCAISE');
    expect(company.legalForm).toEqual({ code: '9220', label: 'Association déclarée' });
    expect(company.active).toBe(true);
  });

  it('maps every sandbox établissement', () => {
    for (const siret of Object.keys(SANDBOX_ESTABLISHMENTS)) {
      const company = mapSandboxCompany(siret);
      expect(company.siret).toBe(siret);
      expect(company.name).not.toBeNull();
      expect(company.nafCode).toMatch(/^\d{2}\.\d{2}[A-Z]$/);
      expect(company.creationDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
