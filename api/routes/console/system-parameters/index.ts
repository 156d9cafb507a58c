import type { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { z } from 'zod';
import {
  displayRange,
  formatParameterValue,
  parameterEditSchema,
  toDisplayValue,
} from '../../../../domain/system-parameter-display';
import { getParameterDefinition, SYSTEM_PARAMETERS, type SystemParameterDefinition } from '../../../../domain/system-parameters';
import { fail } from '../../../errors';
import { authorize } from '../../../policies';
import { authorized, body } from '../../../request-body';
import { updateSystemParameter } from '../../../commands/system-parameters';
import { parameterRowsByKey, storedValue, type ParameterRow } from '../../../queries/system-parameters';

const keyParams = z.object({ key: z.string().max(100) });
// The JSON types a parameter can have; the parameter's own definition then decides (parameterEditSchema).
const valueBody = body(
  z.object({ value: z.union([z.number(), z.boolean(), z.string().max(500)], { error: '參數值格式不正確' }).optional() }),
);

function present(def: SystemParameterDefinition, row: ParameterRow | undefined) {
  const value = storedValue(def, row);
  const range = displayRange(def);
  return {
    key: def.key,
    type: def.type,
    label: def.label,
    description: def.description,
    unit: def.unit,
    /** In the display unit (天/分鐘 for durations). */
    value: toDisplayValue(def, value),
    valueText: formatParameterValue(def, value),
    defaultValue: toDisplayValue(def, def.defaultValue),
    defaultText: formatParameterValue(def, def.defaultValue),
    min: range.min,
    max: range.max,
    updatedAt: row?.updatedById ? row.updatedAt.toISOString() : null,
    updatedBy: row?.updatedBy ? { account: row.updatedBy.account, name: row.updatedBy.name } : null,
  };
}

/**
 * 管理主控台 › 系統參數管理 (system admins): every parameter of domain/system-parameters.ts with its
 * value in its unit; PUT changes one, validated against its definition, and records
 * parameter.update (old and new value) in the admin's 帳號使用紀錄.
 */
export function systemParameterRoutes(deps: { prisma: PrismaClient }) {
  const { prisma } = deps;
  const router = Router();

  router.get('/', async (req, res) => {
    authorize(req.actor, 'systemParameter.read');
    const rows = await parameterRowsByKey(prisma);
    res.json({
      items: (SYSTEM_PARAMETERS as readonly SystemParameterDefinition[]).map((def) => present(def, rows.get(def.key))),
    });
  });

  router.put('/:key', authorized('systemParameter.update'), valueBody, async (req, res) => {
    authorize(req.actor, 'systemParameter.update');
    const { key } = keyParams.parse(req.params);
    const def = getParameterDefinition(key);
    if (!def) throw fail('NOT_FOUND', '找不到此系統參數');
    const value = parameterEditSchema(def).parse(valueBody.of(req));
    await updateSystemParameter(prisma, req.actor, def, value, req.ip);
    const rows = await parameterRowsByKey(prisma);
    res.json(present(def, rows.get(key)));
  });

  return router;
}
