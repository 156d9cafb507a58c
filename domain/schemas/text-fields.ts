import { z } from 'zod';
import { codePointLength, refusedCharacter, refusedInLine } from '../text';

// Text fields of the forms (報修, 應用系統服務介接…): trimmed, counted in characters as a person counts
// them, control characters refused, each message naming the field.

/** Required text: `missing` when empty, 「{label}最多 N 字」 when too long. */
export const requiredText = (label: string, max: number, missing: string, multiline = false) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .superRefine((v, ctx) => {
      if (codePointLength(v) > max) ctx.addIssue({ code: 'custom', message: `${label}最多 ${max} 字` });
      else if ((multiline ? refusedCharacter(v) : refusedInLine(v)) !== undefined) {
        ctx.addIssue({ code: 'custom', message: `${label}含有不允許的控制字元` });
      }
    });

/** Optional text (may be empty). */
export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}格式錯誤` })
    .trim()
    .superRefine((v, ctx) => {
      if (codePointLength(v) > max) ctx.addIssue({ code: 'custom', message: `${label}最多 ${max} 字` });
      else if (refusedCharacter(v) !== undefined) ctx.addIssue({ code: 'custom', message: `${label}含有不允許的控制字元` });
    })
    .optional();
