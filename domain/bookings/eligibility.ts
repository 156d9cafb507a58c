import type { BookingAudience } from '@prisma/client';

/** What decides whether a user's agency may book a resource (or have its driver dispatched). */
export interface Bookable {
  isPublic: boolean;
  deletedAt: Date | null;
  audience: BookingAudience;
  /** 管理機關. */
  agencyId: string;
  /** The agencies listed for 開放機關同仁及其他機關人員借用. */
  allowedAgencyIds: readonly string[];
}

/**
 * 是否公開 and 允許借用機關: 全府 — every agency; 僅限機關同仁 — the managing agency's own staff (not its
 * subordinate agencies, whose staff belong to another agency); 機關同仁及其他機關 — those and the listed ones.
 */
export function mayBook(resource: Bookable, agencyId: string): boolean {
  if (!resource.isPublic) return false;
  return admits(resource, agencyId);
}

/** What 允許借用機關 / 允許報修機關 reads: the choice, the owning agency and the listed ones. */
export type Audience = Pick<Bookable, 'deletedAt' | 'audience' | 'agencyId' | 'allowedAgencyIds'>;

/**
 * The audience rule alone, for a thing that is not booked (a 報修類型: 允許報修機關 has the same three
 * choices). Not deleted, and the user's agency among those the choice admits.
 */
export function admits(resource: Audience, agencyId: string): boolean {
  if (resource.deletedAt) return false;
  switch (resource.audience) {
    case 'CITY':
      return true;
    case 'OWN_AGENCY':
      return agencyId === resource.agencyId;
    case 'OWN_AND_LISTED':
      return agencyId === resource.agencyId || resource.allowedAgencyIds.includes(agencyId);
  }
}
