import { useSession } from '../../auth/session';
import type { NamedAgency } from '../../common/AgencyListPicker';
import { useResource } from '../../lib/data';
import { integrationsApi } from './api';

/** Whether the user is a system admin (管理機關 may then be any agency; the Temporal link shows). */
export function useIsSystemAdmin() {
  const { state } = useSession();
  return state.status === 'authenticated' && state.user.roles.includes('SYSTEM_ADMIN');
}

/** 管理機關's choices: every agency for a system admin, else only `own` (the API refuses another). */
export function useAgencyChoices(own: NamedAgency | undefined): NamedAgency[] | null {
  const admin = useIsSystemAdmin();
  const all = useResource(
    (signal: AbortSignal) => (admin ? integrationsApi.agencies(signal) : Promise.resolve({ items: [] })),
    [admin],
  );
  if (!own) return null;
  if (!admin) return [own];
  return all.data ? all.data.items : null;
}
