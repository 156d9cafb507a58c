import net from 'node:net';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM JavaScript (the set-up scripts run before npm install)
import { assertPortFree, isPortOpen } from './proc.mjs';

describe('port checks in the set-up scripts', () => {
  it('names the port and the process holding it', async () => {
    const server = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as net.AddressInfo;
    try {
      expect(await isPortOpen(port)).toBe(true);
      await expect(assertPortFree(port, 'API')).rejects.toThrow(new RegExp(`連接埠 ${port} 已被占用：pid ${process.pid} \\(`));
    } finally {
      server.close();
    }
  });

  it('passes for a free port', async () => {
    await expect(assertPortFree(1, 'nothing')).resolves.toBeUndefined();
  });
});
