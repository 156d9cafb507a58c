import type { Clients } from '../infra/clients';
import type { Temporal } from './temporal';

/** How /healthz reaches each dependency: the same clients the API and worker use. */
export function dependencyPings(clients: Clients, temporal: Temporal) {
  return {
    postgres: () => clients.prisma.$queryRaw`SELECT 1`,
    temporal: () => temporal.ping(),
    ad: () => clients.ad.ping(),
    smtp: () => clients.mailer.verify(),
    sms: () => clients.mitake.ping(),
  };
}
