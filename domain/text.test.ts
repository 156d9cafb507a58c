import { describe, expect, it } from 'vitest';
import { codePointLength, toHalfWidth } from './text';

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
