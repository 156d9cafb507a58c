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
