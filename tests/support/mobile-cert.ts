import { eventually } from './env';
import { apiSession } from './http';

/**
 * 行動自然人憑證 through the public API and the MOI simulator's operator endpoint (the person approves
 * in the APP): start → approve → APPROVED → the identity proof's answer ({ token, account, … }).
 */
export async function mobileCertProof(nationalId: string, purpose: 'ACTIVATE' | 'RESET_PASSWORD' | 'VERIFY') {
  const simulator = process.env.MOI_SIMULATOR_URL;
  if (!simulator) throw new Error('MOI_SIMULATOR_URL is not set (npm test sets it)');
  const s = apiSession();
  const started = await s.post('/api/identity/mobile-cert/start', { purpose, nationalId });
  if (started.status !== 201) throw new Error(`mobile-cert start failed: ${JSON.stringify(started.body)}`);
  const approve = await fetch(`${simulator}/__operator/approve`, {
    method: 'POST',
    body: JSON.stringify({ id_num: nationalId }),
  });
  if (approve.status !== 200) throw new Error(`simulator approve answered ${approve.status}`);
  await eventually(async () => (await s.get(`/api/identity/mobile-cert/${started.body.id}`)).body.status === 'APPROVED', {
    timeoutMs: 30_000,
    intervalMs: 1_000,
  });
  return s.post(`/api/identity/mobile-cert/${started.body.id}/proof`, { purpose });
}
