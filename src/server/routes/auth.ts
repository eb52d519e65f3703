import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  changePasswordBodySchema,
  loginBodySchema,
  sessionResponseSchema,
} from '../../contract/auth.ts';
import { errorResponses, okSchema } from '../../contract/common.ts';
import { changePassword, login, logout, type AuthPolicy } from '../../services/auth/sessions.ts';
import { clearSessionCookie, requireActor, setSessionCookie } from '../plugins/session.ts';
import { presentMe } from '../presenters/auth.ts';

const tags = ['auth'];
const errors = errorResponses(400, 401, 403, 423, 429);

export const authRoutes = (options: {
  policy: AuthPolicy;
  cookieSecure: boolean;
  loginPerMinute: number;
}): FastifyPluginAsyncZod =>
  async function auth(app) {
    app.get(
      '/api/auth/session',
      {
        schema: {
          tags,
          summary: 'The current user and CSRF token, if logged in',
          response: { 200: sessionResponseSchema },
        },
      },
      async (request) =>
        request.session
          ? { user: presentMe(request.session.user), csrfToken: request.session.csrfToken }
          : { user: null, csrfToken: null },
    );

    app.post(
      '/api/auth/login',
      {
        schema: {
          tags,
          summary: 'Log in with email and password; sets an HttpOnly session cookie',
          body: loginBodySchema,
          response: { 200: sessionResponseSchema, ...errors },
        },
        config: { rateLimit: { max: options.loginPerMinute, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const session = await login(request.ctx, request.body, options.policy);
        setSessionCookie(reply, session.token, session.expiresAt, options.cookieSecure);
        return { user: presentMe(session.user), csrfToken: session.csrfToken };
      },
    );

    app.post(
      '/api/auth/logout',
      { schema: { tags, summary: 'End the session', response: { 200: okSchema, ...errors } } },
      async (request, reply) => {
        if (request.session) await logout(request.ctx, request.session.token);
        clearSessionCookie(reply, options.cookieSecure);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/auth/password',
      {
        schema: {
          tags,
          summary: 'Change the password (required after a one-time password); ends other sessions',
          body: changePasswordBodySchema,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        requireActor(request, { allowOneTimePassword: true });
        await changePassword(request.ctx, request.session!.token, request.body);
        return { ok: true as const };
      },
    );
  };
