import type { RequestHandler } from 'express';
import { REFUSED_CHARACTER_MESSAGE, refusedCharacter } from '../domain/text';
import { fail } from './errors';

/** No form nests deeper than a few levels; a deeper body is an attack on the parsers behind this. */
export const MAX_BODY_DEPTH = 16;

/**
 * One rule for every string a request carries (domain/text.ts `refusedCharacter`): the path's
 * decoded segments, the query and the parsed body, nested objects and arrays and their keys, before
 * any route sees them. PostgreSQL refuses NUL and unpaired surrogates deep inside a write (a 500 and
 * perhaps half a change); here they are a 400 with the field named, for routes written tomorrow too.
 * Mounted after the body parsers; routes that parse their own bodies run `inputGuard` again after.
 */
export const inputGuard: RequestHandler = (req, _res, next) => {
  const fields: Record<string, string> = {};
  const pathname = req.originalUrl.split('?')[0] ?? '';
  for (const segment of pathname.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw fail('VALIDATION_FAILED', '網址格式不正確。');
    }
    if (refusedCharacter(decoded) !== undefined) throw fail('VALIDATION_FAILED', '網址含有不允許的控制字元。');
  }
  walk(req.query, '', fields);
  if (req.body !== undefined && !Buffer.isBuffer(req.body)) walk(req.body, '', fields);
  if (Object.keys(fields).length) throw fail('VALIDATION_FAILED', undefined, fields);
  next();
};

/** Iterative, so a deeply nested body cannot overflow the stack; paths as zodFields writes them. */
function walk(root: unknown, rootPath: string, fields: Record<string, string>) {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: root, path: rootPath, depth: 0 }];
  while (pending.length) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === 'string') {
      if (refusedCharacter(value) !== undefined) fields[path || '_'] ??= REFUSED_CHARACTER_MESSAGE;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH) throw fail('VALIDATION_FAILED', '送出的資料層數過多。');
    for (const key of Object.keys(value)) {
      const at = path ? `${path}.${key}` : key;
      if (refusedCharacter(key) !== undefined) {
        fields[path || '_'] ??= REFUSED_CHARACTER_MESSAGE;
        continue;
      }
      pending.push({ value: (value as Record<string, unknown>)[key], path: at, depth: depth + 1 });
    }
  }
}
