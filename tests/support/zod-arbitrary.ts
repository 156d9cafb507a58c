import fc from 'fast-check';
import type { z } from 'zod';

// fast-check arbitraries read from zod 4 schemas (zod-fast-check supports zod 3 only). They follow the
// schema's INPUT side (what a client sends): pipes generate from their first stage, a preprocess from
// its target, and refinements are ignored, so values are well-typed and mostly, not always, valid.

interface Def {
  type: string;
  [key: string]: unknown;
}
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def) =>
  ((def.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []).map((c) => c._zod.def);

const PRINTABLE = fc.string({ unit: 'grapheme', maxLength: 12 });

function stringArbitrary(def: Def): fc.Arbitrary<string> {
  const checks = [def, ...checksOf(def)];
  let min = 0;
  let max = 24;
  let pattern: RegExp | undefined;
  let format: string | undefined;
  for (const check of checks) {
    if (check.check === 'min_length') min = Math.max(min, check.minimum as number);
    if (check.check === 'max_length') max = Math.min(max, check.maximum as number);
    if (check.check === 'length_equals') min = max = check.length as number;
    if (check.check === 'string_format') {
      format = check.format as string;
      if (check.pattern instanceof RegExp) pattern = check.pattern;
    }
  }
  if (format === 'uuid' || format === 'guid') return fc.uuid();
  if (format === 'email') return fc.emailAddress();
  if (pattern) return fc.stringMatching(pattern).filter((s) => s.length <= 200);
  return fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.max(min, max) }).filter((s) => s.length <= max);
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  let min = -1_000_000;
  let max = 1_000_000;
  let integer = false;
  for (const check of checksOf(def)) {
    if (check.check === 'greater_than') min = Math.max(min, (check.value as number) + (check.inclusive ? 0 : 1));
    if (check.check === 'less_than') max = Math.min(max, (check.value as number) - (check.inclusive ? 0 : 1));
    if (check.check === 'number_format') integer = true;
  }
  return integer || def.coerce ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** An arbitrary of the values a client might send for `schema`. */
export function arbitraryOf(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringArbitrary(def);
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'optional':
      return fc.option(arbitraryOf(def.innerType as z.ZodType), { nil: undefined });
    case 'nullable':
      return fc.option(arbitraryOf(def.innerType as z.ZodType), { nil: null });
    case 'default':
    case 'prefault':
      return fc.option(arbitraryOf(def.innerType as z.ZodType), { nil: undefined });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return arbitraryOf(def.innerType as z.ZodType);
    case 'pipe': {
      const first = defOf(def.in);
      return arbitraryOf((first.type === 'transform' ? def.out : def.in) as z.ZodType);
    }
    case 'lazy':
      return arbitraryOf((def.getter as () => z.ZodType)());
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map(arbitraryOf));
    case 'array': {
      let maxLength = 4;
      let minLength = 0;
      for (const check of checksOf(def)) {
        if (check.check === 'max_length') maxLength = Math.min(maxLength, check.maximum as number);
        if (check.check === 'min_length') minLength = check.minimum as number;
      }
      return fc.array(arbitraryOf(def.element as z.ZodType), { minLength, maxLength: Math.max(minLength, maxLength) });
    }
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      return fc.record(Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, arbitraryOf(field)])));
    }
    case 'record':
      return fc.dictionary(PRINTABLE, arbitraryOf(def.valueType as z.ZodType), { maxKeys: 3 });
    default:
      // unknown, any, custom, transform …: anything JSON.
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** The object keys of a schema (through pipes, refinements and defaults), for per-field mutations. */
export function objectKeys(schema: z.ZodType): string[] {
  const def = defOf(schema);
  if (def.type === 'object') return Object.keys(def.shape as object);
  if (def.type === 'pipe') return objectKeys(def.in as z.ZodType);
  if (def.innerType) return objectKeys(def.innerType as z.ZodType);
  return [];
}
