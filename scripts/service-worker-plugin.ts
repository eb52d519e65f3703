/**
 * Builds /sw.js (src/web/offline/service-worker.ts) with the list of every file of the build and
 * a version made from their names (which carry content hashes) and the app shell's content. Any
 * change of the app gives a new sw.js, so the browser installs the new version beside the old
 * one. Hand-written instead of vite-plugin-pwa: that plugin brings workbox-build (Babel, Rollup,
 * terser and a hundred more packages) for what is a hundred lines here.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { Plugin } from 'vite';

/** Files never cached for offline use (the worker itself; source maps). */
const skip = (file: string) => file === 'sw.js' || file.endsWith('.map');

function publicFiles(dir: string, base = ''): string[] {
  return readdirSync(path.join(dir, base), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(base, entry.name);
    return entry.isDirectory() ? publicFiles(dir, rel) : [rel];
  });
}

/** The Vite plugin: `serviceWorker({ source, publicDir })`. */
export function serviceWorker(options: { source: string; publicDir: string }): Plugin {
  return {
    name: 'tumbuh-service-worker',
    apply: 'build',
    // After Vite's HTML plugin, which emits index.html in this same hook.
    enforce: 'post',
    generateBundle(_options, bundle) {
      // index.html is the app shell; it may not be in the bundle yet, and is named by the
      // entry files it loads, which are in the list (so the version changes with it).
      const names = [...Object.keys(bundle), ...publicFiles(options.publicDir), 'index.html'];
      const files = [...new Set(names)].filter((f) => !skip(f)).sort();
      const hash = createHash('sha256');
      for (const file of files) hash.update(file);
      const shell = bundle['index.html'];
      if (shell?.type === 'asset') hash.update(shell.source);
      const precache = {
        version: hash.digest('hex').slice(0, 16),
        files: files.map((f) => `/${f}`),
      };
      const source = readFileSync(options.source, 'utf8');
      const { outputText } = ts.transpileModule(source, {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
      });
      const code = `const __PRECACHE__ = ${JSON.stringify(precache)};\n${outputText.replace(/^export \{\};\s*$/m, '')}`;
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: code });
    },
  };
}
