import { fail } from '../errors';

/**
 * Authorisation in one module. Every route that touches a resource calls `authorize` after loading
 * it; responses list the allowed actions (`allowedActions`) so the web hides what the server refuses.
 */
export type Role = 'SYSTEM_ADMIN' | 'AGENCY_ADMIN';

export interface Actor {
  id: string;
  account: string;
  name: string;
  organizationId: string;
  agencyId: string;
  roles: Role[];
  /** Agencies this actor administers (AGENCY_ADMIN assignments). */
  adminOfAgencyIds: string[];
}

const isSystemAdmin = (actor: Actor) => actor.roles.includes('SYSTEM_ADMIN');
const isAnyAdmin = (actor: Actor) => isSystemAdmin(actor) || actor.roles.includes('AGENCY_ADMIN');

const rules = {
  'session.read': () => true,
  'console.enter': (actor: Actor) => isAnyAdmin(actor),
  'connectivityCheck.run': (actor: Actor) => isSystemAdmin(actor),
  'connectivityCheck.read': (actor: Actor) => isSystemAdmin(actor),
} satisfies Record<string, (actor: Actor, resource?: never) => boolean>;

export type Action = keyof typeof rules;

export function can(actor: Actor | undefined, action: Action): boolean {
  return actor !== undefined && rules[action](actor);
}

/** Throws UNAUTHENTICATED without an actor and FORBIDDEN when the rule says no. */
export function authorize(actor: Actor | undefined, action: Action): asserts actor is Actor {
  if (!actor) throw fail('UNAUTHENTICATED');
  if (!rules[action](actor)) throw fail('FORBIDDEN');
}

export function allowedActions(actor: Actor | undefined, actions: readonly Action[]): Action[] {
  return actions.filter((action) => can(actor, action));
}
