# Sputnik Desk production image: Next.js standalone server, non-root.
# Build:  docker build -t sputnik-desk .
# Run:    docker run -p 3000:3000 -e DATABASE_URL=… -e AUTH_SECRET=… -e SETTINGS_ENCRYPTION_KEY=… \
#                    -e ADMIN_EMAIL=… -e ADMIN_PASSWORD=… sputnik-desk
# Without DATABASE_URL the embedded database lives in the /data volume.
FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build

FROM node:22-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 DATA_DIR=/data AUTH_TRUST_HOST=true
RUN groupadd --system app && useradd --system --gid app --home /app app && mkdir -p /data && chown app:app /data
COPY --from=build --chown=app:app /app/.next/standalone ./
COPY --from=build --chown=app:app /app/.next/static ./.next/static
COPY --from=build --chown=app:app /app/db/migrations ./db/migrations
USER app
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# server.js runs instrumentation.ts first: it validates the environment and applies the committed
# migrations (under a PostgreSQL advisory lock, so several replicas can start together), then serves.
CMD ["node", "server.js"]
