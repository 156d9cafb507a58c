import { describe, expect, it } from 'vitest';
import { codePointLength, refusedCharacter, refusedInLine, toHalfWidth } from './text';

describe('toHalfWidth', () => {
  it.each([
    ['Ａ１２３', 'A123'],
    ['ｗａｎｇ＿０１', 'wang_01'],
    ['！＠＃～', '!@#~'],
    ['\u3000a\u3000', ' a '],
    ['王小明', '王小明'], // CJK untouched
    ['é', 'é'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(toHalfWidth(input)).toBe(output);
  });
});

describe('codePointLength', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['王小明', 3],
    ['𠀀', 1], // CJK Extension B: two UTF-16 units
    ['林𡘙', 2],
  ])('%j → %i', (input, length) => {
    expect(codePointLength(input)).toBe(length);
  });
});

describe('refusedCharacter', () => {
  it.each([
    ['王小明', undefined],
    ['第一行\n第二行\r\n\t縮排', undefined], // TAB, LF, CR are typed into text areas
    ['林𡘙', undefined], // a surrogate pair (CJK Extension B) is one character
    ['😀', undefined],
    ['\u202Eabc', undefined], // bidi override: valid text, left to the field's format
    ['\uFFFF', undefined],
    ['', undefined],
    ['a\u0000b', '\u0000'],
    ['\u0001', '\u0001'],
    ['\u001F', '\u001F'],
    ['\u007F', '\u007F'],
    ['\u0085', '\u0085'],
    ['\u009F', '\u009F'],
    ['x\uD800', '\uD800'], // high surrogate at the end
    ['\uD800y', '\uD800'], // high surrogate followed by a non-surrogate
    ['\uDC00', '\uDC00'], // lone low surrogate
    ['\uDC00\uD800', '\uDC00'], // a pair in the wrong order
  ])('%j → %j', (input, refused) => {
    expect(refusedCharacter(input)).toBe(refused);
  });
});

describe('refusedInLine', () => {
  it.each([
    ['王小明', undefined],
    ['a\tb', '\t'],
    ['a\nb', '\n'],
    ['a\rb', '\r'],
    ['a\u0000b', '\u0000'],
    ['x\uD800', '\uD800'],
  ])('%j → %j', (input, refused) => {
    expect(refusedInLine(input)).toBe(refused);
  });
});
