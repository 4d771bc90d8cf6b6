import type { Company } from '@tps/contracts';

import { buildLookupResult } from './siret-lookup.service';

const company = { siret: '35004292500031', diffusible: true } as Company;

describe('buildLookupResult', () => {
  it('returns a found company without message', () => {
    expect(buildLookupResult('35004292500031', 'found', company)).toEqual({
      siret: '35004292500031',
      status: 'found',
      company,
    });
  });

  it('warns about a non-diffusible company', () => {
    const hidden = { ...company, diffusible: false };
    const result = buildLookupResult('35004292500031', 'found', hidden);
    expect(result.company).toBe(hidden);
    expect(result.message).toContain('350 042 925 00031');
    expect(result.message).toContain('non-publication');
  });

  it('explains each other status in French', () => {
    expect(buildLookupResult('00000000000000', 'not_found', null).message).toBe(
      'Nous n’avons pas trouvé d’établissement correspondant à ce numéro SIRET.',
    );
    expect(
      buildLookupResult('10000004100010', 'unavailable_for_legal_reasons', null).message,
    ).toMatch(/^Les informations de cet établissement ne sont pas diffusées/);
    expect(buildLookupResult('41816609600069', 'pending', null).message).toBe(
      'L’annuaire des entreprises est momentanément indisponible : vous pouvez déposer votre dossier, les informations seront complétées automatiquement.',
    );
  });

  it('never returns a company unless found', () => {
    expect(buildLookupResult('41816609600069', 'pending', company).company).toBeNull();
  });
});
