// 系統參數管理: how a parameter is shown and edited. DURATION values are stored in seconds
// (domain/system-parameters.ts) but shown and edited in their definition's unit (天/小時/分鐘);
// INT in its own unit (次/筆). The edit schema turns the admin's number back into the stored value
// and names the parameter in every error. Pure; shared by the API and the web.
import { z } from 'zod';
import { DURATION_UNIT_SECONDS, type SystemParameterDefinition } from './system-parameters';

type Def = Pick<SystemParameterDefinition, 'type' | 'unit' | 'min' | 'max' | 'label'>;

/** Seconds per display unit of a DURATION (1 for other types, or a DURATION without a known unit). */
export function unitFactor(def: Pick<Def, 'type' | 'unit'>): number {
  if (def.type !== 'DURATION') return 1;
  return (def.unit && DURATION_UNIT_SECONDS[def.unit]) || 1;
}

/** The stored value in the display unit. A duration that is not a whole number of units (a test's
 * shortened seconds) keeps up to 2 decimals, so the page never pretends it is a round value. */
export function toDisplayValue(def: Pick<Def, 'type' | 'unit'>, stored: number | boolean | string): number | boolean | string {
  if (typeof stored !== 'number') return stored;
  const factor = unitFactor(def);
  return factor === 1 ? stored : Math.round((stored / factor) * 100) / 100;
}

/** min/max in the display unit: whole units inside the stored bounds. */
export function displayRange(def: Def): { min: number | null; max: number | null } {
  const factor = unitFactor(def);
  return {
    min: def.min === null ? null : Math.max(def.type === 'DURATION' ? 1 : def.min, Math.ceil(def.min / factor)),
    max: def.max === null ? null : Math.floor(def.max / factor),
  };
}

/** 「90 天」, 「15 分鐘」, 「5 次」, 「是/否」. */
export function formatParameterValue(def: Pick<Def, 'type' | 'unit'>, stored: number | boolean | string): string {
  if (typeof stored === 'boolean') return stored ? '是' : '否';
  const shown = toDisplayValue(def, stored);
  return def.unit ? `${shown} ${def.unit}` : String(shown);
}

/**
 * PUT /api/console/system-parameters/:key {value}: the value in the display unit. Output: the
 * stored value (seconds for DURATION). A number must arrive as a JSON number: no coercion, or
 * `{"value": true}` would become 1 (a lockout after one failed login); the form converts its text.
 */
export function parameterEditSchema(def: Def) {
  const unit = def.unit ? ` ${def.unit}` : '';
  if (def.type === 'BOOL') {
    return z
      .object({ value: z.boolean({ error: `${def.label}須為是或否` }) })
      .transform((v) => v.value as number | boolean | string);
  }
  if (def.type === 'STRING') {
    return z
      .object({
        value: z
          .string({ error: `請輸入${def.label}` })
          .trim()
          .min(1, `請輸入${def.label}`)
          .max(500, `${def.label}最多 500 字`),
      })
      .transform((v) => v.value as number | boolean | string);
  }
  const { min, max } = displayRange(def);
  // z.number refuses NaN and ±Infinity (1e400 in JSON) as well as every other type.
  let number = z
    .number({
      error: (issue) =>
        issue.input === undefined || issue.input === '' || issue.input === null ? `請輸入${def.label}` : `${def.label}須為數字`,
    })
    .refine((n) => Number.isInteger(n), { error: `${def.label}須為整數${unit ? `（單位：${def.unit}）` : ''}`, abort: true });
  if (min !== null) number = number.refine((n) => n >= min, `${def.label}不可小於 ${min}${unit}`);
  if (max !== null) number = number.refine((n) => n <= max, `${def.label}不可大於 ${max}${unit}`);
  return z.object({ value: number }).transform((v) => (v.value * unitFactor(def)) as number | boolean | string);
}
