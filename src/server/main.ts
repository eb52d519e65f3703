import { openDatabase } from '../services/database.ts';
import { seedDemoIfEmpty } from '../services/demo/demo-province.ts';
import { seedPortalContentIfEmpty } from '../services/portal/demo-content.ts';
import { buildApp, loggerOptions } from './app.ts';
import { ConfigError, loadConfig } from './env.ts';

/**
 * `npm start`: config → database (migrate, seed reference data) → HTTP. SIGINT/SIGTERM close the
 * server first, then the database, so PGlite's files are never left half-written.
 */
async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const database = await openDatabase(config.database, {
    seedRegions: config.seedRegions,
    onProgress: (message) => console.warn(`[tumbuh] ${message}`),
  });
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.warn(`[tumbuh] ${signal}: shutting down`);
    try {
      await app?.close();
    } finally {
      await database.close();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  if (config.demo.enabled) {
    // An empty registry gets the synthetic demo province (labelled as such in the UI).
    let lastShown = 0;
    const { seeded, info } = await seedDemoIfEmpty(database, {
      children: config.demo.children,
      onProgress: (p) => {
        if (p.fraction === 1 || p.elapsedMs - lastShown > 2000) {
          lastShown = p.elapsedMs;
          console.warn(
            `[tumbuh] demo data: ${Math.round(p.fraction * 100)}% (${p.children.toLocaleString('id-ID')} anak, ${p.measurements.toLocaleString('id-ID')} pengukuran)`,
          );
        }
      },
    });
    if (seeded && info)
      console.warn(
        `[tumbuh] demo province ready: ${info.children} synthetic children, ${info.measurements} measurements (TUMBUH_DEMO=false skips this)`,
      );
    // The portal gets its demo content too (whatever the number of children).
    const items = await seedPortalContentIfEmpty(database.db);
    if (items) console.warn(`[tumbuh] demo portal content ready: ${items} items`);
  }
  app = await buildApp({ database, config, logger: loggerOptions(config.logLevel) });

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await database.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new Error(
        `Port ${config.port} on ${config.host} is already in use. Stop the other program or set PORT to a free port (e.g. PORT=3001 npm start).`,
        { cause: error },
      );
    if (code === 'EACCES')
      throw new Error(
        `Not allowed to listen on port ${config.port}. Use a port above 1024 (PORT=3000).`,
        { cause: error },
      );
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.warn(
    `[tumbuh] ready in ${Math.round(performance.now() - started)} ms on ${config.database.kind}: http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
  );
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError
      ? error.message
      : `[tumbuh] could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
