import { describe, expect, it } from 'vitest';
import {
  ACR_CERTIFICATE,
  ACR_SINGLE_FACTOR,
  METHOD_ASSURANCE,
  methodsMeeting,
  requiredLevel,
  satisfies,
  type LoginMethodName,
} from './login-assurance';

const ALL: LoginMethodName[] = ['MOBILE_CERT', 'CITIZEN_CERT', 'OTP', 'TEMP_PASSWORD', 'PASSWORD'];

describe('login assurance (acr / amr)', () => {
  it('names every method with RFC 8176 references; only the certificate methods are multi-factor', () => {
    const registered = new Set(['pwd', 'otp', 'sc', 'hwk', 'pin', 'mca', 'mfa']);
    for (const method of ALL) for (const amr of METHOD_ASSURANCE[method].amr) expect(registered).toContain(amr);
    expect(ALL.filter((m) => METHOD_ASSURANCE[m].amr.includes('mfa'))).toEqual(['MOBILE_CERT', 'CITIZEN_CERT']);
  });

  it.each([
    [undefined, 0],
    ['', 0],
    ['urn:other:acr', 0],
    [ACR_SINGLE_FACTOR, 1],
    [ACR_CERTIFICATE, 2],
    [`${ACR_CERTIFICATE} ${ACR_SINGLE_FACTOR}`, 1],
    [`urn:other ${ACR_CERTIFICATE}`, 2],
  ])('acr_values %j asks for level %i', (acrValues, level) => {
    expect(requiredLevel(acrValues)).toBe(level);
  });

  it('offers only the methods that meet the request, in the order the zone offers them', () => {
    expect(methodsMeeting(ALL, undefined)).toEqual(ALL);
    expect(methodsMeeting(ALL, ACR_SINGLE_FACTOR)).toEqual(ALL);
    expect(methodsMeeting(ALL, ACR_CERTIFICATE)).toEqual(['MOBILE_CERT', 'CITIZEN_CERT']);
    expect(methodsMeeting(['PASSWORD', 'OTP'] as LoginMethodName[], ACR_CERTIFICATE)).toEqual([]);
  });

  it('a session satisfies a request at or below its own level', () => {
    expect(satisfies(ACR_SINGLE_FACTOR, ACR_CERTIFICATE)).toBe(false);
    expect(satisfies(ACR_CERTIFICATE, ACR_SINGLE_FACTOR)).toBe(true);
    expect(satisfies(undefined, ACR_SINGLE_FACTOR)).toBe(false);
    expect(satisfies(undefined, undefined)).toBe(true);
    expect(satisfies('urn:forged', ACR_CERTIFICATE)).toBe(false);
  });
});
