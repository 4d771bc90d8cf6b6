// Checks on a rendered set of Kubernetes objects: structure, cross-references between
// objects, and the rules every TPS Deployment follows (probes, resources, security, settings).
const { checkIngresses } = require('./check-ingress');
const { APPS, REQUIRED_SETTINGS } = require('./settings');

const API_VERSIONS = {
  ConfigMap: 'v1',
  Secret: 'v1',
  Service: 'v1',
  Namespace: 'v1',
  Deployment: 'apps/v1',
  Job: 'batch/v1',
  HorizontalPodAutoscaler: 'autoscaling/v2',
  PodDisruptionBudget: 'policy/v1',
  NetworkPolicy: 'networking.k8s.io/v1',
  Ingress: 'networking.k8s.io/v1',
};
const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Returns the problems found in `objects`, each a sentence naming the object. `secretKeys`
 * lists the keys of the Secret documented in secret.example.yaml, which is never rendered.
 */
function checkKubernetesObjects(objects, { secretName, secretKeys }) {
  const problems = [];
  const report = (object, message) =>
    problems.push(`${object.kind ?? '?'}/${object.metadata?.name ?? '?'}: ${message}`);

  const seen = new Set();
  for (const object of objects) {
    checkStructure(object, report, seen);
  }
  const byKind = (kind) => objects.filter((object) => object.kind === kind);
  const deployments = byKind('Deployment');
  const configMaps = new Map(byKind('ConfigMap').map((map) => [map.metadata.name, map.data ?? {}]));

  for (const map of byKind('ConfigMap')) {
    for (const [key, value] of Object.entries(map.data ?? {})) {
      if (typeof value !== 'string') {
        report(map, `data.${key} is ${JSON.stringify(value)}, not a string; quote it`);
      }
    }
  }
  for (const deployment of deployments) {
    checkDeployment(deployment, (message) => report(deployment, message), {
      configMaps,
      secretName,
      secretKeys,
    });
  }
  for (const service of byKind('Service')) {
    checkService(service, deployments, (message) => report(service, message));
  }
  for (const autoscaler of byKind('HorizontalPodAutoscaler')) {
    checkAutoscaler(autoscaler, deployments, (message) => report(autoscaler, message));
  }
  for (const budget of byKind('PodDisruptionBudget')) {
    const matches = deployments.filter((d) => selects(budget.spec?.selector, podLabels(d)));
    if (matches.length === 0) {
      report(budget, 'selector matches no Deployment');
    }
    if ((budget.spec?.minAvailable == null) === (budget.spec?.maxUnavailable == null)) {
      report(budget, 'needs exactly one of minAvailable and maxUnavailable');
    }
  }
  for (const policy of byKind('NetworkPolicy')) {
    const selector = policy.spec?.podSelector;
    if (selector == null) {
      report(policy, 'spec.podSelector is missing (use {} for every pod)');
    } else if (!deployments.some((d) => selects(selector, podLabels(d)))) {
      report(policy, 'podSelector matches no Deployment');
    }
    for (const type of policy.spec?.policyTypes ?? []) {
      if (!['Ingress', 'Egress'].includes(type)) {
        report(policy, `policyTypes has '${type}', expected Ingress or Egress`);
      }
    }
  }

  for (const app of APPS) {
    for (const kind of ['Deployment', 'Service', 'PodDisruptionBudget']) {
      if (!objects.some((object) => object.kind === kind && object.metadata?.name === app)) {
        problems.push(`${kind}/${app}: missing`);
      }
    }
  }
  if (
    !byKind('HorizontalPodAutoscaler').some(
      (hpa) => hpa.spec?.scaleTargetRef?.name === 'notifications',
    )
  ) {
    problems.push('HorizontalPodAutoscaler for notifications: missing');
  }
  problems.push(...checkIngresses(objects, configMaps.get('tps-config')?.PUBLIC_URL));

  return problems;
}

