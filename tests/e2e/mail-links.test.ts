import crypto from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkflowHandle } from '@temporalio/client';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailAddressOf } from '../../activities/account-lifecycle';
import { createClients } from '../../infra/clients';
import { submitApplication } from '../../api/commands/account-application';
import { createDelegation } from '../../api/commands/delegation';
import { taipeiDate } from '../../domain/delegation';
import { createTemporal } from '../../api/temporal';
import { MAIL_PAGES, mailLinkUrl, mailPath } from '../../domain/mail-links';
import { ROUTE_LIST } from '../../web/src/routes/paths';
import { createActivities } from '../../worker/activities';
import { accountApplicationWorkflowId, decideUpdate } from '../../workflows/account-application.messages';
import { accountDisable } from '../../workflows/account-disable';
import { accountEnable } from '../../workflows/account-enable';
import { accountReactivation } from '../../workflows/account-reactivation';
import { accountReactivationWorkflowId, decideReactivationUpdate } from '../../workflows/account-reactivation.messages';
import { adminRoleRequest } from '../../workflows/admin-role-request';
import { adminRoleRequestWorkflowId } from '../../workflows/admin-role-request.messages';
import { agencyChange } from '../../workflows/agency-change';
import { carBooking } from '../../workflows/car-booking';
import { venueBooking } from '../../workflows/venue-booking';
import { repairTicket } from '../../workflows/repair-ticket';
import { integrationReview } from '../../workflows/integration-review';
import { decideIntegrationUpdate } from '../../workflows/integration-review.messages';
import { createApplicationSystem, createIntegrationApplicationRow } from '../support/integrations';
import { createResource } from '../support/resources';
import { createRepairTicketRow, createRepairType } from '../support/repairs';
import { fileSandbox } from '../integration/ad/helpers';
import { randomNationalId, uniqueAccount, uniqueEmail } from '../support/applicant';
import { eventually, testEnv } from '../support/env';
import { createResettableUser } from '../support/reset-users';
import { withWorker } from '../support/temporal';
import { openBrowser, screenshot, sysadmin, type BrowserSession } from './support/browser';
import { login } from './support/portal';

// Every link in every mail the flows send opens a page of the web app, in the topology of `npm start`:
// the web app (WEB_URL) and the API (PUBLIC_URL) at different addresses. Here the web app is this slot's
// build served by Vite at an address of its own, proxying the API paths as the dev server does; the
// mails come from a worker of this file's own, wired with that WEB_URL as worker/main.ts wires it, and
// from the API's 個人帳號申請 command with the same WEB_URL.

const env = testEnv();
const dataKey = Buffer.from(process.env.DATA_KEY ?? '', 'base64');
const hashKey = Buffer.from(process.env.HASH_KEY ?? '', 'base64');
const clients = createClients(env);
const { prisma, ad } = clients;
const taskQueue = `mail-links-${crypto.randomUUID()}`;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Each run's people carry this mark, so the admins' inboxes (shared with every other test) yield only ours.
const mark = crypto.randomBytes(3).toString('hex');

/** Every mail that carries a link, as the flows below send them (the wait for them names any missing). */
const EXPECTED_SUBJECTS = [
  '個人帳號申請已送出',
  '提醒您：有待審核的個人帳號申請',
  '個人帳號申請逾期未審核，請協助處理',
  '個人帳號申請已逾期失效',
  '開通帳號說明',
  '個人帳號申請未通過審核',
  '您的公務帳號已停用',
  '您的公務帳號已重新啟用',
  '您的公務帳號已重設，請重新開通帳號',
  '個人帳號復用已送出',
  '提醒您：有待審核的個人帳號復用',
  '個人帳號復用已核准',
  '機關管理者權限異動申請已送出',
  '提醒您：有待審核的機關管理者權限異動申請',
  '提醒您：有待審核的機關(單位)異動申請',
  `連結測試pri${mark} 已指定您為審核代理人`,
  `您的代理人 連結測試dep${mark} 已核准一件個人帳號復用`,
  '有一件新的場地借用申請待您審核',
  '有一件新的公務車借用申請待您審核',
  '場地借用申請已送出',
  '公務車借用申請已送出',
  '線上報修已送出',
  `有一件新的報修案件待您處理（連結測試報修${mark}）`,
  `報修案件逾期未處理，請協助追蹤（連結測試報修${mark}）`,
  '提醒您：有待審核的應用系統服務介接申請',
  '應用系統服務介接申請退回補正',
];

interface SinkMessage {
  id: string;
  to: string[];
  subject: string;
  html: string;
}
interface MailLink {
  subject: string;
  label: string;
  href: string;
}

