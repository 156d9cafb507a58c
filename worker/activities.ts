import type { Clients } from '../activities/clients';
import { createAdActivities } from '../activities/ad';
import { createConnectivityActivities } from '../activities/connectivity';
import { createDbActivities } from '../activities/db';
import { createMailActivities } from '../activities/mail';
import { createPrismaOutboxStore } from '../activities/mail/outbox';
import { createSmsActivities } from '../activities/sms';

/** The only place activities meet their dependencies. */
export function createActivities(clients: Clients, options: { publicUrl: string }) {
  const outbox = createPrismaOutboxStore(clients.prisma);
  const db = createDbActivities({ prisma: clients.prisma });
  return {
    ...db,
    ...createAdActivities({ ad: clients.ad }),
    ...createMailActivities({ mailer: clients.mailer, outbox, baseUrl: options.publicUrl }),
    ...createSmsActivities({ mitake: clients.mitake, outbox }),
    ...createConnectivityActivities({
      postgres: () => db.dbPing(),
      ad: () => clients.ad.ping(),
      smtp: () => clients.mailer.verify(),
      sms: () => clients.mitake.ping(),
    }),
  };
}
