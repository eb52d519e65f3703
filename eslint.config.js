// Layer rules from DESIGN.md: dependencies point inward. Each restriction says why.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const layer = (folder) => ({ group: [`**/${folder}/**`, `../${folder}/*`, `../../${folder}/*`] });
const forbid = (folders, why) =>
  folders.map((f) => ({ ...layer(f), message: `${why} (DESIGN.md: who may import whom)` }));

const nodeIo = [
  'node:fs',
  'node:fs/promises',
  'node:net',
  'node:http',
  'node:child_process',
  'fs',
  'pg',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'bin/**',
      'e2e/screenshots/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
      // Fastify plugins and handlers are async by contract even when they await nothing.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read JSON responses (any) and poke at them; type-safety rules there add noise, not safety.
    files: ['**/*.test.ts', 'src/test/**', 'e2e/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Benchmarks report on stdout by design (bench/run.ts collects it into bench/results.md).
    files: ['bench/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['eslint.config.js', 'scripts/**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeIo.map((name) => ({
            name,
            message: 'core is pure: no I/O, so it runs in the browser and the server alike',
          })),
          patterns: forbid(
            ['contract', 'db', 'services', 'server', 'web', 'cli', 'test'],
            'core imports core only',
          ),
        },
      ],
      'no-restricted-globals': [
        'error',
        {
          name: 'process',
          message: 'core reads no environment: configuration comes in as arguments',
        },
        { name: 'fetch', message: 'core does no I/O' },
      ],
    },
  },
  {
    files: ['src/contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbid(
            ['db', 'services', 'server', 'web', 'cli'],
            'contract imports core and zod only',
          ),
        },
      ],
    },
  },
  {
    files: ['src/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbid(
            ['contract', 'services', 'server', 'web', 'cli'],
            'db imports core only',
          ),
        },
      ],
    },
  },
  {
    files: ['src/services/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbid(
            ['contract', 'server', 'web', 'cli'],
            'services use core and db, never HTTP or UI',
          ),
        },
      ],
    },
  },
  {
    files: ['src/server/**'],
    ignores: ['src/server/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbid(
            ['db', 'web', 'cli'],
            'server speaks HTTP and calls services; SQL stays in db',
          ),
        },
      ],
    },
  },
  {
    files: ['src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: forbid(['server', 'web', 'contract'], 'cli is a thin wrapper over services') },
      ],
    },
  },
  {
    files: ['src/web/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: forbid(
            ['db', 'services', 'server', 'cli'],
            'web talks to the server over HTTP only',
          ),
        },
      ],
    },
  },
);
