import { checkSiret, formatSiret, isValidSiren, isValidSiret, normalizeSiret } from './siret';

describe('checkSiret', () => {
  it.each([
    '13002526500013',
    '41816609600051',
    '35600000000048',
    '35600000041461',
    '35600082800018',
    '00000000000000',
  ])('accepts %s', (siret) => {
    expect(isValidSiret(siret)).toBe(true);
  });

  it.each(['82161143100039', '35600000041462', '35600000009090'])(
    'rejects checksum of %s',
    (siret) => {
      expect(checkSiret(siret)).toEqual({ valid: false, reason: 'checksum' });
    },
  );

  it.each(['1300252650001', '130025265000131', '1300252650001A', ''])(
    'rejects format of %p',
    (siret) => {
      expect(checkSiret(siret)).toEqual({ valid: false, reason: 'format' });
    },
  );

  it('normalises spaces and non-breaking spaces', () => {
    expect(normalizeSiret('130\u00a0025 265\u202f00013')).toBe('13002526500013');
    expect(checkSiret(' 130 025 265 00013 ')).toEqual({ valid: true, siret: '13002526500013' });
  });

  it('checks a SIREN', () => {
    expect(isValidSiren('130025265')).toBe(true);
    expect(isValidSiren('130025266')).toBe(false);
  });

  it('formats for display', () => {
    expect(formatSiret('13002526500013')).toBe('130 025 265 00013');
  });
});
