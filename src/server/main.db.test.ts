import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'src/server/main.ts')],
      {
        cwd: root,
        env: {
          ...process.env,
          TUMBUH_DB_DIR: ':memory:',
          TUMBUH_SEED_REGIONS: 'false',
          TUMBUH_DEMO: 'false',
          LOG_LEVEL: 'silent',
          DATABASE_URL: '',
          ...env,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('server start-up errors', () => {
  it('stops with every bad setting listed', async () => {
    const { code, stderr } = await runMain({ PORT: '99999', LOG_LEVEL: 'chatty' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/Invalid configuration/);
    expect(stderr).toMatch(/PORT/);
    expect(stderr).toMatch(/LOG_LEVEL/);
  });

  it('says so clearly when the port is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const { code, stderr } = await runMain({ PORT: String(port), HOST: '127.0.0.1' });
      expect(code).toBe(1);
      expect(stderr).toMatch(new RegExp(`Port ${port} on 127.0.0.1 is already in use`));
    } finally {
      blocker.close();
    }
  });
});
