import type { Clients } from '../infra/clients';
import { createAccountApplicationActivities } from '../activities/account-application';
import { createAccountLifecycleActivities } from '../activities/account-lifecycle';
import { createAgencyChangeActivities } from '../activities/account-lifecycle/agency-change';
import { createAccountEnableActivities } from '../activities/account-lifecycle/enable';
import { createRoleSyncActivities } from '../activities/account-lifecycle/roles';
import { createReactivationActivities } from '../activities/account-lifecycle/reactivation';
import { createAdActivities } from '../activities/ad';
import { createAdSyncActivities } from '../activities/ad-sync';
import { createConnectivityActivities } from '../activities/connectivity';
import { createBenchActivities } from '../activities/bench';
import { createBookingActivities } from '../activities/bookings';
import { createRepairActivities } from '../activities/repairs';
import { createIntegrationActivities } from '../activities/integrations';
import { createDbActivities } from '../activities/db';
import { createDelegationActivities } from '../activities/delegation';
import { createMailActivities } from '../activities/mail';
import { createOrganizationActivities } from '../activities/organization';
import { createPasswordSyncActivities } from '../activities/password-sync';
import { createSelfServiceActivities } from '../activities/self-service';
import { createPrismaOutboxStore } from '../infra/mail/outbox';
import { createSmsActivities } from '../activities/sms';

/**
 * The only place activities meet their dependencies. `webUrl` is WEB_URL, where the web app serves the
 * pages the mails link to (in development not PUBLIC_URL, the API's address, which serves no page).
 */
export function createActivities(clients: Clients, options: { webUrl: string; dataKey: Buffer }) {
  const outbox = createPrismaOutboxStore(clients.prisma);
  const db = createDbActivities({ prisma: clients.prisma });
  const mail = createMailActivities({ mailer: clients.mailer, outbox, webUrl: options.webUrl });
  const sms = createSmsActivities({ mitake: clients.mitake, outbox });
  return {
    ...db,
    ...createAdActivities({ ad: clients.ad }),
    ...mail,
    ...createAccountApplicationActivities({ prisma: clients.prisma, ad: clients.ad, mail, dataKey: options.dataKey }),
    ...createAccountLifecycleActivities({ prisma: clients.prisma, ad: clients.ad }),
    ...createAgencyChangeActivities({ prisma: clients.prisma, ad: clients.ad, mail }),
    ...createAccountEnableActivities({ prisma: clients.prisma, ad: clients.ad }),
    ...createRoleSyncActivities({ prisma: clients.prisma, ad: clients.ad }),
    ...createReactivationActivities({ prisma: clients.prisma, ad: clients.ad, dataKey: options.dataKey }),
    ...createPasswordSyncActivities({ prisma: clients.prisma, ad: clients.ad, dataKey: options.dataKey }),
    ...createSelfServiceActivities({ prisma: clients.prisma, ad: clients.ad, mail }),
    ...createDelegationActivities({ prisma: clients.prisma, mail }),
    ...createAdSyncActivities({ prisma: clients.prisma, ad: clients.ad }),
    ...createOrganizationActivities({ prisma: clients.prisma, ad: clients.ad }),
    ...sms,
    ...createBookingActivities({ prisma: clients.prisma, mail, sms, db }),
    ...createRepairActivities({ prisma: clients.prisma, mail }),
    ...createIntegrationActivities({ prisma: clients.prisma, mail, dataKey: options.dataKey }),
    // bench/bookings' baseline (workflows/bench-baseline.ts): a no-op.
    ...createBenchActivities(),
    ...createConnectivityActivities({
      // dbPing reports failure in its result; a probe needs it thrown.
      postgres: async () => {
        const result = await db.dbPing();
        if (!result.ok) throw new Error(result.error ?? 'PostgreSQL 無回應');
      },
      ad: () => clients.ad.ping(),
      smtp: () => clients.mailer.verify(),
      sms: () => clients.mitake.ping(),
    }),
  };
}
