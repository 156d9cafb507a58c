import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureNodeService } from '../../../scripts/setup.mjs';

// Issue 10 #9: a command line is readable by every user of the machine (ps, /proc/<pid>/cmdline), so
// no secret may be passed as an argument; the set-up passes them in the environment.

/** Every process's command line, as `ps` shows it to anyone. */
function commandLines() {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        return [{ pid: Number(pid), cmdline: fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ') }];
      } catch {
        return []; // ended meanwhile
      }
    });
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const started: { stop: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const handle of started) await handle.stop();
});

describe('secrets never on a command line (issue 10 #9)', () => {
  it('the simulators the set-up starts take their password and SP key from the environment, and use them', async () => {
    const stateDir = path.relative(process.cwd(), path.dirname(path.dirname(process.env.API_LOG_FILE ?? '.data/test/logs/x')));
    const secrets = {
      MITAKE_PASSWORD: crypto.randomBytes(12).toString('hex'),
      MOI_FIDO_SP_KEY: crypto.randomBytes(32).toString('base64'),
    };
    const [smsPort, moiPort] = [await freePort(), await freePort()];
    const sms = await ensureNodeService({
      name: 'mitake-sim-argv-check',
      script: 'scripts/services/mitake-sim.mjs',
      args: ['--port', String(smsPort), '--store', path.join(stateDir, 'sms-argv-check'), '--username', 'argv-check'],
      secrets: { MITAKE_PASSWORD: secrets.MITAKE_PASSWORD },
      port: smsPort,
      stateDir,
      log: () => undefined,
    });
    const moi = await ensureNodeService({
      name: 'moi-fido-sim-argv-check',
      script: 'scripts/services/moi-fido-sim.mjs',
      args: ['--port', String(moiPort), '--sp-service-id', 'SP-ARGV-CHECK'],
      secrets: { MOI_FIDO_SP_KEY: secrets.MOI_FIDO_SP_KEY },
      port: moiPort,
      stateDir,
      log: () => undefined,
    });
    started.push(sms!, moi!);

    for (const handle of [sms!, moi!]) {
      const cmdline = fs.readFileSync(`/proc/${handle.pid}/cmdline`, 'utf8');
      expect(cmdline).toContain('scripts/services/');
      for (const secret of Object.values(secrets)) expect(cmdline).not.toContain(secret);
    }
    // Not vacuous: the simulator authenticates with the password it was given (statuscode e = wrong password).
    const query = (password: string) =>
      fetch(
        `http://127.0.0.1:${smsPort}/api/mtk/SmQuery?${new URLSearchParams({ username: 'argv-check', password, msgid: '1' })}`,
      ).then((r) => r.text());
    expect(await query(secrets.MITAKE_PASSWORD)).not.toMatch(/statuscode=e/);
    expect(await query('wrong')).toMatch(/statuscode=e/);
  }, 60_000);

  it('no process running on this machine shows a secret of this test slot in its command line', () => {
    const names = ['MITAKE_PASSWORD', 'MOI_FIDO_SP_KEY', 'AD_BIND_PASSWORD', 'DATA_KEY', 'HASH_KEY', 'SESSION_SECRET'];
    const secrets = names.map((name) => [name, process.env[name]] as const).filter(([, value]) => value && value.length >= 8);
    expect(secrets.map(([name]) => name)).toEqual(names);
    const lines = commandLines();
    // Not vacuous: the slot's simulators are among them.
    expect(lines.some((l) => l.cmdline.includes('mitake-sim.mjs'))).toBe(true);
    const shown = lines.flatMap(({ pid, cmdline }) =>
      secrets.filter(([, value]) => cmdline.includes(value!)).map(([name]) => `${name} in pid ${pid}`),
    );
    expect(shown).toEqual([]);
  });
});
