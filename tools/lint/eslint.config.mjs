// klopt's linter: typescript-eslint's type-aware rules (recommendedTypeChecked) over the TypeScript sources, and
// ESLint's recommended rules over the JavaScript ones. Run from the repository with `npm run lint`
// (scripts/lint.mjs), which uses this folder's own install: see tools/lint/package.json and the README's
// Dependencies for why it is apart from the project's.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export default tseslint.config(
  { basePath: ROOT },
  {
    ignores: ['dist/**', 'out/**', '**/node_modules/**', 'tools/**', 'data/**', 'docs/**', 'test/fixtures/**'],
  },
  {
    files: ['**/*.ts', '**/*.mts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: ROOT } },
    rules: {
      // Unused on purpose: a leading underscore says so (`_ms`, `[, _f]`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Stripping control characters from extracted text is what these expressions are for.
      'no-control-regex': 'off',
      // domhandler's node types are a string enum; the HTML code compares them with their values ('tag', 'text').
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      // Redundant `!` and `as` are noise, not faults: warned, and removed by `npm run format` (eslint --fix).
      '@typescript-eslint/no-unnecessary-type-assertion': 'warn',
      // Async for a uniform interface (extractors, bench cases) without awaiting anything yet.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // SQLite rows come back from better-sqlite3 as untyped objects at these boundaries; their shape is the
    // schema's (src/store/schema.sql) and the records are checked with zod where they are built.
    files: ['src/store/index.ts', 'src/store/migrations.ts', 'src/ingest/files.ts', 'src/iv3/store.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    // Tests read the CLI's JSON output (JSON.parse: any) and database rows; the assertions check their shape.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    // Outside tsconfig.json's program: linted without type information.
    files: ['vitest.config.ts'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { parserOptions: { projectService: false } },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: {
      sourceType: 'module',
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', performance: 'readonly' },
    },
  },
);
