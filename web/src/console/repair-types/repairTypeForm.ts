// The 報修類型 form's state (what the fields hold) and the body the API takes; checked in the browser
// with the API's own schemas (domain/repairs/type-schema.ts).
import { newRepairTypeSchema, repairTypeFieldsSchema } from '../../../../domain/repairs/type-schema';
import type { FieldErrors } from '../../lib/api';
import type { Audience, Named, Person } from '../items/api';
import { schemaProblems } from '../items/itemForm';
import type { RepairTypeDetail } from './api';

export interface CategoryDraft {
  /** The stored 分類's id; none for one added on this form. */
  id?: string;
  /** React's key (the id, or a new one's own). */
  key: string;
  name: string;
  retired: boolean;
}

export interface RepairTypeForm {
  name: string;
  agencyId: string;
  audience: '' | Audience;
  allowedAgencies: Named[];
  vendors: Person[];
  categories: CategoryDraft[];
  replyTargetHours: string;
}

export const emptyRepairTypeForm = (agencyId = ''): RepairTypeForm => ({
  name: '',
  agencyId,
  audience: '',
  allowedAgencies: [],
  vendors: [],
  categories: [],
  replyTargetHours: '',
});

export const repairTypeFormOf = (type: RepairTypeDetail): RepairTypeForm => ({
  name: type.name,
  agencyId: type.agency.id,
  audience: type.audience,
  allowedAgencies: type.allowedAgencies,
  vendors: type.vendors,
  categories: type.categories.map((c) => ({ ...c, key: c.id })),
  replyTargetHours: type.replyTargetHours === null ? '' : String(type.replyTargetHours),
});

/** The body of 儲存, and what 新增 adds (the custodians). */
export const repairTypeBody = (form: RepairTypeForm, extra: Record<string, unknown> = {}) => ({
  name: form.name,
  agencyId: form.agencyId,
  audience: form.audience || undefined,
  allowedAgencyIds: form.audience === 'OWN_AND_LISTED' ? form.allowedAgencies.map((a) => a.id) : [],
  vendorIds: form.vendors.map((v) => v.id),
  categories: form.categories.map((c) => ({ ...(c.id ? { id: c.id } : {}), name: c.name, retired: c.retired })),
  replyTargetHours: form.replyTargetHours,
  ...extra,
});

export const repairTypeProblems =
  (isNew: boolean) =>
  (body: object): FieldErrors =>
    schemaProblems(isNew ? newRepairTypeSchema : repairTypeFieldsSchema, body);
