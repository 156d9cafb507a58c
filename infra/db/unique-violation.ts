import { Prisma } from '@prisma/client';

/**
 * The columns of a unique-constraint violation (P2002), or null for any other error. With the pg
 * driver adapter Prisma leaves `meta.target` empty, so the adapter's cause and the message are read too.
 */
export function uniqueViolation(error: unknown): string[] | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return null;
  const meta = error.meta as
    { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string } } } } | undefined;
  const target = meta?.target;
  if (Array.isArray(target)) return target.map(String);
  if (typeof target === 'string') return [target];
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  if (constraint?.fields?.length) return constraint.fields;
  if (constraint?.index) return [constraint.index];
  const fromMessage = /fields: \(([^)]*)\)/.exec(error.message)?.[1];
  return fromMessage ? fromMessage.split(',').map((f) => f.replace(/[`"\s]/g, '')) : [];
}
