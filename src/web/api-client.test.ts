import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from './api-client.ts';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('api client', () => {
  it('turns the server error shape into an ApiError carrying code, message and request id', async () => {
    const fetch = vi.fn(() =>
      Promise.resolve(
        json(423, {
          error: {
            code: 'account_locked',
            message: 'Akun dikunci sementara',
            details: { until: '14.32' },
            requestId: 'r1',
          },
        }),
      ),
    );
    vi.stubGlobal('fetch', fetch);
    const error = await api.login({ email: 'a@x.id', password: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 423,
      code: 'account_locked',
      message: 'Akun dikunci sementara',
      requestId: 'r1',
    });
  });

  it('sends the language and, on writes, the CSRF token from the last session answer', async () => {
    const fetch = vi.fn((_url: string, _init: RequestInit) =>
      Promise.resolve(json(200, { user: null, csrfToken: 'tok-1' })),
    );
    vi.stubGlobal('fetch', fetch);
    await api.session();
    await api.logout();
    const [sessionCall, logoutCall] = fetch.mock.calls;
    const sessionHeaders = sessionCall?.[1].headers as Record<string, string>;
    const logoutHeaders = logoutCall?.[1].headers as Record<string, string>;
    expect(sessionHeaders['Accept-Language']).toBe('id');
    expect(sessionHeaders['x-csrf-token']).toBeUndefined();
    expect(logoutHeaders['x-csrf-token']).toBe('tok-1');
    expect(logoutCall?.[1].credentials).toBe('same-origin');
  });

  it('reports an unreachable server as network_error in Indonesian', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const error = await api.health().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
    expect((error as ApiError).message).toMatch(/Tidak dapat menghubungi server/);
  });
});
