/** Injection token of the validated EnrichmentConfig. */
export const ENRICHMENT_CONFIG = Symbol('ENRICHMENT_CONFIG');
