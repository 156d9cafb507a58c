import crypto from 'node:crypto';
import { Router, type Request } from 'express';
import { rawImage, sendImage } from '../../image-upload';
import { z } from 'zod';
import { presentEvents } from '../../presenters/account-application';
import {
  AVATAR_MAX_BYTES,
  changeOwnPassword,
  openAdminRoleRequest,
  removeAvatar,
  requestAdminRole,
  setAvatar,
  updateProfile,
  type SelfServiceDeps,
} from '../../commands/account-self-service';
import { fail } from '../../errors';
import { authorize, type Action } from '../../policies';
import { authorized, body, noBody, rawBody } from '../../request-body';
import { ownRequest, requestsOf } from '../../queries/requests';
import { avatarOf } from '../../queries/users';
import { adminRoleRequestSchema, profileSchema } from '../../../domain/schemas/profile';
import {
  OLD_PASSWORD_REQUIRED_MESSAGE,
  PASSWORD_REQUIRED_MESSAGE,
  CONFIRM_PASSWORD_REQUIRED_MESSAGE,
} from '../../../domain/password-policy';

const idParams = z.object({ id: z.string().trim().min(1).max(64) });
// Optional: changeOwnPassword and setPassword answer missing passwords with their own field messages.
const passwordBody = body(
  z.object({
    oldPassword: z.string({ error: OLD_PASSWORD_REQUIRED_MESSAGE }).optional(),
    password: z.string({ error: PASSWORD_REQUIRED_MESSAGE }).optional(),
    confirmPassword: z.string({ error: CONFIRM_PASSWORD_REQUIRED_MESSAGE }).optional(),
  }),
);
const profileBody = body(profileSchema());
const adminRoleBody = body(adminRoleRequestSchema);

/** The avatar arrives as the raw file; a body over the limit is answered in the page's words. */
const avatarBytes = rawImage(AVATAR_MAX_BYTES, () => fail('AVATAR_TOO_LARGE'));

/**
 * 個人帳號管理 (/api/account), the user's own data:
 *   POST   /password                 密碼修改 (舊密碼, 新密碼, 確認新密碼)
 *   PUT    /profile                  公務資料、個人資料 › 儲存
 *   GET    /avatar  PUT /avatar  DELETE /avatar   個人圖像 (PUT takes the image bytes)
 *   GET    /admin-role-requests      帳號權限: the user's 權限異動申請 with timelines
 *   POST   /admin-role-requests      權限異動申請 › 送出 (reason)
 */
export function accountSelfServiceRoutes(deps: SelfServiceDeps) {
  const { prisma } = deps;
  const router = Router();
  const ctx = (req: Request, action: Action) => {
    authorize(req.actor, action);
    return { actor: req.actor, ip: req.ip, userAgent: req.get('user-agent') };
  };

  router.post('/password', authorized('password.change'), passwordBody, async (req, res) => {
    const c = ctx(req, 'password.change');
    const sessionId = req.sessionToken ? crypto.createHash('sha256').update(req.sessionToken).digest('hex') : undefined;
    const { changedAt } = await changeOwnPassword(deps, { ...c, sessionId }, req.body);
    res.json({ changedAt: changedAt.toISOString() });
  });

  router.put('/profile', authorized('profile.update'), profileBody, async (req, res) => {
    const c = ctx(req, 'profile.update');
    res.json(await updateProfile(deps, c, req.body));
  });

  router.get('/avatar', async (req, res) => {
    authorize(req.actor, 'account.read');
    const avatar = await avatarOf(prisma, req.actor.id);
    if (!avatar) throw fail('NOT_FOUND', '尚未設定個人圖像');
    sendImage(res, avatar.mimeType, avatar.data, 'private, no-cache');
  });
  router.put('/avatar', authorized('avatar.manage'), avatarBytes, rawBody, async (req, res) => {
    const c = ctx(req, 'avatar.manage');
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    res.json(await setAvatar(deps, c, body));
  });
  router.delete('/avatar', authorized('avatar.manage'), noBody, async (req, res) => {
    res.json(await removeAvatar(deps, ctx(req, 'avatar.manage')));
  });

  router.get('/admin-role-requests', async (req, res) => {
    authorize(req.actor, 'account.read');
    const rows = await requestsOf(prisma, 'ADMIN_ROLE', req.actor.id, 10);
    const open = await openAdminRoleRequest(prisma, req.actor.id);
    res.set('cache-control', 'no-store').json({
      canRequest: !open && !req.actor.roles.length,
      isAdmin: req.actor.roles.length > 0,
      items: rows.map((r) => ({
        id: r.id,
        status: r.status,
        statusLabel: r.statusLabel,
        reason: (r.summary as { reason?: string }).reason ?? '',
        submittedAt: r.createdAt.toISOString(),
        decidedAt: r.decidedAt?.toISOString() ?? null,
        events: presentEvents(r.events),
      })),
    });
  });
  router.get('/admin-role-requests/:id', async (req, res) => {
    authorize(req.actor, 'account.read');
    const { id } = idParams.parse(req.params);
    const row = await ownRequest(prisma, 'ADMIN_ROLE', id, req.actor.id);
    if (!row) throw fail('NOT_FOUND', '找不到此申請。');
    res.json({
      id: row.id,
      status: row.status,
      statusLabel: row.statusLabel,
      reason: (row.summary as { reason?: string }).reason ?? '',
      submittedAt: row.createdAt.toISOString(),
      events: presentEvents(row.events),
    });
  });
  router.post('/admin-role-requests', authorized('adminRole.request'), adminRoleBody, async (req, res) => {
    const c = ctx(req, 'adminRole.request');
    res.status(201).json(await requestAdminRole(deps, c, req.body));
  });

  return router;
}
