import argon2 from 'argon2';
import crypto from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { normalizeAccountName, accountNameErrors } from '../../../domain/account-name';
import { PASSWORD_HISTORY_COUNT, PASSWORD_REUSED_MESSAGE } from '../../../domain/password-policy';
import { activationSchema, emailVerificationSchema, verificationCodeSchema } from '../../../domain/schemas/account-application';
import { sealSecret } from '../../../activities/db/secret-box';
import { ARGON2_OPTIONS } from '../../../prisma/seed';
import { activatedSignal } from '../../../workflows/account-application.messages';
import {
  accountAvailable,
  amendApplication,
  applicationFor,
  submitApplication,
  type ApplicationDeps,
} from '../../commands/account-application';
import type { Captchas } from '../../commands/captcha';
import type { EmailVerification } from '../../commands/email-verification';
import { fail } from '../../errors';
import { presentApplication } from '../../presenters/account-application';

const purposeSchema = z.enum(['APPLY', 'AMEND', 'STATUS', 'ACTIVATE'], { error: '驗證用途錯誤' });
const kindSchema = z.enum(['ALL', 'CITY_HALL_UNIT', 'EXTERNAL_AGENCY', 'DISTRICT_OFFICE']).default('ALL');
const idParams = z.object({ id: z.uuid('申請編號格式錯誤') });
const AGENCY_KINDS: Record<string, string[]> = {
  CITY_HALL_UNIT: ['CITY_HALL_UNIT'],
  EXTERNAL_AGENCY: ['EXTERNAL_AGENCY'],
  DISTRICT_OFFICE: ['DISTRICT_OFFICE'],
};

