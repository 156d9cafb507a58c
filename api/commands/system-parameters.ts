import type { PrismaClient } from '@prisma/client';
import { formatParameterValue } from '../../domain/system-parameter-display';
import { serializeParameterValue, type SystemParameterDefinition } from '../../domain/system-parameters';
import type { Actor } from '../policies';
import { storedValue } from '../queries/system-parameters';
import { recordUsage } from './usage';

type ParameterValue = SystemParameterDefinition['defaultValue'];

/**
 * 系統參數管理 › 修改: stores the value (validated by the caller against its definition) and records
 * parameter.update with the old and new value in the admin's 帳號使用紀錄, in one transaction.
 */
export async function updateSystemParameter(
  prisma: PrismaClient,
  actor: Pick<Actor, 'id'>,
  def: SystemParameterDefinition,
  value: ParameterValue,
  ip: string | undefined,
) {
  const { key } = def;
  const text = serializeParameterValue(def.type, value);
  await prisma.$transaction(async (tx) => {
    const before = await tx.systemParameter.findUnique({ where: { key } });
    const old = storedValue(def, before);
    const common = {
      type: def.type,
      defaultValue: serializeParameterValue(def.type, def.defaultValue),
      label: def.label,
      description: def.description,
      unit: def.unit,
      min: def.min,
      max: def.max,
    };
    await tx.systemParameter.upsert({
      where: { key },
      create: { key, value: text, ...common, updatedById: actor.id },
      update: { value: text, updatedById: actor.id },
    });
    await recordUsage(tx, {
      userId: actor.id,
      action: 'parameter.update',
      target: key,
      detail: {
        label: def.label,
        unit: def.unit,
        oldValue: old,
        newValue: value,
        oldText: formatParameterValue(def, old),
        newText: formatParameterValue(def, value),
      },
      ip: ip ?? null,
    });
  });
}
