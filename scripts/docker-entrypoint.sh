#!/bin/sh
# Container entrypoint: starts the app named by $APP with node, replacing this shell so that
# tini's signals reach node directly.
set -eu

case "${APP:-}" in
  gateway | procedures | dossiers | notifications | enrichment)
    entry="dist/apps/${APP}/src/main.js"
    ;;
  web)
    entry="dist/scripts/serve-web.js"
    ;;
  api-entreprise-sandbox)
    entry="dist/apps/enrichment/src/sandbox/api-entreprise-sandbox.main.js"
    ;;
  *)
    echo "tps-entrypoint: APP is '${APP:-}' (missing or invalid); set it to one of:" \
      "gateway, procedures, dossiers, notifications, enrichment, web, api-entreprise-sandbox" >&2
    exit 64
    ;;
esac

if [ ! -f "/app/${entry}" ]; then
  echo "tps-entrypoint: /app/${entry} not found: npm run build did not emit it into this image" >&2
  exit 66
fi

cd /app
exec node "${entry}" "$@"
