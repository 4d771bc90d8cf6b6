import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

const contracts = fileURLToPath(new URL('../../libs/contracts/src/', import.meta.url));
const gatewayUrl = process.env.GATEWAY_URL ?? 'http://localhost:3000';

// The web front is built to dist/web, which the gateway serves at `/` and the `web` image
// serves on its own. In development, `vite` proxies the API to a running gateway.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  resolve: {
    // Only decorator-free files of the contracts are imported at run time (enums, labels,
    // SIRET checks); everything else is `import type` and erased.
    alias: [{ find: /^@tps\/contracts\/(.*)$/, replacement: `${contracts}$1` }],
  },
  oxc: { jsx: { runtime: 'automatic' } },
  // The DSFR stylesheets keep old Internet Explorer media hacks; drop them instead of failing.
  css: { lightningcss: { errorRecovery: true } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      onwarn(warning, warn) {
        // react-router marks its modules "use client" for server components; a SPA has none.
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') {
          warn(warning);
        }
      },
    },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': {
        target: gatewayUrl,
        // The gateway only accepts cookie writes from PUBLIC_URL's origin; the dev server is
        // another origin, so it presents the gateway's own.
        headers: { origin: new URL(gatewayUrl).origin },
      },
    },
  },
});
