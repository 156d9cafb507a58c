import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';

/**
 * The search attributes every business workflow carries, so operators can filter in the Temporal UI
 * by request type, agency, applicant and status. Registered by temporal/search-attributes.json.
 */
export const RequestTypeKey = defineSearchAttributeKey('RequestType', SearchAttributeType.KEYWORD);
export const AgencyCodeKey = defineSearchAttributeKey('AgencyCode', SearchAttributeType.KEYWORD);
export const ApplicantAccountKey = defineSearchAttributeKey('ApplicantAccount', SearchAttributeType.KEYWORD);
export const RequestStatusKey = defineSearchAttributeKey('RequestStatus', SearchAttributeType.KEYWORD);

export interface RequestSearchAttributes {
  requestType: string;
  agencyCode: string;
  applicantAccount: string;
  status: string;
}

export function requestSearchAttributes(a: RequestSearchAttributes): SearchAttributePair[] {
  return [
    { key: RequestTypeKey, value: a.requestType },
    { key: AgencyCodeKey, value: a.agencyCode },
    { key: ApplicantAccountKey, value: a.applicantAccount },
    { key: RequestStatusKey, value: a.status },
  ];
}
