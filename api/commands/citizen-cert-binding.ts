import { Prisma, type PrismaClient } from '@prisma/client';
import type { UsageAction } from '../../domain/usage-actions';
import { fail } from '../errors';
import type { Temporal } from '../temporal';
import { serialText } from '../queries/citizen-cert';
import { queueMail } from './queue-mail';
import { recordUsage } from './usage';

export interface CitizenCertBindingDeps {
  prisma: PrismaClient;
  temporal: Temporal;
  webUrl: string;
}

interface Request {
  ip?: string;
  /** Where a mail that could not be queued is noted (the change stands). */
  warn: (error: unknown) => void;
}

const CHANGE: Record<'bind' | 'unbind', { action: UsageAction; label: string }> = {
  bind: { action: 'binding.citizenCert.bind', label: '自然人憑證綁定' },
  unbind: { action: 'binding.citizenCert.unbind', label: '自然人憑證解除綁定' },
};

/** 帳號使用紀錄 of the change, then a mail to the user's backup e-mail. */
async function recordAndMail(
  deps: CitizenCertBindingDeps,
  request: Request,
  userId: string,
  change: 'bind' | 'unbind',
  card: { holder: string; serial: string },
) {
  const user = await deps.prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { account: true, name: true, backupEmail: true },
  });
  const at = new Date();
  const usage = await recordUsage(deps.prisma, {
    userId,
    action: CHANGE[change].action,
    target: 'citizenCert',
    detail: { holder: card.holder, serial: serialText(card.serial) },
    ip: request.ip ?? null,
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
      ...(request.ip ? { ip: request.ip } : {}),
    },
    // The binding stands; the outbox row is retried with the next request for the same key.
  }).catch(request.warn);
}

/**
 * 進行「自然人憑證綁定」 with a card whose signature was verified: refused when another account holds
 * the card; a second bind of the same card changes nothing. Answers whether it bound now.
 */
export async function bindCitizenCert(
  deps: CitizenCertBindingDeps,
  request: Request,
  userId: string,
  card: { serial: string; subject: string; notAfter: Date },
): Promise<{ bound: boolean }> {
  const holder = await deps.prisma.user.findUnique({ where: { citizenCertSerial: card.serial }, select: { id: true } });
  if (holder && holder.id !== userId) throw fail('CITIZEN_CERT_IN_USE');
  if (holder?.id === userId) return { bound: false };
  try {
    await deps.prisma.user.update({
      where: { id: userId },
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
  await recordAndMail(deps, request, userId, 'bind', { holder: card.subject, serial: card.serial });
  return { bound: true };
}

/** 解除綁定: once (a second request finds nothing bound); recorded and mailed. */
export async function unbindCitizenCert(deps: CitizenCertBindingDeps, request: Request, userId: string) {
  const before = await deps.prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { citizenCertSerial: true, citizenCertSubject: true },
  });
  if (!before.citizenCertSerial) throw fail('CONFLICT', '尚未綁定自然人憑證');
  const cleared = await deps.prisma.user.updateMany({
    where: { id: userId, citizenCertSerial: before.citizenCertSerial },
    data: { citizenCertSerial: null, citizenCertSubject: null, citizenCertNotAfter: null, citizenCertBoundAt: null },
  });
  if (cleared.count === 1) {
    await recordAndMail(deps, request, userId, 'unbind', {
      holder: before.citizenCertSubject ?? '',
      serial: before.citizenCertSerial,
    });
  }
}
