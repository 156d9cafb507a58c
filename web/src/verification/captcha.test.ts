import { describe, expect, it } from 'vitest';
import { captchaImageSrc } from './captcha';

describe('captcha image', () => {
  it('is a data URL with the markup encoded, so nothing of it becomes page markup', () => {
    const src = captchaImageSrc('<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/><script>alert(1)</script></svg>');
    expect(src.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(src).not.toContain('<');
    expect(src).not.toContain('"');
    expect(decodeURIComponent(src.slice(src.indexOf(',') + 1))).toContain('<path d="M0 0"/>');
  });
});
