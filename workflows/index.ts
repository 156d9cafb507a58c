// Every workflow the worker runs. One file per business process, named after it.
export { accountApplication } from './account-application';
export { connectivityCheck } from './connectivity-check';
export { mailDelivery } from './mail-delivery';
export { smsDelivery } from './sms-delivery';
export { passwordSync } from './password-sync';
export { adminRoleRequest } from './admin-role-request';
export { profileSync } from './profile-sync';
export { accountDisable } from './account-disable';
export { idleDisable } from './idle-disable';
export { accountReactivation } from './account-reactivation';
export { agencyChange } from './agency-change';
export { organizationChange } from './organization-change';
export { accountEnable } from './account-enable';
export { adminGroupSync } from './admin-group-sync';
export { adReconcile } from './ad-reconcile';
export { userAdSync } from './user-ad-sync';
export { organizationChangeResume } from './organization-change-resume';
export { venueBooking } from './venue-booking';
export { carBooking } from './car-booking';
export { repairTicket } from './repair-ticket';
export { integrationReview } from './integration-review';
// For bench/bookings only (its baseline); nothing in the portal starts it.
export { benchBaseline } from './bench-baseline';
