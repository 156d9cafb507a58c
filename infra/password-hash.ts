import argon2 from 'argon2';

/**
 * The one set of argon2id parameters for every password the SSO stores (README 「密碼雜湊」):
 * OWASP's recommended minimum, m = 19 MiB (19 456 KiB), t = 2 iterations, p = 1 lane, 32-byte hash,
 * 16-byte random salt. argon2.verify reads the parameters from the stored PHC string, so raising
 * them later keeps old hashes verifiable.
 */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1, hashLength: 32 } as const;

export const hashPassword = (password: string) => argon2.hash(password, ARGON2_OPTIONS);

/** False for a wrong password and for a malformed hash (never throws on user input). */
export const verifyPassword = (hash: string, password: string) => argon2.verify(hash, password).catch(() => false);
