import { openDatabase } from '../services/database.ts';
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
  const app = await buildApp({ database, config, logger: loggerOptions(config.logLevel) });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await app.close();
    } finally {
      await database.close();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

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
