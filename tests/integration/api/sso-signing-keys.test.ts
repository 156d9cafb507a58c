import { afterAll, describe, expect, it } from 'vitest';
import { createPrisma } from '../../../infra/db/prisma';
import { createSigningKeys } from '../../../api/sso/signing-keys';
import { testEnv } from '../../support/env';

const env = testEnv();
const prisma = createPrisma(env.DATABASE_URL);
afterAll(() => prisma.$disconnect());

describe('SSO signing keys', () => {
  it('rotates: the new key signs, the retired one stays published, private parts never published', async () => {
    const keys = createSigningKeys(prisma, Buffer.from(process.env.DATA_KEY!, 'base64'));
    const before = await keys.current();
    const fingerprint = await keys.fingerprint();
    const kid = await keys.rotate();
    try {
      expect((await keys.current()).kid).toBe(kid);
      expect(await keys.fingerprint()).not.toBe(fingerprint);
      const published = (await keys.jwks()).keys;
      expect(published.map((k) => k.kid)).toEqual(expect.arrayContaining([kid, before.kid]));
      expect(published[0]!.kid).toBe(kid);
      for (const key of published) expect(key).not.toHaveProperty('d');
      const row = await prisma.oidcSigningKey.findUniqueOrThrow({ where: { kid } });
      expect(Buffer.from(row.privateJwkCipher).toString('latin1')).not.toContain('"kty"');
    } finally {
      // Leave the running API's key set as it was: the new key retired, the old one active again.
      await prisma.oidcSigningKey.delete({ where: { kid } });
      await prisma.oidcSigningKey.update({ where: { kid: before.kid }, data: { retiredAt: null } });
    }
  });
});
