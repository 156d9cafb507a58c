// Small text helpers for form input. Pure; safe in the browser.

/**
 * Folds full-width ASCII (Ａ１＠－…, U+FF01–U+FF5E) and the ideographic space (U+3000) to their
 * half-width forms. zh-TW IMEs produce full-width letters and digits easily ("Ａ１２３…"), and the
 * user cannot see the difference, so identifiers, phone numbers and e-mail addresses are folded
 * before they are checked. Other characters (CJK, accented letters) are left alone so that the
 * checks still reject them.
 */
export function toHalfWidth(value: string): string {
  return value.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/**
 * Length in Unicode code points. `String.length` counts UTF-16 units, and Taiwanese names may use
 * CJK Extension B characters (outside the BMP), which would otherwise count double against a limit.
 */
export function codePointLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** What `refusedCharacter` says, for forms and the API's input guard alike. */
export const REFUSED_CHARACTER_MESSAGE = '含有不允許的控制字元';

/**
 * The first character no person types into a form, or undefined: C0 controls except TAB, LF and CR
 * (U+0000–U+001F, which includes NUL), DEL and the C1 controls (U+007F–U+009F), and a UTF-16 surrogate
 * without its pair. PostgreSQL cannot store NUL in text or jsonb, and an unpaired surrogate has no
 * UTF-8 form, so either would fail deep inside a write; the others are invisible and only ever arrive
 * from scripts. U+FFFE/U+FFFF and the bidi overrides are valid text that PostgreSQL stores, and a name
 * pasted from a right-to-left document may carry them, so they are left to each field's own format.
 */
export function refusedCharacter(value: string): string | undefined {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit < 0x20) {
      if (unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) return value[i];
    } else if (unit >= 0x7f && unit <= 0x9f) {
      return value[i];
    } else if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return value[i];
      i++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return value[i];
    }
  }
  return undefined;
}

/** The same rule for a single-line field (姓名, 職稱, 單位名稱 …), which takes no TAB or line break either. */
export function refusedInLine(value: string): string | undefined {
  return refusedCharacter(value) ?? /[\t\n\r]/.exec(value)?.[0];
}
