// Prisma CLI configuration. Migrate runs on the WASM schema engine through the pg driver adapter,
// so `prisma migrate` / `prisma generate` need no Rust engine binary (none can be downloaded
// here). The CLI additionally needs the env from prisma/offline-env.mjs (see prisma/README.md).
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'tsx prisma/seed.ts',
  },
  experimental: { adapter: true },
  engine: 'js',
  // Called only by commands that talk to the database, so `prisma generate` works without it.
  adapter: async () => {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error('DATABASE_URL is not set');
    return new PrismaPg({ connectionString });
  },
});
