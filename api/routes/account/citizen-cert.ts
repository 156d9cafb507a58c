import type { PrismaClient } from '@prisma/client';
import { Router, type Request } from 'express';
import { bindCitizenCert, unbindCitizenCert } from '../../commands/citizen-cert-binding';
import type { CitizenCert } from '../../identity/citizen-cert';
import { authorize } from '../../policies';
import { citizenCertStatus } from '../../queries/citizen-cert';
import { authorized, body, noBody } from '../../request-body';
import type { Temporal } from '../../temporal';
import { signedChallengeSchema } from '../identity/citizen-cert';

export interface AccountCitizenCertDeps {
  prisma: PrismaClient;
  temporal: Temporal;
  webUrl: string;
  citizenCert: CitizenCert;
}

const bindBody = body(signedChallengeSchema);
const from = (req: Request) => ({
  ip: req.ip,
  warn: (error: unknown) => req.log?.warn({ err: error }, 'citizen-cert binding mail not started'),
});

/**
 * 個人帳號管理 › 自然人憑證 (manual §3.5.9): the logged-in user's binding. Binding takes a challenge
 * the card signed (PIN on the user's PC); each change goes to 帳號使用紀錄 and is mailed to the user.
 */
export function accountCitizenCertRoutes(deps: AccountCitizenCertDeps) {
  const { prisma, citizenCert } = deps;
  const router = Router();

  router.get('/', async (req, res) => {
    authorize(req.actor, 'citizenCert.bind');
    res.json(await citizenCertStatus(prisma, req.actor.id));
  });

  // 進行「自然人憑證綁定」: the signed BIND challenge of this user.
  router.post('/', authorized('citizenCert.bind'), bindBody, async (req, res) => {
    authorize(req.actor, 'citizenCert.bind');
    const card = await citizenCert.verify(bindBody.of(req), 'BIND', req.actor.id);
    const { bound } = await bindCitizenCert(deps, from(req), req.actor.id, card);
    const status = await citizenCertStatus(prisma, req.actor.id);
    if (!bound) return void res.json({ ...status, message: '此自然人憑證已綁定' });
    res.status(201).json({ ...status, message: '綁定成功' });
  });

  // 解除綁定.
  router.delete('/', authorized('citizenCert.bind'), noBody, async (req, res) => {
    authorize(req.actor, 'citizenCert.bind');
    await unbindCitizenCert(deps, from(req), req.actor.id);
    res.json({ ...(await citizenCertStatus(prisma, req.actor.id)), message: '解除綁定成功' });
  });

  return router;
}
