import { Prisma, type PrismaClient } from '@prisma/client';
import { Router, type Request } from 'express';
import type { UsageAction } from '../../../domain/usage-actions';
import { queueMail } from '../../commands/queue-mail';
import { fail } from '../../errors';
import type { CitizenCert } from '../../identity/citizen-cert';
import { authorize } from '../../policies';
import { authorized, body, noBody } from '../../request-body';
import type { Temporal } from '../../temporal';
import { signedChallengeSchema } from '../identity/citizen-cert';
import { recordUsage } from '../../commands/usage';

export interface AccountCitizenCertDeps {
  prisma: PrismaClient;
  temporal: Temporal;
  webUrl: string;
  citizenCert: CitizenCert;
}

const CHANGE: Record<'bind' | 'unbind', { action: UsageAction; label: string }> = {
  bind: { action: 'binding.citizenCert.bind', label: '自然人憑證綁定' },
  unbind: { action: 'binding.citizenCert.unbind', label: '自然人憑證解除綁定' },
};

const bindBody = body(signedChallengeSchema);
const serialText = (serial: string) => serial.toUpperCase();

/**
 * 個人帳號管理 › 自然人憑證 (manual §3.5.9): the logged-in user's binding. Binding takes a challenge
 * the card signed (PIN on the user's PC); each change goes to 帳號使用紀錄 and is mailed to the user.
 */
export function accountCitizenCertRoutes(deps: AccountCitizenCertDeps) {
  const { prisma, citizenCert } = deps;
  const router = Router();

  async function status(userId: string) {
    const user = await prisma.user.findUniqueOrThrow({
      where: { id: userId },
      select: { citizenCertSerial: true, citizenCertSubject: true, citizenCertNotAfter: true, citizenCertBoundAt: true },
    });
    if (!user.citizenCertSerial) return { bound: false as const };
    return {
      bound: true as const,
      holder: user.citizenCertSubject,
      serial: serialText(user.citizenCertSerial),
      notAfter: user.citizenCertNotAfter?.toISOString() ?? null,
      boundAt: user.citizenCertBoundAt?.toISOString() ?? null,
    };
  }

  async function recordAndMail(
    req: Request,
    userId: string,
    change: 'bind' | 'unbind',
    card: { holder: string; serial: string },
  ) {
    const user = await prisma.user.findUniqueOrThrow({
      where: { id: userId },
      select: { account: true, name: true, backupEmail: true },
    });
    const at = new Date();
    const usage = await recordUsage(prisma, {
      userId,
      action: CHANGE[change].action,
      target: 'citizenCert',
      detail: { holder: card.holder, serial: serialText(card.serial) },
      ip: req.ip ?? null,
      at,
    });
    if (!user.backupEmail) return;
    await queueMail(deps, {
      key: `citizen-cert-${change}:${usage.id}`,
      to: user.backupEmail,
      template: 'accountBindingChanged',
      data: {
        name: user.name,
        account: user.account,
        change: CHANGE[change].label,
        detail: `憑證持有人 ${card.holder}，憑證序號 ${serialText(card.serial)}`,
        changedAt: at,
        ...(req.ip ? { ip: req.ip } : {}),
      },
    }).catch((error: unknown) => {
      // The binding stands; the outbox row is retried with the next request for the same key.
      req.log?.warn({ err: error }, 'citizen-cert binding mail not started');
    });
  }

  router.get('/', async (req, res) => {
    authorize(req.actor, 'citizenCert.bind');
    res.json(await status(req.actor.id));
  });

  // 進行「自然人憑證綁定」: the signed BIND challenge of this user.
  router.post('/', authorized('citizenCert.bind'), bindBody, async (req, res) => {
    authorize(req.actor, 'citizenCert.bind');
    const input = bindBody.of(req);
    const card = await citizenCert.verify(input, 'BIND', req.actor.id);
    const holder = await prisma.user.findUnique({ where: { citizenCertSerial: card.serial }, select: { id: true } });
    if (holder && holder.id !== req.actor.id) throw fail('CITIZEN_CERT_IN_USE');
    if (holder?.id === req.actor.id) return void res.json({ ...(await status(req.actor.id)), message: '此自然人憑證已綁定' });
    try {
      await prisma.user.update({
        where: { id: req.actor.id },
        data: {
          citizenCertSerial: card.serial,
          citizenCertSubject: card.subject,
          citizenCertNotAfter: card.notAfter,
          citizenCertBoundAt: new Date(),
        },
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw fail('CITIZEN_CERT_IN_USE');
      throw error;
    }
    await recordAndMail(req, req.actor.id, 'bind', { holder: card.subject, serial: card.serial });
    res.status(201).json({ ...(await status(req.actor.id)), message: '綁定成功' });
  });

  // 解除綁定.
  router.delete('/', authorized('citizenCert.bind'), noBody, async (req, res) => {
    authorize(req.actor, 'citizenCert.bind');
    const before = await prisma.user.findUniqueOrThrow({
      where: { id: req.actor.id },
      select: { citizenCertSerial: true, citizenCertSubject: true },
    });
    if (!before.citizenCertSerial) throw fail('CONFLICT', '尚未綁定自然人憑證');
    const cleared = await prisma.user.updateMany({
      where: { id: req.actor.id, citizenCertSerial: before.citizenCertSerial },
      data: { citizenCertSerial: null, citizenCertSubject: null, citizenCertNotAfter: null, citizenCertBoundAt: null },
    });
    if (cleared.count === 1) {
      await recordAndMail(req, req.actor.id, 'unbind', {
        holder: before.citizenCertSubject ?? '',
        serial: before.citizenCertSerial,
      });
    }
    res.json({ ...(await status(req.actor.id)), message: '解除綁定成功' });
  });

  return router;
}
