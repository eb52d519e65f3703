import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { serviceWorker } from './scripts/service-worker-plugin.ts';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The API server (src/server/main.ts) listens on 127.0.0.1:3000 by default; in development Vite
// serves the web app and forwards API calls to it, so cookies stay same-origin exactly as in
// production. 127.0.0.1 rather than localhost: localhost may resolve to ::1 first.
const api = {
  '/api': 'http://127.0.0.1:3000',
  '/healthz': 'http://127.0.0.1:3000',
};

export default defineConfig({
  root: fromRoot('./src/web'),
  plugins: [
    react(),
    // /sw.js: the offline app shell (docs/offline.md).
    serviceWorker({
      source: fromRoot('./src/web/offline/service-worker.ts'),
      publicDir: fromRoot('./src/web/public'),
    }),
  ],
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    // Which chunks a page needs first (bench/portal.bench.ts reads it to weigh the home page).
    manifest: true,
    rolldownOptions: {
      output: {
        // React in its own long-cached chunk: an app release does not make phones fetch it again.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
  server: { proxy: api },
  preview: { proxy: api },
});
