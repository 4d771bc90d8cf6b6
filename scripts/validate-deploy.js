#!/usr/bin/env node
// Validates the deployment files offline: renders the kustomize base and every overlay and checks
// the objects, checks docker-compose.yml (with docker compose or docker-compose where installed),
// .env.example and the image entrypoint.
// Usage: node scripts/validate-deploy.js [--renderer=auto|kubectl|builtin]
//   auto (default): kubectl kustomize where kubectl exists, and the built-in renderer too, and
//   the two renderings must agree; builtin: the built-in renderer only.
// Exits 1 and lists every problem found.
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { checkComposeFile } = require('./validate-deploy/check-compose');
const { checkKubernetesObjects } = require('./validate-deploy/check-k8s');
const { renderKustomization } = require('./validate-deploy/render-kustomize');
const { APPS, REQUIRED_SETTINGS, findDeclaredSettings } = require('./validate-deploy/settings');
const { loadYamlDocuments, parseYaml } = require('./validate-deploy/yaml-files');

const ROOT = path.resolve(__dirname, '..');
const SECRET_EXAMPLE = path.join(ROOT, 'k8s', 'base', 'secret.example.yaml');

function main() {
  const rendererOption = /^--renderer=(.+)$/.exec(process.argv[2] ?? '')?.[1] ?? 'auto';
  if (!['auto', 'kubectl', 'builtin'].includes(rendererOption)) {
    throw new Error(`unknown --renderer=${rendererOption}; expected auto, kubectl or builtin`);
  }
  const kubectlFound = hasCommand('kubectl', ['version', '--client']);
  if (rendererOption === 'kubectl' && !kubectlFound) {
    throw new Error('--renderer=kubectl: kubectl is not installed');
  }
  const useKubectl = kubectlFound && rendererOption !== 'builtin';
  const renderers = useKubectl ? 'kubectl kustomize + built-in' : 'built-in';
  console.log(`validate-deploy: kustomize renderer: ${renderers}`);

  const problems = [
    ...checkKustomizations(useKubectl),
    ...checkCompose(),
    ...checkEnvExample(),
    ...checkEntrypoint(),
  ];
  if (problems.length > 0) {
    console.error(`validate-deploy: ${problems.length} problem(s):`);
    for (const problem of problems) {
      console.error(`  - ${problem}`);
    }
    process.exit(1);
  }
  console.log('validate-deploy: all deployment files are valid');
}

