import { describe, expect, it } from 'vitest';
import { can, canDecide, decidingActor, reviewScope, type Actor, type Principal } from './index';

const G01 = 'agency-g01';
const G25 = 'agency-g25';
const principal: Principal = { id: 'p', account: 'lin', name: '林怡君', roles: ['AGENCY_ADMIN'], adminOfAgencyIds: [G01] };
const deputy: Actor = {
  id: 'd',
  account: 'wang',
  name: '王小明',
  organizationId: 'g01-91',
  agencyId: G01,
  roles: [],
  adminOfAgencyIds: [],
  deputyFor: [principal],
};

describe('代理人設定 in the policies', () => {
  it('lends the approver’s review authority, scoped to the approver’s agencies, and nothing else', () => {
    expect(can(deputy, 'accountApplication.list')).toBe(true);
    expect(can(deputy, 'reactivationRequest.decide', { agencyId: G01 })).toBe(true);
    expect(can(deputy, 'reactivationRequest.decide', { agencyId: G25 })).toBe(false);
    expect(can(deputy, 'consoleAccount.list')).toBe(false);
    expect(can(deputy, 'consoleAccount.disable', { agencyId: G01 })).toBe(false);
    expect(can(deputy, 'systemParameter.read')).toBe(false);
    expect(can({ ...deputy, deputyFor: [] }, 'accountApplication.list')).toBe(false);
    expect(reviewScope(deputy)).toEqual([G01]);
    expect(reviewScope({ ...deputy, deputyFor: [{ ...principal, roles: ['SYSTEM_ADMIN'] }] })).toBeNull();
  });

  it('records the decision as the deputy’s, on behalf of the approver; an approver in their own right decides as themselves', () => {
    expect(decidingActor(deputy, 'adminRoleRequest.decide', { agencyId: G01 })).toEqual({
      userId: 'd',
      account: 'wang',
      name: '王小明',
      onBehalfOf: { userId: 'p', account: 'lin', name: '林怡君' },
    });
    const alsoAdmin = { ...deputy, roles: ['AGENCY_ADMIN' as const], adminOfAgencyIds: [G01] };
    expect(decidingActor(alsoAdmin, 'adminRoleRequest.decide', { agencyId: G01 })).not.toHaveProperty('onBehalfOf');
    expect(() => decidingActor(deputy, 'adminRoleRequest.decide', { agencyId: G25 })).toThrow();
  });

  it('offers no decision on the deputy’s own request, nor on the approver’s', () => {
    expect(canDecide(deputy, 'agencyChangeRequest.decide', { agencyId: G01, applicantUserId: 'someone' })).toBe(true);
    expect(canDecide(deputy, 'agencyChangeRequest.decide', { agencyId: G01, applicantUserId: 'd' })).toBe(false);
    expect(canDecide(deputy, 'agencyChangeRequest.decide', { agencyId: G01, applicantUserId: 'p' })).toBe(false);
    expect(canDecide(deputy, 'agencyChangeRequest.decide', { agencyId: G01, applicantUserId: null })).toBe(true);
  });
});
