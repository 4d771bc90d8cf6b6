# syntax=docker/dockerfile:1
# One image for the five TPS apps and the web front; the APP variable picks the app at start:
#   docker run -e APP=gateway -e DATABASE_URL=... -p 3000:3000 tps
#   docker run -e APP=web -p 8080:8080 tps
# APP is one of gateway, procedures, dossiers, notifications, enrichment, web (the built front
# alone, dist/web served by dist/scripts/serve-web.js, for a Kubernetes ingress that sends /api to
# the gateway), or api-entreprise-sandbox (the local stand-in for API Entreprise, for
# docker-compose only). The gateway serves the same front at / unless WEB_ROOT is empty.

# --- build: install every dependency, compile TypeScript, build the web front (Vite, from
# apps/web into dist/web), then drop the dev dependencies ---
FROM node:20-bookworm-slim AS build
WORKDIR /app

# The lockfile layer changes less often than the sources, so npm ci stays cached.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY scripts ./scripts
COPY libs ./libs
COPY apps ./apps
COPY test ./test
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# --- runtime: compiled code and production dependencies only, run as a non-root user ---
FROM node:20-bookworm-slim AS runtime

# tini is PID 1: it forwards SIGTERM to node and reaps zombies, so Kubernetes' graceful
# termination reaches Nest's shutdown hooks. -s keeps it working under `docker run --init` too.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*

ENV NODE_ENV=production
WORKDIR /app

COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --chmod=0755 scripts/docker-entrypoint.sh /usr/local/bin/tps-entrypoint

# The node user (uid 1000) from the base image; numeric so runAsNonRoot can verify it.
USER 1000:1000

# Documentation only: each app listens on HTTP_PORT (gateway 3000 ... enrichment 3004, web 8080).
# No HEALTHCHECK: Kubernetes probes and the docker-compose healthchecks call /health and /ready.
EXPOSE 3000 3001 3002 3003 3004 8080

ENTRYPOINT ["/usr/bin/tini", "-s", "--", "/usr/local/bin/tps-entrypoint"]
