# syntax=docker/dockerfile:1
# Junction in a container: build the compiled JavaScript with dev dependencies, install production dependencies
# alone, and run as the unprivileged `node` user. Node 24 is the newest LTS line Junction is tested on (20, 22, 24);
# pass --build-arg NODE_VERSION=… to move.
ARG NODE_VERSION=24

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig*.json ./
COPY src ./src
COPY simulators ./simulators
COPY board ./board
# `npm run build` compiles to dist/ and bundles the board into board/dist/; the GraphiQL examples become the
# trusted-documents manifest.
RUN npm run build && node dist/src/main.js print-manifest > dist/trusted-documents.json

FROM node:${NODE_VERSION}-bookworm-slim AS production-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY --from=production-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The board is served from `board/dist/` next to the compiled src/ (src/http/board.ts resolves it relative to itself).
COPY --from=build /app/board/dist ./dist/board/dist
COPY package.json schema.graphql ./
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Without WALDUR_URL/ORCHESTRATION_URL the gateway starts its embedded simulators (a demo); set them in production.
CMD ["node", "dist/src/main.js", "serve"]
