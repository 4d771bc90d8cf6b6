// YAML loading shared by the deployment checks.
const fs = require('node:fs');

let jsYaml;
try {
  jsYaml = require('js-yaml');
} catch {
  throw new Error(
    'validate-deploy needs the js-yaml package (5.x); run `npm ci` (it comes with @nestjs/swagger)',
  );
}

// YAML 1.1, as Kubernetes (sigs.k8s.io/yaml) reads it: `yes` is a boolean and `<<` merges maps.
// js-yaml 5 names that schema YAML11_SCHEMA; the default schema of js-yaml 3 and 4 is YAML 1.1.
const LOAD_OPTIONS = jsYaml.YAML11_SCHEMA ? { schema: jsYaml.YAML11_SCHEMA } : {};

/** Parses every document of a YAML file and drops empty ones. A parse error names the file. */
function loadYamlDocuments(file) {
  const text = fs.readFileSync(file, 'utf8');
  try {
    return jsYaml.loadAll(text, LOAD_OPTIONS).filter((document) => document != null);
  } catch (error) {
    throw new Error(`${file}: invalid YAML: ${error.message}`);
  }
}

/** Parses a YAML string that contains one document. */
function parseYaml(text, origin) {
  try {
    return jsYaml.load(text, LOAD_OPTIONS);
  } catch (error) {
    throw new Error(`${origin}: invalid YAML: ${error.message}`);
  }
}

module.exports = { loadYamlDocuments, parseYaml };
