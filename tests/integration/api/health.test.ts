import { afterAll, describe, expect, it } from 'vitest';
import request from './support-request';
import { createClients } from '../../../infra/clients';
import { e2e, testEnv } from '../../support/env';

const env = testEnv();
const adDown = createClients({ ...env, AD_URL: 'ldaps://127.0.0.1:1' });
afterAll(() => adDown.prisma.$disconnect());

describe('GET /healthz', () => {
  it('answers 200 with one entry per dependency when all answer', async () => {
    const response = await fetch(`${e2e.baseUrl()}/healthz`);
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(Object.keys(body.checks).sort()).toEqual(['ad', 'postgres', 'sms', 'smtp', 'temporal']);
    expect(body.status).toBe('ok');
  });

  it('answers 503 naming AD, with the LDAP error, when AD does not answer', async () => {
    const { status, body } = await request(adDown, env);
    expect(status).toBe(503);
    expect(body.failing).toEqual(['ad']);
    expect(body.checks.ad.error).toMatch(/ECONNREFUSED|connect/i);
    expect(body.checks.postgres.ok).toBe(true);
  });
});
