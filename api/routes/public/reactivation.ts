import { Router, type Request } from 'express';
import {
  reactivationApplicant,
  spendForReactivation,
  reactivationView,
  submitReactivation,
  type ReactivationDeps,
} from '../../commands/account-reactivation';
import { reactivationFormSchema } from '../../../domain/schemas/account-reactivation';
import { body } from '../../request-body';

const reactivationBody = body(reactivationFormSchema);

/**
 * 個人帳號復用 (not logged in, manual §3.2.5), mounted at /api/reactivation:
 *   GET  /                  the 帳號復用申請表單's data (and the latest request) for the verified account
 *   POST /                  確定 → 201 {id, statusLabel, url}; 409 REQUEST_OPEN with the open request
 * Verified by X-Verification-Token (purpose REACTIVATE, from the shared POST /api/verifications/email:
 * the code is mailed only to the backup e-mail of a disabled account) or X-Identity-Proof (行動自然人憑證, VERIFY).
 */
export function reactivationRoutes(deps: ReactivationDeps) {
  const { prisma } = deps;
  const router = Router();
  const headers = (req: Request) => ({
    proof: req.get('x-identity-proof')?.trim() || undefined,
    token: req.get('x-verification-token')?.trim() || undefined,
    client: req.boundClient,
  });

  router.get('/', async (req, res) => {
    const user = await reactivationApplicant(deps, headers(req));
    res.set('cache-control', 'no-store').json(await reactivationView(prisma, user));
  });

  router.post('/', reactivationBody, async (req, res) => {
    // 確定 spends the verification (given back when the form is refused); the form can still be read.
    const created = await spendForReactivation(deps, headers(req), (user) => submitReactivation(deps, user, req.body, req.ip));
    res.status(201).json(created);
  });

  return router;
}