function checkStructure(object, report, seen) {
  if (!object.kind || !object.apiVersion || !object.metadata?.name) {
    report(object, 'apiVersion, kind and metadata.name are required');

    return;
  }
  const expected = API_VERSIONS[object.kind];
  if (!expected) {
    report(object, `kind ${object.kind} is not one this validator knows; add it to API_VERSIONS`);
  } else if (object.apiVersion !== expected) {
    report(object, `apiVersion is ${object.apiVersion}, expected ${expected}`);
  }
  if (!DNS_1123_LABEL.test(object.metadata.name) || object.metadata.name.length > 63) {
    report(object, 'metadata.name must be a DNS-1123 label (lower case, digits, -; at most 63)');
  }
  const key = `${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
  if (seen.has(key)) {
    report(object, 'defined twice');
  }
  seen.add(key);
}

function checkDeployment(deployment, report, references) {
  const spec = deployment.spec ?? {};
  const podSpec = spec.template?.spec;
  if (!podSpec?.containers?.length) {
    report('spec.template.spec.containers is empty');

    return;
  }
  const matchLabels = spec.selector?.matchLabels;
  if (!matchLabels || Object.keys(matchLabels).length === 0) {
    report('spec.selector.matchLabels is empty');
  } else if (!selects(spec.selector, podLabels(deployment))) {
    report(`selector ${JSON.stringify(matchLabels)} does not match the pod template labels`);
  }
  if (podSpec.terminationGracePeriodSeconds == null) {
    report('terminationGracePeriodSeconds is not set');
  }
  const podSecurity = podSpec.securityContext ?? {};
  const volumes = new Map((podSpec.volumes ?? []).map((volume) => [volume.name, volume]));

  for (const container of podSpec.containers) {
    const say = (message) => report(`container ${container.name}: ${message}`);
    if (!container.image) {
      say('image is missing');
    }
    const ports = container.ports ?? [];
    checkProbe(container.startupProbe, 'startupProbe', '/health', ports, say);
    checkProbe(container.livenessProbe, 'livenessProbe', '/health', ports, say);
    checkProbe(container.readinessProbe, 'readinessProbe', '/ready', ports, say);
    for (const bound of ['requests', 'limits']) {
      for (const resource of ['cpu', 'memory']) {
        if (container.resources?.[bound]?.[resource] == null) {
          say(`resources.${bound}.${resource} is missing`);
        }
      }
    }
    const security = container.securityContext ?? {};
    if (!(security.runAsNonRoot ?? podSecurity.runAsNonRoot)) {
      say('runAsNonRoot is not true');
    }
    if (security.readOnlyRootFilesystem !== true) {
      say('securityContext.readOnlyRootFilesystem is not true');
    }
    if (security.allowPrivilegeEscalation !== false) {
      say('securityContext.allowPrivilegeEscalation is not false');
    }
    for (const mount of container.volumeMounts ?? []) {
      if (!volumes.has(mount.name)) {
        say(`volumeMount ${mount.name} refers to no volume`);
      }
    }
    const tmp = (container.volumeMounts ?? []).find((mount) => mount.mountPath === '/tmp');
    if (!tmp || !volumes.get(tmp.name)?.emptyDir) {
      say('/tmp must be an emptyDir mount (the root filesystem is read-only)');
    }
    checkEnvironment(container, say, references);
  }
}

function checkProbe(probe, field, expectedPath, ports, say) {
  if (!probe) {
    say(`${field} is missing`);

    return;
  }
  if (probe.httpGet?.path !== expectedPath) {
    say(`${field} must be an httpGet on ${expectedPath}, found ${JSON.stringify(probe.httpGet)}`);

    return;
  }
  const port = probe.httpGet.port;
  if (!ports.some((candidate) => candidate.name === port || candidate.containerPort === port)) {
    say(`${field} port ${port} is not a containerPort`);
  }
}

/** Checks env, envFrom and their references, and that the app gets all its settings. */
function checkEnvironment(container, say, { configMaps, secretName, secretKeys }) {
  const provided = new Set();
  for (const variable of container.env ?? []) {
    provided.add(variable.name);
    if ('value' in variable && typeof variable.value !== 'string') {
      say(
        `env ${variable.name} must be a string, found ${JSON.stringify(variable.value)}; quote it`,
      );
    }
    const configKey = variable.valueFrom?.configMapKeyRef;
    if (configKey && !(configMaps.get(configKey.name) ?? {})[configKey.key]) {
      say(
        `env ${variable.name} refers to missing ConfigMap key ${configKey.name}/${configKey.key}`,
      );
    }
    const secretKey = variable.valueFrom?.secretKeyRef;
    if (secretKey && (secretKey.name !== secretName || !secretKeys.includes(secretKey.key))) {
      say(
        `env ${variable.name} refers to Secret key ${secretKey.name}/${secretKey.key}, ` +
          'which secret.example.yaml does not document',
      );
    }
  }
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) {
      const data = configMaps.get(source.configMapRef.name);
      if (!data) {
        say(`envFrom refers to missing ConfigMap ${source.configMapRef.name}`);
        continue;
      }
      Object.keys(data).forEach((key) => provided.add(key));
    }
    if (source.secretRef) {
      say('envFrom secretRef hands every secret to the app; use env secretKeyRef per key');
    }
  }

  const app = (container.env ?? []).find((variable) => variable.name === 'APP')?.value;
  if (!APPS.includes(app)) {
    say(`env APP is ${JSON.stringify(app)}, expected one of ${APPS.join(', ')}`);

    return;
  }
  const missing = REQUIRED_SETTINGS[app].filter((name) => !provided.has(name));
  if (missing.length > 0) {
    say(`app ${app} does not receive ${missing.join(', ')}`);
  }
}

function checkService(service, deployments, report) {
  const selector = service.spec?.selector;
  if (!selector || Object.keys(selector).length === 0) {
    report('spec.selector is empty');

    return;
  }
  const matches = deployments.filter((d) => selects({ matchLabels: selector }, podLabels(d)));
  if (matches.length !== 1) {
    report(
      `selector ${JSON.stringify(selector)} matches ${matches.length} Deployments, expected 1`,
    );

    return;
  }
  const containerPorts = matches[0].spec.template.spec.containers.flatMap((c) => c.ports ?? []);
  for (const port of service.spec.ports ?? []) {
    const target = port.targetPort ?? port.port;
    if (!containerPorts.some((p) => p.name === target || p.containerPort === target)) {
      report(
        `targetPort ${target} is not a containerPort of Deployment/${matches[0].metadata.name}`,
      );
    }
  }
}

function checkAutoscaler(autoscaler, deployments, report) {
  const reference = autoscaler.spec?.scaleTargetRef ?? {};
  const target = deployments.find((d) => d.metadata.name === reference.name);
  if (reference.kind !== 'Deployment' || !target) {
    report(`scaleTargetRef ${JSON.stringify(reference)} is not a Deployment of this rendering`);

    return;
  }
  const { minReplicas = 1, maxReplicas } = autoscaler.spec;
  if (!(maxReplicas >= minReplicas)) {
    report(`maxReplicas (${maxReplicas}) must be at least minReplicas (${minReplicas})`);
  }
  if (target.spec.replicas != null) {
    report(
      `Deployment/${reference.name} sets replicas, which fights the autoscaler on every apply`,
    );
  }
  const usesCpu = (autoscaler.spec.metrics ?? []).some((m) => m.resource?.name === 'cpu');
  const cpuRequested = target.spec.template.spec.containers.every(
    (c) => c.resources?.requests?.cpu,
  );
  if (usesCpu && !cpuRequested) {
    report('scales on CPU utilization but the target containers have no cpu request');
  }
}

function podLabels(deployment) {
  return deployment.spec?.template?.metadata?.labels ?? {};
}

/** Applies a label selector (matchLabels and the In/NotIn/Exists/DoesNotExist expressions). */
function selects(selector, labels) {
  if (!selector) {
    return false;
  }
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpressions = (selector.matchExpressions ?? []).every(({ key, operator, values }) => {
    switch (operator) {
      case 'In':
        return values.includes(labels[key]);
      case 'NotIn':
        return !values.includes(labels[key]);
      case 'Exists':
        return key in labels;
      case 'DoesNotExist':
        return !(key in labels);
      default:
        return false;
    }
  });

  return byLabels && byExpressions;
}

module.exports = { checkKubernetesObjects };
