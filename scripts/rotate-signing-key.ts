// Rotates the SSO's signing key: a new RS256 key signs from now on; the previous ones stay published in
// the JWKS so tokens they signed still verify. Every API replica picks the change up within 30 s.
//   DATABASE_URL=… DATA_KEY=… node --import tsx scripts/rotate-signing-key.ts
import { createPrisma } from '../infra/db/prisma';
import { parseEnv } from '../domain/env-schema';
import { createSigningKeys } from '../api/sso/signing-keys';

const env = parseEnv(process.env, ['DATABASE_URL', 'DATA_KEY'] as const);
const prisma = createPrisma(env.DATABASE_URL);
try {
  const kid = await createSigningKeys(prisma, Buffer.from(env.DATA_KEY, 'base64')).rotate();
  console.log(`新的簽章金鑰 (new signing key): ${kid}`);
} finally {
  await prisma.$disconnect();
}
