/** Longest generated slug, leaving room for a `-N` suffix under the 100-character path limit. */
const MAX_SLUG_LENGTH = 90;

/**
 * URL slug of a title: lower-case ASCII letters and digits separated by single hyphens, accents
 * removed (`Aide à l’été` → `aide-a-l-ete`). Falls back to `demarche` when nothing is left.
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');

  return slug || 'demarche';
}

/** First of `base`, `base-2`, `base-3`… that is not in `taken`. */
export function firstFreePath(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) {
    return base;
  }
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) {
      return candidate;
    }
  }
}
