// A small kustomize renderer for the subset of kustomization fields that k8s/ uses, for machines
// without kubectl (which embeds kustomize). Where kubectl is installed, validate-deploy renders
// with both and fails if they differ, so this renderer cannot drift from kustomize unnoticed.
const fs = require('node:fs');
const path = require('node:path');

const { loadYamlDocuments, parseYaml } = require('./yaml-files');

const SUPPORTED_FIELDS = new Set([
  'apiVersion',
  'kind',
  'resources',
  'namespace',
  'labels',
  'images',
  'replicas',
  'patches',
]);
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);
// Kinds without a namespace, which the namespace field leaves alone.
const CLUSTER_KINDS = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
]);

/** Renders the kustomization in `directory` into a list of Kubernetes objects. */
function renderKustomization(directory) {
  const file = path.join(directory, 'kustomization.yaml');
  if (!fs.existsSync(file)) {
    throw new Error(`${directory}: no kustomization.yaml`);
  }
  const [kustomization] = loadYamlDocuments(file);
  for (const field of Object.keys(kustomization)) {
    if (!SUPPORTED_FIELDS.has(field)) {
      throw new Error(
        `${file}: field '${field}' is not supported by the built-in renderer; ` +
          'install kubectl, or extend scripts/validate-deploy/render-kustomize.js',
      );
    }
  }

  let objects = [];
  for (const resource of kustomization.resources ?? []) {
    const target = path.resolve(directory, resource);
    const isDirectory = fs.existsSync(target) && fs.statSync(target).isDirectory();
    objects = objects.concat(isDirectory ? renderKustomization(target) : loadYamlDocuments(target));
  }

  // The same order as kustomize's built-in transformers.
  for (const patch of kustomization.patches ?? []) {
    applyPatch(objects, patch, file);
  }
  if (kustomization.namespace) {
    for (const object of objects) {
      if (!CLUSTER_KINDS.has(object.kind)) {
        object.metadata.namespace = kustomization.namespace;
      }
    }
  }
  for (const labelSet of kustomization.labels ?? []) {
    applyLabels(objects, labelSet);
  }
  for (const image of kustomization.images ?? []) {
    applyImage(objects, image);
  }
  for (const replica of kustomization.replicas ?? []) {
    const targets = objects.filter(
      (object) => WORKLOAD_KINDS.has(object.kind) && object.metadata.name === replica.name,
    );
    if (targets.length === 0) {
      throw new Error(`${file}: replicas: no workload named '${replica.name}'`);
    }
    for (const object of targets) {
      object.spec.replicas = replica.count;
    }
  }

  return objects;
}

/** Applies one `patches` entry; only inline JSON 6902 patches with a kind/name target. */
function applyPatch(objects, patch, file) {
  if (typeof patch.patch !== 'string' || patch.path || !patch.target) {
    throw new Error(`${file}: only inline JSON 6902 patches with a target are supported`);
  }
  const operations = parseYaml(patch.patch, `${file} patch on ${JSON.stringify(patch.target)}`);
  if (!Array.isArray(operations)) {
    throw new Error(`${file}: strategic merge patches are not supported by the built-in renderer`);
  }
  const nameMatcher = patch.target.name ? new RegExp(`^(?:${patch.target.name})$`) : null;
  const targets = objects.filter(
    (object) =>
      (!patch.target.kind || object.kind === patch.target.kind) &&
      (!nameMatcher || nameMatcher.test(object.metadata.name)),
  );
  if (targets.length === 0) {
    throw new Error(`${file}: patch target ${JSON.stringify(patch.target)} matches no object`);
  }
  for (const object of targets) {
    for (const operation of operations) {
      applyJsonPatchOperation(object, operation, `${file}: ${object.kind}/${object.metadata.name}`);
    }
  }
}

/** Applies one RFC 6902 operation (add, replace, remove) in place. */
function applyJsonPatchOperation(document, operation, origin) {
  const tokens = operation.path
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = tokens.pop();
  let parent = document;
  for (const token of tokens) {
    parent = parent?.[Array.isArray(parent) ? Number(token) : token];
  }
  if (parent == null || typeof parent !== 'object') {
    throw new Error(`${origin}: patch path ${operation.path} does not exist`);
  }
  const exists = Array.isArray(parent) ? Number(last) < parent.length : last in parent;
  switch (operation.op) {
    case 'add':
      if (Array.isArray(parent)) {
        parent.splice(last === '-' ? parent.length : Number(last), 0, operation.value);
      } else {
        parent[last] = operation.value;
      }
      break;
    case 'replace':
    case 'remove':
      if (!exists) {
        throw new Error(`${origin}: cannot ${operation.op} missing path ${operation.path}`);
      }
      if (operation.op === 'replace') {
        parent[last] = operation.value;
      } else if (Array.isArray(parent)) {
        parent.splice(Number(last), 1);
      } else {
        delete parent[last];
      }
      break;
    default:
      throw new Error(
        `${origin}: patch op '${operation.op}' is not supported by the built-in renderer`,
      );
  }
}

function applyLabels(objects, labelSet) {
  if (labelSet.includeSelectors) {
    throw new Error(
      'labels with includeSelectors: true are not supported by the built-in renderer',
    );
  }
  for (const object of objects) {
    object.metadata.labels = { ...object.metadata.labels, ...labelSet.pairs };
    if (labelSet.includeTemplates && WORKLOAD_KINDS.has(object.kind)) {
      const template = object.spec.template;
      template.metadata = template.metadata ?? {};
      template.metadata.labels = { ...template.metadata.labels, ...labelSet.pairs };
    }
  }
}

function applyImage(objects, image) {
  for (const object of objects.filter((candidate) => WORKLOAD_KINDS.has(candidate.kind))) {
    const podSpec = object.spec.template.spec;
    for (const container of [...(podSpec.initContainers ?? []), ...podSpec.containers]) {
      const [, name, tag] = /^(.*?)(?::([^:/@]+))?$/.exec(container.image);
      if (name !== image.name) {
        continue;
      }
      const newName = image.newName ?? name;
      const newTag = image.newTag ?? tag;
      container.image = newTag ? `${newName}:${newTag}` : newName;
    }
  }
}

module.exports = { renderKustomization };
