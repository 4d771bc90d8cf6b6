// The environment variables each app must receive from a deployment (docker-compose or k8s),
// and the ones every config class declares, for the .env.example check.
const fs = require('node:fs');
const path = require('node:path');

const COMMON = [
  'DATABASE_URL',
  'NATS_URL',
  'HTTP_PORT',
  'LOG_LEVEL',
  'NODE_ENV',
  'REQUEST_TIMEOUT_MS',
];
const S3 = ['S3_ENDPOINT', 'S3_ACCESS_KEY', 'S3_SECRET_KEY', 'S3_BUCKET', 'S3_REGION'];

/** Variables a deployment sets for each app; APP picks the app inside the image. */
const REQUIRED_SETTINGS = {
  gateway: [
    ...COMMON,
    ...S3,
    'PUBLIC_URL',
    'MAX_UPLOAD_BYTES',
    'UPLOAD_TMP_DIR',
    'SESSION_TTL_HOURS',
    'COOKIE_SECURE',
    'SIGN_IN_MAX_FAILURES',
    'SIGN_IN_WINDOW_MINUTES',
  ],
  procedures: [...COMMON],
  dossiers: [...COMMON, ...S3],
  notifications: [
    ...COMMON,
    'SMTP_URL',
    'MAIL_FROM',
    'PUBLIC_URL',
    'NOTIFICATIONS_MAX_ATTEMPTS',
    'NOTIFICATIONS_RETRY_BASE_MS',
  ],
  enrichment: [
    ...COMMON,
    'API_ENTREPRISE_URL',
    'API_ENTREPRISE_TOKEN',
    'API_ENTREPRISE_RECIPIENT',
    'API_ENTREPRISE_CONTEXT',
    'API_ENTREPRISE_TIMEOUT_MS',
    'ENRICHMENT_CACHE_TTL_HOURS',
    'ENRICHMENT_RETRY_BASE_MS',
    'ENRICHMENT_MAX_ATTEMPTS',
  ],
  // The built web front alone (scripts/serve-web.ts); the gateway serves it too, at `/`.
  web: ['HTTP_PORT', 'WEB_ROOT', 'LOG_LEVEL', 'NODE_ENV'],
};

const APPS = Object.keys(REQUIRED_SETTINGS);
/** Default HTTP_PORT of each app, as in its config class. */
const DEFAULT_PORTS = {
  gateway: 3000,
  procedures: 3001,
  dossiers: 3002,
  notifications: 3003,
  enrichment: 3004,
  web: 8080,
};
/**
 * Apps docker-compose.yml may leave out: there the gateway serves the web front at `/`, and a
 * web service alone would have no /api.
 */
const COMPOSE_OPTIONAL_APPS = ['web'];

/**
 * Collects the UPPER_CASE properties declared in the config classes under apps/,
 * libs/platform and scripts/serve-web (files named *config.ts), so a new setting cannot miss
 * .env.example. A regex reads the source, so only indented `NAME = ...`, `NAME: type` or
 * `NAME?: type` lines count.
 */
function findDeclaredSettings(repoRoot) {
  const declared = new Map();
  const roots = [
    path.join(repoRoot, 'apps'),
    path.join(repoRoot, 'libs', 'platform', 'src'),
    path.join(repoRoot, 'scripts', 'serve-web'),
  ];
  for (const file of roots.flatMap((root) => listFiles(root))) {
    if (!/config\.ts$/.test(file) || file.endsWith('.spec.ts')) {
      continue;
    }
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^\s+(?:readonly\s+)?([A-Z][A-Z0-9_]+)[?!]?\s*[:=]/gm)) {
      declared.set(match[1], path.relative(repoRoot, file));
    }
  }

  return declared;
}

function listFiles(directory) {
  if (!fs.existsSync(directory)) {
    return [];
  }

  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);

    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

module.exports = {
  APPS,
  COMPOSE_OPTIONAL_APPS,
  DEFAULT_PORTS,
  REQUIRED_SETTINGS,
  findDeclaredSettings,
};
