# One image for the API and the worker (different commands), and a static web build served by nginx.
FROM node:20.20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npx prisma generate && npx vite build --config web/vite.config.ts

FROM node:20.20-bookworm-slim AS app
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "api/main.ts"]

FROM nginx:1.27-alpine AS web
COPY --from=build /app/web/dist /usr/share/nginx/html
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
