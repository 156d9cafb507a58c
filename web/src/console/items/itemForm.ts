// The item form's state (what the fields hold, as text) and the body the API takes, for the three
// kinds; checked in the browser with the API's own schemas (domain/bookings/resource-schema.ts).
import type { z } from 'zod';
import { itemFieldSchemas, newItemSchemas } from '../../../../domain/bookings/resource-schema';
import type { DayHours } from '../../../../domain/bookings/slots';
import type { FieldErrors } from '../../lib/api';
import type { Audience, ItemDetail, ItemKind, Named } from './api';

export interface ItemForm {
  locationId: string;
  agencyId: string;
  name: string;
  floor: string;
  capacity: string;
  vehicleType: string;
  make: string;
  year: string;
  displacement: string;
  carCode: string;
  licence: string;
  phone: string;
  phoneExt: string;
  description: string;
  rules: string;
  remarks: string;
  openHours: DayHours[];
  isPublic: '' | 'true' | 'false';
  audience: '' | Audience;
  allowedAgencies: Named[];
}

/** Monday to Friday 8:00 - 18:00, the manual's example; the weekend 不開放. */
const WEEKDAYS = [...Array.from({ length: 5 }, () => ({ open: 8 * 60, close: 18 * 60 })), null, null];

export const emptyForm = (agencyId = ''): ItemForm => ({
  locationId: '',
  agencyId,
  name: '',
  floor: '',
  capacity: '',
  vehicleType: '',
  make: '',
  year: '',
  displacement: '',
  carCode: '',
  licence: '',
  phone: '',
  phoneExt: '',
  description: '',
  rules: '',
  remarks: '',
  openHours: WEEKDAYS,
  isPublic: '',
  audience: '',
  allowedAgencies: [],
});

const text = (v: string | number | null) => (v === null ? '' : String(v));

export const formOf = (item: ItemDetail): ItemForm => ({
  locationId: item.location.id,
  agencyId: item.agency.id,
  name: item.name,
  floor: text(item.floor),
  capacity: text(item.capacity),
  vehicleType: text(item.vehicleType),
  make: text(item.make),
  year: text(item.year),
  displacement: text(item.displacement),
  carCode: text(item.carCode),
  licence: text(item.licence),
  phone: text(item.phone),
  phoneExt: text(item.phoneExt),
  description: text(item.description),
  rules: text(item.rules),
  remarks: text(item.remarks),
  openHours: [...item.openHours],
  isPublic: item.isPublic ? 'true' : 'false',
  audience: item.audience,
  allowedAgencies: item.allowedAgencies,
});

const FIELDS_OF: Record<ItemKind, (keyof ItemForm)[]> = {
  VENUE: ['floor', 'name', 'capacity', 'openHours', 'phone', 'phoneExt', 'description', 'rules'],
  CAR: ['vehicleType', 'name', 'capacity', 'make', 'year', 'displacement', 'carCode', 'openHours', 'remarks'],
  DRIVER: ['name', 'licence', 'phone', 'remarks'],
};

/** The body of 儲存: the kind's own fields, the shared ones, and what is added (custodians, drivers). */
export function bodyOf(kind: ItemKind, form: ItemForm, extra: Record<string, unknown> = {}) {
  return {
    locationId: form.locationId,
    agencyId: form.agencyId,
    ...Object.fromEntries(FIELDS_OF[kind].map((key) => [key, form[key]])),
    isPublic: form.isPublic === '' ? undefined : form.isPublic === 'true',
    audience: form.audience || undefined,
    allowedAgencyIds: form.audience === 'OWN_AND_LISTED' ? form.allowedAgencies.map((a) => a.id) : [],
    ...extra,
  };
}

/** The field messages the API would answer, found before sending (empty when the form may go). */
export const formProblems = (kind: ItemKind, body: object, isNew: boolean): FieldErrors =>
  schemaProblems(isNew ? newItemSchemas[kind] : itemFieldSchemas[kind], body);

/** The field messages of the API's own schema for a body (the first per field). */
export function schemaProblems(schema: z.ZodType, body: object): FieldErrors {
  const parsed = schema.safeParse(body);
  if (parsed.success) return {};
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
  return fields;
}

/** A field's message; 開放借用時間's may be about one day (openHours.3). */
export const fieldError = (fields: FieldErrors, key: string) =>
  fields[key] ?? Object.entries(fields).find(([k]) => k.startsWith(`${key}.`))?.[1];
