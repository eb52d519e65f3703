import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { DatabaseHandle } from '../services/database.ts';
import {
  injectMeta,
  injectModulePreloads,
  injectSettings,
  pageChunkFiles,
  type ManifestChunk,
} from '../core/portal/web.ts';
import { systemClock } from '../services/context.ts';
import { isPortalPath, pageMeta } from '../services/portal/feeds.ts';
import { publicSettings } from '../services/portal/settings.ts';
import type { AppConfig } from './env.ts';
import { registerErrorHandling } from './errors.ts';
import { sessionPlugin } from './plugins/session.ts';
import { authRoutes } from './routes/auth.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { deathRoutes } from './routes/deaths.ts';
import { healthRoutes } from './routes/health.ts';
import { importRoutes } from './routes/imports.ts';
import { indicatorStoreRoutes } from './routes/indicator-store.ts';
import { originOf, portalRoutes } from './routes/portal.ts';
import { regionRoutes } from './routes/regions.ts';
import { registryRoutes } from './routes/registry.ts';
import { syncRoutes } from './routes/sync.ts';
import { userRoutes } from './routes/users.ts';

export const webDistDir = fileURLToPath(new URL('../../dist/web/', import.meta.url));
const packageJson = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

export interface AppDeps {
  database: DatabaseHandle;
  config: AppConfig;
  /** Injected clock: tests move time to expire sessions and locks. */
  now?: () => Date;
  logger?: FastifyServerOptions['logger'];
  /** The built web app (default dist/web); tests point it at a folder with an index.html. */
  webDir?: string;
}

/** Logs keep method, path and status; never query strings, cookies or bodies (personal data). */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: [
      'req.headers.cookie',
      'req.headers.authorization',
      'req.headers["x-csrf-token"]',
      'res.headers["set-cookie"]',
    ],
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
    },
  };
}

/** Builds the whole HTTP app without listening (tests use inject; main.ts listens). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const now = deps.now ?? systemClock;
  const app = Fastify({
    logger: deps.logger ?? loggerOptions(config.logLevel),
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        upgradeInsecureRequests: null,
      },
    },
  });
  // gzip for the app's scripts, styles and JSON (boundaries GeoJSON shrinks about tenfold): a
  // phone on a slow network waits for bytes. Level 6 keeps the CPU cost small; no Brotli, whose
  // default quality is slow to compute per request.
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['gzip', 'deflate'],
    zlibOptions: { level: 6 },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    max: config.rateLimit.perMinute,
    timeWindow: '1 minute',
    allowList: (req) => !req.url.startsWith('/api/'),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Tumbuh API',
        version: packageJson.version,
        description:
          'Stunting and AKI-AKB monitoring. Errors: {error: {code, message, details, requestId}}; writes need the x-csrf-token header of the session.',
      },
      tags: [
        { name: 'system' },
        { name: 'auth' },
        { name: 'regions' },
        { name: 'admin' },
        { name: 'registry' },
        { name: 'imports' },
        { name: 'sync' },
        { name: 'dashboard' },
        {
          name: 'deaths',
          description: 'AKI-AKB: death notifications, review, live births, public figures',
        },
        { name: 'portal', description: 'Public portal content and its CMS (docs/portal.md)' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(sessionPlugin, {
    baseContext: () => ({ db: database.db, now }),
    policy: config.auth,
  });

  await app.register(healthRoutes({ database: database.kind, version: packageJson.version }));
  await app.register(
    authRoutes({
      policy: config.auth,
      cookieSecure: config.cookieSecure,
      loginPerMinute: config.rateLimit.loginPerMinute,
    }),
  );
  await app.register(regionRoutes);
  await app.register(userRoutes);
  await app.register(registryRoutes);
  await app.register(syncRoutes);
  await app.register(importRoutes({ ...config.imports, postgres: database.kind === 'postgres' }));
  await app.register(dashboardRoutes(config.dashboard));
  await app.register(indicatorStoreRoutes({ uploadsDir: config.imports.uploadsDir }));
  await app.register(deathRoutes({ deadlines: config.deaths, ...config.imports }));
  await app.register(portalRoutes);
  await registerWeb(app, deps.webDir ?? webDistDir);
  return app;
}

/** The built React app (dist/web), with index.html for every non-API path the client routes. */
async function registerWeb(app: FastifyInstance, webDir: string): Promise<void> {
  const indexFile = join(webDir, 'index.html');
  const hasBuild = existsSync(indexFile);
  // Read once: the build does not change under a running server (npm start builds first).
  const indexHtml = hasBuild ? readFileSync(indexFile, 'utf8') : '';
  const manifestFile = join(webDir, '.vite', 'manifest.json');
  const homeChunks = existsSync(manifestFile)
    ? pageChunkFiles(
        JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>,
        'pages/HomePage.tsx',
      )
    : [];
  if (hasBuild)
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      // Built assets have content hashes in their names: cache them for a year.
      setHeaders: (res, file) => {
        void res.header(
          'cache-control',
          file.includes(`${sep}assets${sep}`)
            ? 'public, max-age=31536000, immutable'
            : // The service worker is checked for a new version at every start (docs/offline.md).
              file.endsWith(`${sep}sw.js`)
              ? 'no-cache'
              : 'public, max-age=3600',
        );
      },
    });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/')) return reply.callNotFound();
    if (!hasBuild)
      return reply
        .type('text/plain; charset=utf-8')
        .send(
          'Tumbuh API is running. The web app is not built: run `npm run build` (npm start does it).',
        );
    if (/\.[a-z0-9]+$/i.test(path)) return reply.callNotFound();
    // Every page starts with the portal settings (no request, nothing moves when they arrive);
    // portal pages also get their own title and share tags, and a missing item answers 404. The
    // home page's own chunks are announced with the entry (one round trip less on a phone).
    const settings = await publicSettings(request.ctx.db);
    let html = indexHtml;
    let found = true;
    if (isPortalPath(path)) {
      const page = await pageMeta(request.ctx, path, originOf(request), settings);
      found = page.found;
      html = injectModulePreloads(injectMeta(html, page.meta), path === '/' ? homeChunks : []);
    }
    return reply
      .status(found ? 200 : 404)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(injectSettings(html, settings));
  });
}
