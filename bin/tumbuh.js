#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the checkout needs no build step for `npx tumbuh`.
import { register } from 'tsx/esm/api';
register();
process.env.TUMBUH_CLI = '1';
await import('../src/cli/main.ts');
