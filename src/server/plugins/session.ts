import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Action } from '../../core/access/roles.ts';
import { canAccessRegion, type Actor } from '../../core/access/scope.ts';
import { DomainError } from '../../core/errors.ts';
import {
  actorOf,
  resolveSession,
  type AuthPolicy,
  type SessionUser,
} from '../../services/auth/sessions.ts';
import type { ServiceContext } from '../../services/context.ts';

export const SESSION_COOKIE = 'tumbuh_session';

export interface RequestSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: SessionUser;
}

declare module 'fastify' {
  interface FastifyRequest {
    session: RequestSession | null;
    /** The service context of this request: database, acting user, request id, clock. */
    ctx: ServiceContext;
  }
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Reads the session cookie on API requests, builds the request's service context and rejects
 * writes whose x-csrf-token header does not match the session (SameSite cookies are the first
 * guard, the token the second).
 */
export const sessionPlugin = fp(
  async (
    app: FastifyInstance,
    options: { baseContext: () => Omit<ServiceContext, 'actor' | 'requestId'>; policy: AuthPolicy },
  ) => {
    app.decorateRequest('session', null);
    app.decorateRequest('ctx', null as unknown as ServiceContext);

    app.addHook('onRequest', async (request) => {
      const base = options.baseContext();
      request.ctx = { ...base, actor: null, requestId: String(request.id) };
      if (!request.url.startsWith('/api/')) return;
      const token = request.cookies[SESSION_COOKIE];
      if (token && token.length <= 100) {
        const found = await resolveSession(request.ctx, token, options.policy);
        if (found) {
          request.session = { token, ...found };
          request.ctx.actor = actorOf(found.user);
        }
      }
      if (unsafe.has(request.method) && request.session) {
        const header = request.headers['x-csrf-token'];
        if (typeof header !== 'string' || !sameToken(header, request.session.csrfToken))
          throw new DomainError('csrf_invalid');
      }
    });
  },
  { name: 'tumbuh-session', dependencies: ['@fastify/cookie'] },
);

/** The logged-in actor, or 401. Users still on a one-time password may only change it or log out. */
export function requireActor(
  request: FastifyRequest,
  options: { allowOneTimePassword?: boolean } = {},
): Actor {
  const session = request.session;
  if (!session || !request.ctx.actor) throw new DomainError('unauthenticated');
  if (session.user.mustChangePassword && !options.allowOneTimePassword)
    throw new DomainError('forbidden', { reason: 'must_change_password' });
  return request.ctx.actor;
}

/** 401 without a session, 403 when the role or the region scope does not allow the action. */
export function requireAccess(request: FastifyRequest, action: Action, regionCode: string): Actor {
  const actor = requireActor(request);
  if (!canAccessRegion(actor, action, regionCode)) {
    throw canAccessRegion({ ...actor, regionCode }, action, regionCode)
      ? new DomainError('region_forbidden', { code: regionCode })
      : new DomainError('forbidden', { action });
  }
  return actor;
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
  secure: boolean,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}