/** Pages reachable without logging in: 個人帳號申請/修改, 申請進度, 開通帳號, and what they need. */
export function publicRoutes(deps: ApplicationDeps & { captchas: Captchas; verification: EmailVerification }) {
  const { prisma, captchas, verification } = deps;
  const router = Router();
  const token = (header: string | undefined) => header?.trim() || undefined;

  router.post('/captcha', async (_req, res) => {
    res.status(201).json(await captchas.create());
  });

  router.post('/verifications/email', async (req, res) => {
    const purpose = purposeSchema.parse(req.body?.purpose);
    const input = emailVerificationSchema.parse(req.body);
    await captchas.consume(input.captchaId, input.captchaAnswer);
    res.status(201).json(await verification.start(purpose, input.email, req.ip));
  });

  router.post('/verifications/email/:id/confirm', async (req, res) => {
    const { id } = z.object({ id: z.uuid('驗證編號格式錯誤') }).parse(req.params);
    const { code } = verificationCodeSchema.parse(req.body);
    res.json(await verification.confirm(id, code));
  });

  router.get('/organizations', async (req, res) => {
    const kind = kindSchema.parse(req.query.kind);
    const orgs = await prisma.organization.findMany({
      where: { retiredAt: null },
      select: { id: true, code: true, name: true, kind: true, parentId: true },
      orderBy: [{ sortOrder: 'asc' }],
    });
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const root = (o: (typeof orgs)[number]) => {
      let node = o;
      while (node.parentId) node = byId.get(node.parentId) ?? node;
      return node;
    };
    const wanted = kind === 'ALL' ? orgs : orgs.filter((o) => AGENCY_KINDS[kind]!.includes(root(o).kind));
    const withChildren = new Set(orgs.map((o) => o.parentId));
    // Parents before children, so the picker can build its levels in one pass.
    const depth = (o: (typeof orgs)[number]) => {
      let d = 0;
      for (let n = o; n.parentId; n = byId.get(n.parentId)!) d++;
      return d;
    };
    const items = wanted
      .map((o) => ({
        code: o.code,
        name: o.name,
        kind: o.kind,
        parentCode: o.parentId ? byId.get(o.parentId)!.code : null,
        hasChildren: withChildren.has(o.id),
        depth: depth(o),
      }))
      .sort((a, b) => a.depth - b.depth);
    res.set('cache-control', 'public, max-age=300').json({ items: items.map(({ depth: _d, ...rest }) => rest) });
  });

  router.get('/account-applications/account-availability', async (req, res) => {
    const account = normalizeAccountName(String(req.query.account ?? ''));
    const errors = accountNameErrors(account, {});
    if (errors.length) return void res.json({ available: false, message: errors[0] });
    const available = await accountAvailable(prisma, account);
    res.json({ available, message: available ? '此帳號可以使用' : '此帳號已被使用' });
  });

  router.post('/account-applications', async (req, res) => {
    const { email } = await verification.require(token(req.get('x-verification-token')), ['APPLY']);
    const created = await submitApplication(deps, email, req.body);
    const row = await applicationFor(prisma, created.id, { email });
    res.status(201).json({ ...(await presentApplication(prisma, row, deps.dataKey)), statusUrl: created.statusUrl });
  });

  router.get('/account-applications/mine', async (req, res) => {
    const { email } = await verification.require(token(req.get('x-verification-token')), ['AMEND', 'STATUS']);
    const rows = await prisma.accountApplication.findMany({
      where: { backupEmail: email },
      include: { organization: true },
      orderBy: { createdAt: 'desc' },
    });
    res.json({ items: await Promise.all(rows.map((row) => presentApplication(prisma, row, deps.dataKey))) });
  });

  router.get('/account-applications/:id/status', async (req, res) => {
    const { id } = idParams.parse(req.params);
    const key = typeof req.query.key === 'string' ? req.query.key : undefined;
    const email = key
      ? undefined
      : (await verification.require(token(req.get('x-verification-token')), ['AMEND', 'STATUS'])).email;
    const row = await applicationFor(prisma, id, { key, email });
    res.json(await presentApplication(prisma, row, deps.dataKey));
  });

  router.put('/account-applications/:id', async (req, res) => {
    const { id } = idParams.parse(req.params);
    const { email } = await verification.require(token(req.get('x-verification-token')), ['AMEND']);
    await amendApplication(deps, email, id, req.body);
    const row = await applicationFor(prisma, id, { email });
    res.json(await presentApplication(prisma, row, deps.dataKey));
  });

  // 開通帳號: the password is hashed for the SSO here and handed to the workflow for AD by reference.
  router.post('/activation', async (req, res) => {
    const { email } = await verification.require(token(req.get('x-verification-token')), ['ACTIVATE']);
    const user = await prisma.user.findFirst({
      where: { backupEmail: email, status: 'PENDING_ACTIVATION' },
      include: { accountApplication: true },
    });
    if (!user) throw fail('VERIFICATION_REQUIRED', '找不到待開通的帳號，請重新驗證');
    const parsed = activationSchema(user.account).safeParse(req.body);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '_');
        fields[key] = fields[key] ? `${fields[key]}；${issue.message}` : issue.message;
      }
      throw fail(fields.newPassword ? 'PASSWORD_POLICY' : 'VALIDATION_FAILED', undefined, fields);
    }
    const { newPassword } = parsed.data;
    const history = await prisma.passwordHistory.findMany({
      where: { userId: user.id },
      orderBy: { createdAt: 'desc' },
      take: PASSWORD_HISTORY_COUNT,
    });
    for (const old of history) {
      if (await argon2.verify(old.hash, newPassword))
        throw fail('PASSWORD_REUSED', PASSWORD_REUSED_MESSAGE(), { newPassword: PASSWORD_REUSED_MESSAGE() });
    }
    const application = user.accountApplication;
    if (!application) throw fail('NOT_FOUND', '找不到此帳號的申請紀錄');
    const hash = await argon2.hash(newPassword, ARGON2_OPTIONS);
    const box = await prisma.secretBox.create({
      data: {
        id: crypto.randomUUID(),
        purpose: 'ad-password',
        cipher: sealSecret(newPassword, deps.dataKey, 'ad-password'),
        expiresAt: new Date(Date.now() + 7 * 86_400_000),
      },
    });
    await prisma.$transaction([
      prisma.user.update({ where: { id: user.id }, data: { passwordHash: hash, passwordChangedAt: new Date() } }),
      prisma.passwordHistory.create({ data: { userId: user.id, hash } }),
    ]);
    await deps.temporal.client.workflow
      .getHandle(application.workflowId)
      .signal(activatedSignal, { userId: user.id, passwordRef: box.id });
    await prisma.loginRecord.create({
      data: {
        userId: user.id,
        account: user.account,
        method: 'BACKUP_EMAIL',
        action: 'ACTIVATE',
        result: 'SUCCESS',
        ip: req.ip ?? null,
        userAgent: req.get('user-agent')?.slice(0, 512) ?? null,
      },
    });
    res.json({ account: user.account });
  });

  return router;
}
