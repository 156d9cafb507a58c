import { db, mail } from './activity-options';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, proxyActivities, startChild, workflowInfo } from '@temporalio/workflow';
import type { createAccountLifecycleActivities } from '../activities/account-lifecycle';
import { precheckMessage } from '../domain/account-prechecks';
import { accountDisable } from './account-disable';
import { accountDisableWorkflowId, type IdleDisableResult } from './account-disable.messages';
import { requestSearchAttributes } from './search-attributes';
import { mailPath } from '../domain/mail-links';

type Life = ReturnType<typeof createAccountLifecycleActivities>;

const life = proxyActivities<Life>({ startToCloseTimeout: '1 minute', retry: { maximumInterval: '1 minute' } });

/** YYYY-MM-DD in Asia/Taipei (UTC+8, no DST) of the workflow's clock. */
const taipeiDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * 閒置停用 (手冊 圖 11), run daily by the Schedule `idle-disable-daily`. Durations are the system
 * parameters account.idleDisableAfter and account.idleWarningBefore. Accounts inside the warning
 * window get one warning mail per idle period; idle accounts that pass the pre-checks are disabled
 * by an `accountDisable` child each (it outlives this run: AD may be down); those that fail are left
 * enabled and reported to the system admins, and checked again by the next day's run.
 */
export async function idleDisable(): Promise<IdleDisableResult> {
  const runDate = taipeiDate(new Date());
  const result: IdleDisableResult = { warned: [], disabling: [], blocked: [], skipped: [] };
  const params = await db.getSystemParameters(['account.idleDisableAfter', 'account.idleWarningBefore']);
  const idleAfterSeconds = params['account.idleDisableAfter'];
  const warningBeforeSeconds = Math.min(params['account.idleWarningBefore'], idleAfterSeconds);
  const { warn, disable } = await life.findIdleAccounts({ idleAfterSeconds, warningBeforeSeconds });

  for (const u of warn) {
    if (!u.mailTo) continue;
    // One warning per idle period: the key names the last activity, so a login starts a new period.
    await mail.sendMail({
      key: `idle-warning:${u.userId}:${u.lastActiveAt}`,
      to: u.mailTo,
      template: 'idleDisableWarning',
      data: {
        name: u.name,
        account: u.account,
        lastActiveAt: u.lastActiveAt,
        disableAt: u.disableAt,
        loginUrl: mailPath('landing'),
      },
    });
    result.warned.push(u.account);
  }

  const report: { account: string; name: string; agencyName: string; problem: string }[] = [];
  const days = Math.round(idleAfterSeconds / 86_400);
  const reason = days >= 1 ? `超過 ${days} 天未登入（閒置停用）` : `超過 ${idleAfterSeconds} 秒未登入（閒置停用）`;
  for (const u of disable) {
    const account = await life.loadAccount({ userId: u.userId });
    const checks = await life.checkAccountLeave({ userId: u.userId });
    if (!checks.ok) {
      report.push({
        account: u.account,
        name: u.name,
        agencyName: account.agencyName || '（未設定）',
        problem: precheckMessage(checks),
      });
      result.blocked.push(u.account);
      continue;
    }
    const workflowId = accountDisableWorkflowId('IDLE', u.userId, runDate);
    const claim = await life.claimDisable({
      userId: u.userId,
      workflowId,
      type: 'IDLE_DISABLE',
      agencyId: account.agencyId,
      account: u.account,
      name: u.name,
      summary: { userId: u.userId, kind: 'IDLE', reason },
    });
    if (!claim.claimed) {
      result.skipped.push(u.account);
      continue;
    }
    try {
      await startChild(accountDisable, {
        workflowId,
        args: [{ userId: u.userId, kind: 'IDLE', reason }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        typedSearchAttributes: requestSearchAttributes({
          requestType: 'IDLE_DISABLE',
          agencyCode: account.agencyCode,
          applicantAccount: u.account,
          status: 'CHECKING',
        }),
      });
      result.disabling.push(u.account);
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      result.skipped.push(u.account);
    }
  }

  if (report.length) {
    for (const to of await life.systemAdminAddresses()) {
      await mail.sendMail({
        key: `idle-blocked:${workflowInfo().workflowId}:${to}`,
        to,
        template: 'idleDisableBlocked',
        data: { runDate, accounts: report, consoleUrl: mailPath('consoleAccounts') },
      });
    }
  }
  return result;
}
