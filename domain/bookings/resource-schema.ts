import { z } from 'zod';
import { PHONE_MESSAGES, extensionError, normalizeExtension, normalizeMobile } from '../phone';
import { codePointLength, refusedInLine, toHalfWidth } from '../text';
import { SLOT_MINUTES, WEEKDAY_LABELS } from './slots';

// 物品管理's forms (場地, 公務車, 派遣司機): one definition for the web forms and the API, in the
// manual's words. The three kinds share 所在地, 管理機關, 是否公開 and 允許借用機關; each adds its own.

export type ItemKind = 'VENUE' | 'CAR' | 'DRIVER';
export const ITEM_KINDS = ['VENUE', 'CAR', 'DRIVER'] as const;
/** The kinds as the API's paths and the web's routes name them. */
export const ITEM_KIND_SLUGS = { VENUE: 'venues', CAR: 'cars', DRIVER: 'drivers' } as const satisfies Record<ItemKind, string>;
export type ItemKindSlug = (typeof ITEM_KIND_SLUGS)[ItemKind];

/** 保管人 of a venue or car, 管理人 of a driver. */
export const custodianWord = (kind: ItemKind) => (kind === 'DRIVER' ? '管理人' : '保管人');
/** 場地, 公務車, 司機 as the messages name the item. */
export const ITEM_NOUNS: Record<ItemKind, string> = { VENUE: '場地', CAR: '公務車', DRIVER: '司機' };

export const ITEM_TEXT_MAX = 50;
export const ITEM_NOTE_MAX = 1000;
export const ALLOWED_AGENCIES_MAX = 300;
export const CUSTODIAN_REASON_MAX = 200;
/** A driver's dispatch is bounded by the car's 開放借用時間 only: the driver is available all day. */
export const DRIVER_OPEN_HOURS = WEEKDAY_LABELS.map(() => ({ open: 0, close: 24 * 60 }));

export const requiredLine = (label: string, max = ITEM_TEXT_MAX) =>
  z
    .string({ error: `請輸入${label}` })
    .nullish()
    .transform((v) => (v ?? '').replace(/\s+/g, ' ').trim())
    .superRefine((v, ctx) => {
      if (v === '') ctx.addIssue({ code: 'custom', message: `請輸入${label}` });
      else if (codePointLength(v) > max) ctx.addIssue({ code: 'custom', message: `${label}不可超過${max}個字` });
      else if (refusedInLine(v) !== undefined) ctx.addIssue({ code: 'custom', message: `${label}包含無效的字元` });
    });

const note = (label: string) =>
  z
    .string({ error: `${label}格式錯誤` })
    .nullish()
    .transform((v) => (v ?? '').replace(/\r\n/g, '\n').trim())
    .refine((v) => codePointLength(v) <= ITEM_NOTE_MAX, `${label}不可超過${ITEM_NOTE_MAX}個字`)
    .transform((v) => (v === '' ? null : v));

/** A whole number typed into a field (a number, or digits as text); empty means not given. */
const wholeNumber = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) =>
      typeof v === 'string' ? (toHalfWidth(v).trim() === '' ? undefined : Number(toHalfWidth(v).trim())) : (v ?? undefined),
    z
      .number({ error: (issue) => (issue.input === undefined ? `請輸入${label}` : `${label}須為數字`) })
      .int(`${label}須為整數`)
      .min(min, `${label}須介於 ${min} 至 ${max}`)
      .max(max, `${label}須介於 ${min} 至 ${max}`),
  );

export const id = (required: string) => z.string({ error: required }).trim().min(1, required).max(64, required);

/** One day of 開放借用時間: closed (null), or whole hours with the end after the start. */
const dayHours = z
  .object({
    open: z.number({ error: '請選擇開始時間' }).int('開放借用時間須為整點'),
    close: z.number({ error: '請選擇結束時間' }).int('開放借用時間須為整點'),
  })
  .nullable()
  .superRefine((day, ctx) => {
    if (!day) return;
    if (day.open % SLOT_MINUTES !== 0 || day.close % SLOT_MINUTES !== 0)
      ctx.addIssue({ code: 'custom', message: '開放借用時間須為整點' });
    else if (day.open < 0 || day.close > 24 * 60) ctx.addIssue({ code: 'custom', message: '開放借用時間須介於 0:00 至 24:00' });
    else if (day.close <= day.open) ctx.addIssue({ code: 'custom', message: '結束時間須晚於開始時間' });
  });

/** 開放借用時間: seven days, Monday first, at least one of them open. */
export const openHoursSchema = z
  .array(dayHours, { error: '請設定開放借用時間' })
  .length(7, '請設定開放借用時間')
  .refine((days) => days.some((d) => d !== null), '請至少設定一天開放借用時間');

/**
 * 允許借用機關 (允許報修機關 of a 報修類型): 全府, 僅限機關同仁, or 開放機關同仁及其他機關人員 with the
 * other agencies (+ / x; ignored for the other two choices).
 */
export const audienceFields = (label: string) => ({
  audience: z.enum(['CITY', 'OWN_AGENCY', 'OWN_AND_LISTED'], { error: `請選擇${label}` }),
  allowedAgencyIds: z
    .array(id('請選擇機關'), { error: `${label}格式錯誤` })
    .max(ALLOWED_AGENCIES_MAX, `${label}最多 ${ALLOWED_AGENCIES_MAX} 個`)
    .default([]),
});

