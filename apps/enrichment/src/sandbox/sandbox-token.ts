/**
 * Bearer token the sandbox accepts when none is given. It is a local development value, not an
 * API Entreprise token, and the enrichment service sends it by default.
 */
export const SANDBOX_DEFAULT_TOKEN = 'tps-local-sandbox-token';
