// Checks of docker-compose.yml that a compose schema does not cover: dependency targets and
// conditions, named volumes, host ports, and the settings of each app. validate-deploy also runs
// `docker compose config` or `docker-compose config` for the schema where either is installed.
const path = require('node:path');

const { loadYamlDocuments } = require('./yaml-files');
const { APPS, COMPOSE_OPTIONAL_APPS, DEFAULT_PORTS, REQUIRED_SETTINGS } = require('./settings');

const CONDITIONS = ['service_started', 'service_healthy', 'service_completed_successfully'];
const SANDBOX = 'api-entreprise-sandbox';

/** Returns the problems found in the compose file, each a sentence naming the service. */
function checkComposeFile(file) {
  const problems = [];
  const [compose] = loadYamlDocuments(file);
  const services = compose?.services ?? {};
  const volumes = compose?.volumes ?? {};
  const shownFile = path.basename(file);
  const report = (name, message) => problems.push(`${shownFile}: service ${name}: ${message}`);
  const hostPorts = new Map();

  for (const [name, service] of Object.entries(services)) {
    if (!service.image && !service.build) {
      report(name, 'has neither image nor build');
    }
    for (const [dependency, options] of Object.entries(normalizeDependsOn(service.depends_on))) {
      const target = services[dependency];
      if (!target) {
        report(name, `depends_on ${dependency}, which is not a service`);
        continue;
      }
      if (!CONDITIONS.includes(options.condition)) {
        report(name, `depends_on ${dependency} has condition ${options.condition}`);
      }
      if (options.condition === 'service_healthy' && !target.healthcheck) {
        report(name, `waits for ${dependency} to be healthy, but ${dependency} has no healthcheck`);
      }
    }
    for (const mount of service.volumes ?? []) {
      const source = typeof mount === 'string' ? mount.split(':')[0] : mount.source;
      const isNamed = source && !source.startsWith('.') && !source.startsWith('/');
      if (isNamed && !(source in volumes)) {
        report(name, `mounts volume ${source}, which the top-level volumes do not define`);
      }
    }
    for (const port of service.ports ?? []) {
      const hostPort = String(port).split(':').slice(-2, -1)[0];
      if (hostPort && hostPorts.has(hostPort)) {
        report(name, `host port ${hostPort} is already published by ${hostPorts.get(hostPort)}`);
      }
      hostPorts.set(hostPort, name);
    }
    checkAppEnvironment(name, service, services, report);
  }

  for (const app of [...APPS, SANDBOX]) {
    if (!services[app] && !COMPOSE_OPTIONAL_APPS.includes(app)) {
      problems.push(`${shownFile}: service ${app} is missing`);
    }
  }

  return problems;
}

/** Checks that an app service sets APP, its settings and default port, and has a healthcheck. */
function checkAppEnvironment(name, service, services, report) {
  const environment = normalizeEnvironment(service.environment);
  const app = environment.APP;
  if (app === undefined) {
    return;
  }
  if (app === SANDBOX) {
    if (!environment.HTTP_PORT) {
      report(name, 'sets no HTTP_PORT');
    }

    return;
  }
  if (!APPS.includes(app)) {
    report(name, `APP is ${app}, expected one of ${APPS.join(', ')} or ${SANDBOX}`);

    return;
  }
  const missing = REQUIRED_SETTINGS[app].filter((key) => environment[key] === undefined);
  if (missing.length > 0) {
    report(name, `does not set ${missing.join(', ')}`);
  }
  if (environment.HTTP_PORT !== undefined && Number(environment.HTTP_PORT) !== DEFAULT_PORTS[app]) {
    report(name, `HTTP_PORT is ${environment.HTTP_PORT}, expected ${DEFAULT_PORTS[app]}`);
  }
  if (!service.healthcheck) {
    report(name, 'has no healthcheck');
  }
  for (const [key, value] of Object.entries(environment)) {
    if (typeof value !== 'string') {
      report(
        name,
        `environment ${key} is ${JSON.stringify(value)}; quote it so YAML keeps a string`,
      );
    }
  }
  const url = environment.API_ENTREPRISE_URL;
  const host = url && /^https?:\/\/([^:/]+)/.exec(url)?.[1];
  if (host && !services[host] && host.includes('sandbox')) {
    report(name, `API_ENTREPRISE_URL points to ${host}, which is not a service`);
  }
}

function normalizeDependsOn(dependsOn) {
  if (Array.isArray(dependsOn)) {
    return Object.fromEntries(dependsOn.map((name) => [name, { condition: 'service_started' }]));
  }

  return dependsOn ?? {};
}

function normalizeEnvironment(environment) {
  if (Array.isArray(environment)) {
    return Object.fromEntries(
      environment.map((entry) => {
        const [key, ...rest] = entry.split('=');

        return [key, rest.join('=')];
      }),
    );
  }

  return environment ?? {};
}

module.exports = { checkComposeFile };
