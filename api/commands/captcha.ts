import crypto from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import svgCaptcha from 'svg-captcha';
import { sameClient } from '../auth/client-binding';
import { fail } from '../errors';

const TTL_MS = 5 * 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Image captchas. Only a keyed hash of the answer is stored, and an answer is consumed on its
 * first check (right or wrong), so one image cannot be tried twice. In development and tests the
 * answers are also kept in memory for the /dev/captcha route (tests read them like a person would).
 * A captcha answers only for the browser that fetched the image (`client`, api/auth/client-binding.ts).
 */
export function createCaptchas(prisma: PrismaClient, secret: string, { exposeAnswers }: { exposeAnswers: boolean }) {
  const answers = new Map<string, string>();
  const hash = (id: string, answer: string) =>
    crypto.createHmac('sha256', secret).update(`${id}:${answer.trim().toLowerCase()}`).digest('hex');

  return {
    async create(client: string) {
      const image = svgCaptcha.create({ size: 5, noise: 3, ignoreChars: '0oO1ilI', color: true, background: '#f4f6f8' });
      const id = crypto.randomUUID();
      await prisma.captcha.create({
        data: { id, answerHash: hash(id, image.text), expiresAt: new Date(Date.now() + TTL_MS), clientHash: client },
      });
      if (exposeAnswers) answers.set(id, image.text);
      return { id, svg: image.data };
    },

    /** Throws CAPTCHA_INVALID (field captchaAnswer) unless the answer is right, fresh and unused. */
    async consume(id: string, answer: string, client: string | undefined) {
      // One statement marks it used and returns what to compare (the login path's only captcha query).
      const rows = UUID.test(id)
        ? await prisma.$queryRaw<{ answer_hash: string; client_hash: string | null }[]>`
            UPDATE captchas SET used_at = now()
            WHERE id = ${id}::uuid AND used_at IS NULL AND expires_at > now()
            RETURNING answer_hash, client_hash`
        : [];
      const row = rows[0];
      const ok =
        row !== undefined &&
        sameClient(row.client_hash, client) &&
        crypto.timingSafeEqual(Buffer.from(row.answer_hash), Buffer.from(hash(id, answer)));
      answers.delete(id);
      if (!ok) throw fail('CAPTCHA_INVALID', undefined, { captchaAnswer: '驗證碼錯誤，請重新輸入' });
    },

    answerFor: (id: string) => answers.get(id),
  };
}

export type Captchas = ReturnType<typeof createCaptchas>;
