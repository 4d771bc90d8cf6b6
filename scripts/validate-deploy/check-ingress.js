// Checks of the Ingress objects of a rendering. Each backend must be a Service port of the
// rendering and each host the one of PUBLIC_URL. The public routes of TPS must exist (/api to
// the gateway, / to the web front), and the gateway then serves the API only.

/** The routes the site needs: the browser reaches the front and the API on one origin. */
const REQUIRED_ROUTES = [
  { path: '/api', service: 'gateway' },
  { path: '/', service: 'web' },
];

/**
 * Returns the problems found in the Ingress objects, each a sentence naming the object.
 * `publicUrl` is PUBLIC_URL of the tps-config ConfigMap, when the rendering has one.
 */
function checkIngresses(objects, publicUrl) {
  const problems = [];
  const ingresses = objects.filter((object) => object.kind === 'Ingress');
  const services = new Map(
    objects
      .filter((object) => object.kind === 'Service')
      .map((service) => [service.metadata.name, service]),
  );
  const publicHost = publicUrl ? hostnameOf(publicUrl) : null;

  for (const ingress of ingresses) {
    const report = (message) => problems.push(`Ingress/${ingress.metadata.name}: ${message}`);
    for (const rule of ingress.spec?.rules ?? []) {
      if (publicHost && rule.host !== publicHost) {
        report(`host ${rule.host} differs from the host of PUBLIC_URL (${publicHost})`);
      }
      for (const route of rule.http?.paths ?? []) {
        checkBackend(route, services, report);
      }
    }
    for (const tls of ingress.spec?.tls ?? []) {
      for (const host of tls.hosts ?? []) {
        if (publicHost && host !== publicHost) {
          report(`TLS host ${host} differs from the host of PUBLIC_URL (${publicHost})`);
        }
      }
    }
  }

  const routes = ingresses.flatMap((ingress) =>
    (ingress.spec?.rules ?? []).flatMap((rule) => rule.http?.paths ?? []),
  );
  for (const required of REQUIRED_ROUTES) {
    const found = routes.some(
      (route) => route.path === required.path && route.backend?.service?.name === required.service,
    );
    if (!found) {
      problems.push(`Ingress: no rule routes ${required.path} to Service/${required.service}`);
    }
  }
  if (routes.some((route) => route.path === '/' && route.backend?.service?.name === 'web')) {
    checkGatewayApiOnly(objects, problems);
  }

  return problems;
}

/** Checks that a path's backend names a Service of the rendering and one of its ports. */
function checkBackend(route, services, report) {
  const backend = route.backend?.service;
  if (!backend?.name) {
    report(`path ${route.path} has no backend service`);

    return;
  }
  if (!['Prefix', 'Exact', 'ImplementationSpecific'].includes(route.pathType)) {
    report(`path ${route.path} has pathType ${route.pathType}, expected Prefix or Exact`);
  }
  const service = services.get(backend.name);
  if (!service) {
    report(`path ${route.path} goes to Service/${backend.name}, which is not in the rendering`);

    return;
  }
  const port = backend.port ?? {};
  const matches = (service.spec?.ports ?? []).some(
    (candidate) =>
      (port.name !== undefined && candidate.name === port.name) ||
      (port.number !== undefined && candidate.port === port.number),
  );
  if (!matches) {
    report(
      `path ${route.path} goes to port ${JSON.stringify(port)}, ` +
        `which Service/${backend.name} does not expose`,
    );
  }
}

/**
 * When the web Deployment serves `/`, the gateway should not serve the front too (a second copy
 * to keep in step); WEB_ROOT set to '' turns it off.
 */
function checkGatewayApiOnly(objects, problems) {
  const gateway = objects.find(
    (object) => object.kind === 'Deployment' && object.metadata.name === 'gateway',
  );
  const container = gateway?.spec?.template?.spec?.containers?.[0];
  const webRoot = (container?.env ?? []).find((variable) => variable.name === 'WEB_ROOT');
  if (container && webRoot?.value !== '') {
    problems.push(
      "Deployment/gateway: the Ingress sends / to web, so set env WEB_ROOT to '' (API only)",
    );
  }
}

function hostnameOf(url) {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

module.exports = { checkIngresses };