function checkKustomizations(useKubectl) {
  const [secret] = loadYamlDocuments(SECRET_EXAMPLE);
  const secretReferences = {
    secretName: secret.metadata.name,
    secretKeys: Object.keys(secret.stringData ?? secret.data ?? {}),
  };
  const overlaysRoot = path.join(ROOT, 'k8s', 'overlays');
  const overlays = fs.readdirSync(overlaysRoot).map((name) => path.join('k8s', 'overlays', name));
  const problems = [];

  for (const directory of [path.join('k8s', 'base'), ...overlays]) {
    const say = (message) => problems.push(`${directory}: ${message}`);
    let objects;
    try {
      objects = renderKustomization(path.join(ROOT, directory));
      if (useKubectl) {
        const rendered = execFileSync('kubectl', ['kustomize', path.join(ROOT, directory)], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const fromKubectl = rendered.split(/^---$/m).map((part) => parseYaml(part, directory));
        compareRenderings(fromKubectl, objects, say);
        objects = fromKubectl;
      }
    } catch (error) {
      say(`rendering failed: ${error.stderr?.toString().trim() || error.message}`);
      continue;
    }
    const found = checkKubernetesObjects(objects, secretReferences);
    found.forEach(say);
    if (directory.includes('overlays')) {
      checkOverlay(objects, say);
    }
    console.log(
      `validate-deploy: ${directory}: ${objects.length} objects, ${found.length} problem(s)`,
    );
  }

  return problems;
}

/** Checks that an overlay sets a namespace and pins an image tag other than latest. */
function checkOverlay(objects, say) {
  for (const object of objects) {
    if (!object.metadata?.namespace) {
      say(`${object.kind}/${object.metadata?.name}: no namespace`);
    }
    for (const container of object.spec?.template?.spec?.containers ?? []) {
      if (!/:[^:/]+$/.test(container.image) || container.image.endsWith(':latest')) {
        say(`${object.kind}/${object.metadata.name}: image ${container.image} has no pinned tag`);
      }
    }
  }
}

/** Reports each object that the built-in renderer and kubectl kustomize render differently. */
function compareRenderings(fromKubectl, fromBuiltin, say) {
  const index = (objects) =>
    new Map(
      objects.map((o) => [`${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`, o]),
    );
  const expected = index(fromKubectl);
  const actual = index(fromBuiltin);
  for (const key of new Set([...expected.keys(), ...actual.keys()])) {
    if (canonicalJson(expected.get(key)) !== canonicalJson(actual.get(key))) {
      say(
        `the built-in renderer differs from kubectl kustomize on ${key}; ` +
          'fix scripts/validate-deploy/render-kustomize.js',
      );
    }
  }
}

function canonicalJson(value) {
  return JSON.stringify(value, (key, item) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}

/**
 * Runs the structural checks, then the compose file schema check of `docker compose config`
 * (the plugin) or else of `docker-compose config` (Debian's docker-compose 1.29).
 */
function checkCompose() {
  const file = path.join(ROOT, 'docker-compose.yml');
  const problems = checkComposeFile(file);
  const validators = [
    ['docker', ['compose']],
    ['docker-compose', []],
  ];
  const found = validators.find(([command, prefix]) => hasCommand(command, [...prefix, 'version']));
  if (found) {
    const [command, prefix] = found;
    const label = [command, ...prefix, 'config'].join(' ');
    const result = spawnSync(command, [...prefix, '-f', file, 'config', '-q'], {
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      problems.push(`${label} failed: ${result.stderr.trim()}`);
    }
    console.log(`validate-deploy: docker-compose.yml: structural checks and ${label}`);
  } else {
    console.log('validate-deploy: docker-compose.yml: structural checks only (no docker compose)');
  }

  return problems;
}

/** Checks that each setting that apps declare or deployments set is commented in .env.example. */
function checkEnvExample() {
  const file = path.join(ROOT, '.env.example');
  if (!fs.existsSync(file)) {
    return ['.env.example is missing'];
  }
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const documented = new Map();
  lines.forEach((line, index) => {
    const match = /^#?\s*([A-Z][A-Z0-9_]*)=/.exec(line);
    if (match) {
      documented.set(match[1], lines[index - 1]?.startsWith('#') ?? false);
    }
  });
  const expected = new Map(
    Object.values(REQUIRED_SETTINGS)
      .flat()
      .map((name) => [name, 'deployments']),
  );
  for (const [name, source] of findDeclaredSettings(ROOT)) {
    expected.set(name, source);
  }
  const problems = [];
  for (const [name, source] of expected) {
    if (!documented.has(name)) {
      problems.push(`.env.example: ${name} (from ${source}) is missing`);
    } else if (!documented.get(name)) {
      problems.push(`.env.example: ${name} has no comment line above it`);
    }
  }
  console.log(`validate-deploy: .env.example: ${expected.size} settings expected`);

  return problems;
}

/** Checks that the entrypoint handles every APP value and that the image runs as non-root. */
function checkEntrypoint() {
  const problems = [];
  const entrypoint = fs.readFileSync(path.join(ROOT, 'scripts', 'docker-entrypoint.sh'), 'utf8');
  for (const app of [...APPS, 'api-entreprise-sandbox']) {
    if (!entrypoint.includes(app)) {
      problems.push(`scripts/docker-entrypoint.sh: APP=${app} is not handled`);
    }
  }
  const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
  const users = [...dockerfile.matchAll(/^USER\s+(\S+)/gm)].map((match) => match[1]);
  if (users.length === 0 || /^(root|0)(:|$)/.test(users.at(-1))) {
    problems.push('Dockerfile: the final stage must switch to a non-root USER');
  }

  return problems;
}

function hasCommand(command, args) {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

try {
  main();
} catch (error) {
  console.error(`validate-deploy: ${error.message}`);
  process.exit(1);
}