const common = {
  locationId: id('請選擇所在地'),
  agencyId: id('請選擇管理機關'),
  isPublic: z.boolean({ error: '請選擇是否公開' }),
  ...audienceFields('允許借用機關'),
};

/** 場地電話 (any local or mobile number as typed, separators removed) and its 分機. */
const venuePhone = z
  .string({ error: '場地電話格式錯誤' })
  .nullish()
  .transform((v) => toHalfWidth(v ?? '').replace(/[\s\-.()]/g, ''))
  .refine((v) => v === '' || /^\d{6,10}$/.test(v), '場地電話格式錯誤，請填寫 6-10 位數字')
  .transform((v) => (v === '' ? null : v));
const venuePhoneExt = z
  .string({ error: PHONE_MESSAGES.EXT_FORMAT })
  .nullish()
  .transform((v) => normalizeExtension(v ?? ''))
  .superRefine((v, ctx) => {
    const message = extensionError(v);
    if (message) ctx.addIssue({ code: 'custom', message });
  })
  .transform((v) => (v === '' ? null : v));

/** 司機聯絡電話: a mobile number (the dispatch SMS goes there). */
const driverPhone = z
  .string({ error: '請輸入司機聯絡電話' })
  .transform(normalizeMobile)
  .superRefine((v, ctx) => {
    if (v === '') ctx.addIssue({ code: 'custom', message: '請輸入司機聯絡電話' });
    else if (!/^09\d{8}$/.test(v)) ctx.addIssue({ code: 'custom', message: '司機聯絡電話格式錯誤，格式：0912345678' });
  });

export const venueFieldsSchema = z.object({
  ...common,
  floor: requiredLine('所在樓層', 20),
  name: requiredLine('場地名稱'),
  capacity: wholeNumber('容納人數', 1, 100_000),
  openHours: openHoursSchema,
  phone: venuePhone,
  phoneExt: venuePhoneExt,
  description: note('場地描述'),
  rules: note('場地規範'),
});

const thisYear = new Date().getFullYear();
export const carFieldsSchema = z.object({
  ...common,
  vehicleType: requiredLine('車型', 20),
  name: requiredLine('車號', 20),
  capacity: wholeNumber('乘客人數上限', 1, 100),
  make: requiredLine('廠牌', 30),
  year: wholeNumber('年份', 1950, thisYear + 1),
  displacement: wholeNumber('排氣量', 1, 30_000),
  carCode: requiredLine('公務車編號', 30),
  openHours: openHoursSchema,
  remarks: note('備註'),
});

export const driverFieldsSchema = z.object({
  ...common,
  name: requiredLine('司機姓名', 30),
  licence: requiredLine('司機證照', 30),
  phone: driverPhone,
  remarks: note('備註'),
});

/** 新增's two holders (保管人, 管理人, 類型保管人): 1 required, 2 optional. */
export const custodianIds = (word: string) => ({
  custodian1Id: id(`請設置${word} 1`),
  custodian2Id: id(`請設置${word} 2`).nullish(),
});
const driverIds = z.array(id('請選擇公務車司機'), { error: '公務車司機格式錯誤' }).max(50, '公務車司機最多 50 位');

/** 新增場地 / 新增公務車 (with the drivers of 選擇公務車司機) / 新增司機: the fields and the custodians. */
export const newItemSchemas = {
  VENUE: venueFieldsSchema.extend(custodianIds(custodianWord('VENUE'))),
  CAR: carFieldsSchema.extend({ ...custodianIds(custodianWord('CAR')), driverIds: driverIds.default([]) }),
  DRIVER: driverFieldsSchema.extend(custodianIds(custodianWord('DRIVER'))),
};
/** 場地資訊 / 公務車資訊 / 司機資訊 › 儲存. */
export const itemFieldSchemas = { VENUE: venueFieldsSchema, CAR: carFieldsSchema, DRIVER: driverFieldsSchema };

export type NewItemInput<K extends ItemKind = ItemKind> = z.output<(typeof newItemSchemas)[K]>;
export type ItemFields =
  z.output<typeof venueFieldsSchema> | z.output<typeof carFieldsSchema> | z.output<typeof driverFieldsSchema>;

/** 選擇公務車司機 › 儲存. */
export const carDriversSchema = z.object({ driverIds });

/** 設置保管人 / 設置管理人 (a 報修類型's 類型保管人 too): the new holder (null: remove holder 2) and 異動原因. */
export const custodianChangeSchema = (word: string) =>
  z.object({
    userId: id(`請選擇新${word}`).nullable(),
    reason: z
      .string({ error: '請輸入異動原因' })
      .transform((v) => v.trim())
      .refine((v) => v !== '', '請輸入異動原因')
      .refine((v) => codePointLength(v) <= CUSTODIAN_REASON_MAX, `異動原因不可超過${CUSTODIAN_REASON_MAX}個字`)
      .refine((v) => refusedInLine(v) === undefined, '異動原因包含無效的字元'),
  });