let web: PreviewServer;
let webUrl = '';
let sandbox: Awaited<ReturnType<typeof fileSandbox>>;
const adAccounts: string[] = [];
/** The 報修類型 whose 維修人員 the system admin is made for this run (報修處理狀況回報 opens to vendors only). */
let repairTypeId: string | undefined;
let browser: BrowserSession | undefined;

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  const api = env.PUBLIC_URL;
  web = await preview({
    configFile: path.join(repoRoot, 'web/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: process.env.WEB_DIST ?? path.join(repoRoot, 'web/dist') },
    preview: {
      port,
      strictPort: true,
      proxy: Object.fromEntries(['/api', '/dev', '/healthz', '/oidc'].map((p) => [p, { target: api, changeOrigin: false }])),
    },
  });
  webUrl = `http://127.0.0.1:${port}`;
  expect(new URL(webUrl).origin).not.toBe(new URL(env.PUBLIC_URL).origin);
  sandbox = await fileSandbox('maillinks');
});

afterAll(async () => {
  await browser?.close();
  if (repairTypeId) await prisma.repairVendor.deleteMany({ where: { repairTypeId } });
  for (const account of adAccounts) await ad.deleteUser(account).catch(() => undefined);
  await sandbox?.cleanup();
  await web?.close();
  await prisma.$disconnect();
});

async function messagesTo(address: string): Promise<SinkMessage[]> {
  const response = await fetch(`${env.MAILBOX_URL}/messages?to=${encodeURIComponent(address)}`);
  const payload = (await response.json()) as { messages?: SinkMessage[] } | SinkMessage[];
  return Array.isArray(payload) ? payload : (payload.messages ?? []);
}

const decodeHtml = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

function linksOf(message: SinkMessage): MailLink[] {
  return [...message.html.matchAll(/<a\s+href="([^"]*)"[^>]*>([^<]*)<\/a/g)].map(([, href, label]) => ({
    subject: message.subject,
    label: label!.trim(),
    href: decodeHtml(href!),
  }));
}

/** The route a link opens, by the web app's route table (`:id` matches one path segment). */
function routeOf(pathname: string) {
  // A page's own path before a pattern that also matches it (帳號申請審核 before 帳號明細 /console/accounts/:id),
  // as the router ranks them.
  return (
    ROUTE_LIST.find((route) => route.path === pathname) ??
    ROUTE_LIST.find((route) => new RegExp(`^${route.path.replace(/:[a-z]+/g, '[^/]+')}$`).test(pathname))
  );
}

const newUser = (prefix: string) =>
  createResettableUser({ prisma, ad, dataKey, hashKey, ouDn: sandbox.ouDn }, { prefix }).then(async (user) => {
    await prisma.user.update({ where: { id: user.id }, data: { name: `連結測試${prefix}${mark}` } });
    return { ...user, name: `連結測試${prefix}${mark}` };
  });

