import { describe, expect, it } from 'vitest';
import { totalLabel } from './paged';

describe('totalLabel', () => {
  it('writes the count, and 「1,000+」 once the server stopped counting', () => {
    expect(totalLabel(37)).toBe('37');
    expect(totalLabel(0, false)).toBe('0');
    expect(totalLabel(1000, true)).toBe('1,000+');
  });
});
