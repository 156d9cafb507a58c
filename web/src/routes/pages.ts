// The component of each built route, loaded when first opened (one code-split chunk per page).
// Kept apart from paths.ts: pages import the paths to link to each other, this module imports pages.
import type { ComponentType } from 'react';
import type { RouteId } from './paths';

export type PageLoader = () => Promise<{ default: ComponentType }>;

export const PAGES: Partial<Record<RouteId, PageLoader>> = {
  landing: () => import('../portal/landing/LandingPage'),
  login: () => import('../auth/LoginPage'),
  ssoLogin: () => import('../sso/SsoLoginPage'),
  forgotPassword: () => import('../auth/forgot/ForgotPasswordPage'),
  passwordExpired: () => import('../auth/password/ExpiredPasswordPage'),
  activateAccount: () => import('../auth/activate/ActivateAccountPage'),
  agencyChangeSubmitted: () => import('../account/AgencyChangeSubmittedPage'),
  accountApplication: () => import('../apply/AccountApplicationPage'),
  accountApplicationEdit: () => import('../apply/AmendApplicationPage'),
  accountApplicationStatusLookup: () => import('../apply/status/StatusLookupPage'),
  accountApplicationStatus: () => import('../apply/status/ApplicationStatusPage'),
  accountReactivation: () => import('../apply/reactivation/AccountReactivationPage'),
  agencyAdminLookup: () => import('../communication/AgencyAdminLookupPage'),
  home: () => import('../portal/home/HomePage'),
  account: () => import('../account/AccountSettingsPage'),
  delegations: () => import('../account/delegations/DelegationsPage'),
  loginRecords: () => import('../account/records/LoginRecordsPage'),
  loginRecordDetail: () => import('../account/records/LoginRecordDetailPage'),
  usageRecords: () => import('../account/records/UsageRecordsPage'),
  myAgencyAdmins: () => import('../communication/MyAgencyAdminsPage'),
  agencyAdminApplication: () => import('../applications/AgencyAdminApplicationPage'),
  venueBookings: () => import('../applications/bookings/VenueBookingsPage'),
  carBookings: () => import('../applications/bookings/CarBookingsPage'),
  bookingRecords: () => import('../applications/bookings/BookingRecordsPage'),
  bookingRecord: () => import('../applications/bookings/BookingRecordPage'),
  consoleOrganizations: () => import('../console/organizations/OrganizationsPage'),
  consoleAccounts: () => import('../console/accounts/AccountListPage'),
  consoleAccount: () => import('../console/accounts/AccountDetailPage'),
  consoleAccountApplications: () => import('../console/account-applications/ReviewListPage'),
  consoleAccountApplication: () => import('../console/account-applications/ReviewDetailPage'),
  consoleAdminRoleRequests: () => import('../console/admin-role-requests/AdminRoleRequestsPage'),
  consoleAdminRoleRequest: () => import('../console/admin-role-requests/AdminRoleRequestsPage'),
  consoleAgencyChangeRequests: () => import('../console/agency-change-requests/AgencyChangeRequestsPage'),
  consoleAgencyChangeRequest: () => import('../console/agency-change-requests/AgencyChangeRequestPage'),
  consoleReactivationRequests: () => import('../console/reactivation-requests/ReactivationRequestsPage'),
  consoleReactivationRequest: () => import('../console/reactivation-requests/ReactivationRequestPage'),
  consoleAdSync: () => import('../console/ad-sync/AdSyncPage'),
  consoleLogs: () => import('../console/records/ConsoleRecordsPage'),
  consoleParameters: () => import('../console/parameters/SystemParametersPage'),
};