/** Sends every mail the portal's request flows send, with WEB_URL = the web app above; returns them all. */
async function sendEveryMail(): Promise<SinkMessage[]> {
  const real = createActivities(clients, { webUrl, dataKey });
  const activities = {
    ...real,
    // Reminders, escalation and expiry within seconds (the durations come from an activity by design).
    getSystemParameters: async (keys?: Parameters<typeof real.getSystemParameters>[0]) => ({
      ...(await real.getSystemParameters(keys)),
      'request.reminderAfter': 2,
      'request.escalationAfter': 4,
      'request.expiryAfter': 6,
      'repair.replyTarget': 2,
      'repair.escalateAfter': 2,
    }),
  };
  const temporal = createTemporal({
    address: env.TEMPORAL_ADDRESS,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue,
    uiUrl: env.TEMPORAL_UI_URL,
  });
  const cabadmin = await prisma.user.findUniqueOrThrow({ where: { account: 'cabadmin' } });
  const sdcadmin = await prisma.user.findUniqueOrThrow({ where: { account: 'sdcadmin' } });
  const sysadminRow = await prisma.user.findUniqueOrThrow({ where: { account: 'sysadmin' } });
  const actor = (u: { id: string; account: string; name: string }) => ({ userId: u.id, account: u.account, name: u.name });
  const actorOf = (u: { id: string; account: string; name: string }) => ({ id: u.id, account: u.account, name: u.name });
  const waiting: WorkflowHandle[] = [];
  const admins = new Set([cabadmin, sdcadmin, sysadminRow].map((u) => mailAddressOf(u)!));
  const addresses = new Set<string>();

  try {
    return await withWorker(
      env,
      activities,
      async ({ client }) => {
        // 個人帳號申請 ×3 through the API's command: 已送出 (status link with its key) to each applicant,
        // 提醒 to the agency admins; then one left to 逾期 (escalated to the system admins), one
        // approved (開通帳號說明), one rejected.
        const applications = [];
        for (const outcome of ['expire', 'approve', 'reject'] as const) {
          const email = uniqueEmail();
          addresses.add(email);
          const account = uniqueAccount('ml');
          adAccounts.push(account);
          const submitted = await submitApplication({ prisma, temporal, webUrl, dataKey, hashKey }, email, {
            nationalId: randomNationalId(),
            account,
            needOfficialMail: false,
            name: `連結測試${outcome}${mark}`,
            organizationCode: 'G01-91',
            title: '科員',
            officePhone: '2991111',
          });
          applications.push({ outcome, handle: client.workflow.getHandle(accountApplicationWorkflowId(submitted.id)) });
        }
        for (const { outcome, handle } of applications) {
          if (outcome === 'approve') {
            await handle.executeUpdate(decideUpdate, { args: [{ decision: 'APPROVE', actor: actor(cabadmin) }] });
            waiting.push(handle);
          }
          if (outcome === 'reject') {
            await handle.executeUpdate(decideUpdate, {
              args: [{ decision: 'REJECT', actor: actor(cabadmin), comment: '職稱與人事資料不符' }],
            });
          }
        }

        // 停用 → 帳號已停用 (個人帳號復用 link); 啟用 → 登入; 重設為待開通 → 開通帳號.
        const disabled = await newUser('dis');
        addresses.add(disabled.email);
        const byAdmin = actor(sysadminRow);
        const lifecycleId = (kind: string) => `${kind}-${disabled.id}-${crypto.randomUUID().slice(0, 8)}`;
        await client.workflow.execute(accountDisable, {
          taskQueue,
          workflowId: lifecycleId('account-disable'),
          args: [{ userId: disabled.id, kind: 'MANUAL', reason: '離職', actor: byAdmin }],
        });
        await client.workflow.execute(accountEnable, {
          taskQueue,
          workflowId: lifecycleId('account-enable'),
          args: [{ userId: disabled.id, kind: 'ENABLE', reason: '復職', actor: byAdmin }],
        });
        waiting.push(
          await client.workflow.start(accountEnable, {
            taskQueue,
            workflowId: lifecycleId('account-enable'),
            args: [{ userId: disabled.id, kind: 'RESET_ACTIVATION', reason: '帳號遭冒用疑慮', actor: byAdmin }],
          }),
        );

        // 個人帳號復用: 已送出 (個人帳號復用), 待審核 to the agency admins, 已核准 (開通帳號).
        const returning = await newUser('rea');
        addresses.add(returning.email);
        await prisma.user.update({ where: { id: returning.id }, data: { status: 'DISABLED', disabledAt: new Date() } });
        await ad.disableUser(returning.account);
        const reactivationId = accountReactivationWorkflowId(returning.id, Date.now().toString(36));
        await prisma.request.create({
          data: {
            workflowId: reactivationId,
            type: 'ACCOUNT_REACTIVATION',
            status: 'PENDING',
            statusLabel: '待機關管理者審核',
            applicantUserId: returning.id,
            summary: {
              changes: { organizationId: returning.organizationId, title: '復職專員', officePhone: '2991111', officeExt: null },
            },
          },
        });
        const reactivation = await client.workflow.start(accountReactivation, {
          taskQueue,
          workflowId: reactivationId,
          args: [{ userId: returning.id }],
        });
        // 代理人設定: an agency admin of 民政局 names a colleague (代理人已指定 → 帳號申請審核), who then
        // approves the 復用 in cabadmin's name (the approver is told, with the request's page).
        const principal = await newUser('pri');
        const deputy = await newUser('dep');
        addresses.add(deputy.email);
        const g01 = await prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } });
        const today = taipeiDate(new Date());
        await createDelegation(
          { prisma, temporal, webUrl },
          {
            ...actorOf(principal),
            organizationId: principal.organizationId,
            agencyId: g01.id,
            roles: ['AGENCY_ADMIN'],
            adminOfAgencyIds: [g01.id],
          },
          { deputyAccount: deputy.account, startDate: today, endDate: today },
        );
        await reactivation.executeUpdate(decideReactivationUpdate, {
          args: [{ decision: 'APPROVE', actor: { ...actor(deputy), onBehalfOf: actor(cabadmin) } }],
        });
        waiting.push(reactivation);

        // 機關管理者申請 and 機關(單位)異動申請: 已送出 to the applicant, 待審核 to the approvers.
        const wantsRole = await newUser('adm');
        addresses.add(wantsRole.email);
        waiting.push(
          await client.workflow.start(adminRoleRequest, {
            taskQueue,
            workflowId: adminRoleRequestWorkflowId(crypto.randomUUID()),
            args: [{ userId: wantsRole.id, reason: '協助本機關帳號管理' }],
          }),
        );
        const moving = await newUser('agc');
        addresses.add(moving.email);
        const target = await prisma.organization.findUniqueOrThrow({ where: { code: 'G25-03' } });
        waiting.push(
          await client.workflow.start(agencyChange, {
            taskQueue,
            workflowId: `agency-change-${moving.id}-${Date.now().toString(36)}`,
            args: [{ userId: moving.id, organizationId: target.id, reason: '調職' }],
          }),
        );

        // 場地借用 / 公務車借用: 待審核 (場地借用審核 / 公務車借用審核) to the custodian, 已送出 (the
        // booking's page) to the applicant.
        const keeper = await newUser('cus');
        const booker = await newUser('bkr');
        for (const who of [keeper, booker]) {
          addresses.add(who.email);
          addresses.add(mailAddressOf(await prisma.user.findUniqueOrThrow({ where: { id: who.id } }))!);
        }
        for (const kind of ['VENUE', 'CAR'] as const) {
          const resource = await createResource(prisma, { kind, agencyId: g01.id, custodian1Id: keeper.id });
          const key = `${kind === 'VENUE' ? 'VB' : 'CB'}-20991231-${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
          const bookerRow = await prisma.user.findUniqueOrThrow({ where: { id: booker.id }, include: { organization: true } });
          const booking = await prisma.booking.create({
            data: {
              key,
              workflowId: `${kind === 'VENUE' ? 'venue' : 'car'}-booking-${key}`,
              kind,
              resourceId: resource.id,
              startsAt: new Date(Date.now() + 7 * 86_400_000),
              endsAt: new Date(Date.now() + 7 * 86_400_000 + 3_600_000),
              status: 'PENDING',
              applicantUserId: booker.id,
              unitId: bookerRow.organizationId,
              agencyId: bookerRow.organization.agencyId ?? bookerRow.organizationId,
              phone: '2991111',
              phoneExt: '',
              headcount: 2,
              reason: `連結測試${mark}`,
              selfDrive: kind === 'CAR',
              ...(kind === 'VENUE' ? { host: '陳科長' } : { destination: '永華市政中心' }),
            },
          });
          waiting.push(
            await client.workflow.start(kind === 'VENUE' ? venueBooking : carBooking, {
              taskQueue,
              workflowId: booking.workflowId,
              args: [
                {
                  bookingId: booking.id,
                  applicantUserId: booker.id,
                  status: 'PENDING',
                  startsAt: booking.startsAt.toISOString(),
                },
              ],
            }),
          );
        }

        // 線上報修: 已送出 (the ticket's page) to the reporter, the new ticket (報修處理狀況回報) to the
        // vendors, and unanswered, the escalation (the ticket's page) to the type's custodian. The system
        // admin, who opens the links, serves the type too.
        const reporterUser = await newUser('rep');
        const vendorUser = await newUser('ven');
        const keeperUser = await newUser('rcu');
        for (const who of [reporterUser, vendorUser, keeperUser]) {
          addresses.add(who.email);
          addresses.add(mailAddressOf(await prisma.user.findUniqueOrThrow({ where: { id: who.id } }))!);
        }
        const type = await createRepairType(prisma, {
          name: `連結測試報修${mark}`,
          agencyId: g01.id,
          custodian1Id: keeperUser.id,
          vendorIds: [vendorUser.id, sysadminRow.id],
        });
        repairTypeId = type.id;
        const reporterRow = await prisma.user.findUniqueOrThrow({ where: { id: reporterUser.id } });
        const ticket = await createRepairTicketRow(prisma, type, reporterRow, { fault: `連結測試${mark}` });
        waiting.push(
          await client.workflow.start(repairTicket, { taskQueue, workflowId: ticket.workflowId, args: [ticket.input] }),
        );

        // 應用系統服務介接申請: the new application (服務介接申請審核) to the system admins, then 退回補正 (its
        // 審核紀錄) to the applicant.
        const integrationApplicant = await newUser('int');
        addresses.add(integrationApplicant.email);
        const applicantRow = await prisma.user.findUniqueOrThrow({ where: { id: integrationApplicant.id } });
        addresses.add(mailAddressOf(applicantRow)!);
        const system = await createApplicationSystem(prisma, applicantRow);
        const application = await createIntegrationApplicationRow(prisma, system, applicantRow, 'VERIFY', 'APPLY', {
          claims: ['profile'],
          handler: 'https://example.test/login?ticket=',
          description: `連結測試${mark}`,
        });
        const integration = await client.workflow.start(integrationReview, {
          taskQueue,
          workflowId: application.workflowId,
          args: [application.input],
        });
        waiting.push(integration);
        await integration.executeUpdate(decideIntegrationUpdate, {
          args: [{ decision: 'RETURN', actor: actor(sysadminRow), comment: '請補充驗證處理常式的參數名稱' }],
        });

        // Every mail has gone out once the sink holds them all; the error names those missing.
        let missing: string[] = EXPECTED_SUBJECTS;
        await eventually(
          async () => {
            const subjects = (await collect(addresses, admins)).map((m) => m.subject);
            missing = EXPECTED_SUBJECTS.filter((s) => !subjects.some((subject) => subject.endsWith(`】${s}`)));
            return missing.length === 0;
          },
          { timeoutMs: 60_000 },
        ).catch(() => expect.fail(`mails not sent: ${missing.join('、')}`));
        return collect(addresses, admins);
      },
      taskQueue,
    );
  } finally {
    for (const handle of waiting) await handle.terminate('mail links test finished').catch(() => undefined);
    await temporal.connection.close();
  }
}

/** This run's mails: everything to this run's own people, and the admins' mails about them. */
async function collect(addresses: Set<string>, admins: Set<string>): Promise<SinkMessage[]> {
  const seen = new Map<string, SinkMessage>();
  for (const address of addresses) for (const m of await messagesTo(address)) seen.set(m.id, m);
  for (const address of admins) for (const m of await messagesTo(address)) if (m.html.includes(mark)) seen.set(m.id, m);
  return [...seen.values()];
}

describe('the links in the mails (web app and API at different addresses, as under npm start)', () => {
  it('every link of every mail opens its page of the web app', async () => {
    const mails = await sendEveryMail();
    const links = mails.flatMap(linksOf);
    // Each page once, and the pages only the daily 閒置停用 run links to (it sweeps every account, so it
    // does not run here): 登入公務入口網 (the landing page) and 前往帳號管理.
    const unique = [...new Map(links.map((l) => [l.href, l])).values()];
    for (const key of ['landing', 'consoleAccounts'] as const) {
      unique.push({ subject: '閒置停用', label: key, href: mailLinkUrl(webUrl, mailPath(key)) });
    }
    browser = await openBrowser();
    const { page } = browser;
    // Public pages first (a signed-in person is sent on from some), then the others as a system admin.
    const signInNeeded = (l: MailLink) => routeOf(new URL(l.href).pathname)?.access === 'user';
    const ordered = [...unique.filter((l) => !signInNeeded(l)), ...unique.filter(signInNeeded)];
    let signedIn = false;
    const opened = new Set<string>();
    for (const link of ordered) {
      const what = `「${link.label}」 in 「${link.subject}」: ${link.href}`;
      const url = new URL(link.href);
      expect(url.origin, what).toBe(new URL(webUrl).origin);
      const response = await fetch(link.href, { redirect: 'manual' });
      expect(response.status, what).toBe(200);
      expect(response.headers.get('content-type'), what).toMatch(/^text\/html/);

      const route = routeOf(url.pathname);
      expect(route, what).toBeDefined();
      if (signInNeeded(link) && !signedIn) {
        await login(page, sysadmin());
        signedIn = true;
      }
      await page.goto(link.href);
      await page.waitForLoadState('networkidle');
      // Where the page sends the person on (登入公務入口網 → the SSO's sign-in page), that page. A detail
      // page opens as a dialog over its list, so its title is a heading but not always the <h1>.
      const landed = routeOf(new URL(page.url()).pathname);
      const where = `${what} → ${page.url()}`;
      expect(landed, where).toBeDefined();
      await page
        .getByRole('heading', { name: landed!.title })
        .first()
        .waitFor()
        .catch(async () => {
          await screenshot(page, 'mail-links-no-heading');
          expect.fail(`${where}: no heading 「${landed!.title}」`);
        });
      expect(await page.getByRole('heading', { name: /找不到您要的網頁|您沒有使用此功能的權限/ }).count(), where).toBe(0);
      opened.add(Object.entries(MAIL_PAGES).find(([, pattern]) => pattern === route!.path)![0]);
    }
    await screenshot(page, 'mail-links-last-page');
    expect([...opened].sort()).toEqual(Object.keys(MAIL_PAGES).sort());
  }, 240_000);
});
