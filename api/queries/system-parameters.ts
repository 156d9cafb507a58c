import type { PrismaClient, SystemParameter, User } from '@prisma/client';
import { parseParameterValue, type SystemParameterDefinition } from '../../domain/system-parameters';

export type ParameterRow = SystemParameter & { updatedBy: Pick<User, 'account' | 'name'> | null };

/** Every stored parameter by key, with who changed it last. */
export async function parameterRowsByKey(prisma: PrismaClient) {
  const rows = await prisma.systemParameter.findMany({ include: { updatedBy: { select: { account: true, name: true } } } });
  return new Map<string, ParameterRow>(rows.map((r) => [r.key, r]));
}

/** The stored value (a bad stored text shows the default, as resolveSystemParameters uses it). */
export function storedValue(def: SystemParameterDefinition, row: Pick<SystemParameter, 'value'> | null | undefined) {
  if (!row) return def.defaultValue;
  try {
    return parseParameterValue(def.type, row.value);
  } catch {
    return def.defaultValue;
  }
}

/** One stored parameter (null when never stored: its default applies). */
export const parameterRow = (prisma: PrismaClient, key: string) => prisma.systemParameter.findUnique({ where: { key } });
