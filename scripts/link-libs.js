// Makes the compiled libraries resolvable as @tps/<name> from everything under dist/.
// Node walks up from dist/apps/<app>/src to dist/node_modules, so no runtime path hook is needed.
const fs = require('node:fs');
const path = require('node:path');

const dist = path.join(__dirname, '..', 'dist');
for (const lib of fs.readdirSync(path.join(__dirname, '..', 'libs'))) {
  const target = path.join(dist, 'node_modules', '@tps', lib);
  fs.mkdirSync(target, { recursive: true });
  const main = path.relative(target, path.join(dist, 'libs', lib, 'src', 'index.js'));
  fs.writeFileSync(path.join(target, 'package.json'), JSON.stringify({ name: `@tps/${lib}`, main }));
}
