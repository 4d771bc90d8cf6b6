import { firstFreePath, slugify } from './slug';

describe('slugify', () => {
  it('lower-cases, removes accents and joins words with hyphens', () => {
    expect(slugify('Aide à l’Été 2026 : Œuvres')).toBe('aide-a-l-ete-2026-oeuvres');
  });

  it('collapses punctuation and trims hyphens', () => {
    expect(slugify('  --Subvention -- (vélo)!  ')).toBe('subvention-velo');
  });

  it('falls back to a fixed word when nothing is left', () => {
    expect(slugify('!!!')).toBe('demarche');
  });

  it('stays under 90 characters without a trailing hyphen', () => {
    const slug = slugify(`${'a'.repeat(89)} b`);
    expect(slug.length).toBeLessThanOrEqual(90);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('firstFreePath', () => {
  it('keeps a free base and numbers taken ones from 2', () => {
    expect(firstFreePath('velo', new Set())).toBe('velo');
    expect(firstFreePath('velo', new Set(['velo']))).toBe('velo-2');
    expect(firstFreePath('velo', new Set(['velo', 'velo-2']))).toBe('velo-3');
  });
});
