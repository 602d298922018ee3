// The line-length half of `npm run format:check` (scripts/lint.mjs --check): no line over 120 characters, where
// Prettier (printWidth 120) leaves longer only what it cannot break: a string, template or regular expression
// literal, or a URL. Comments are checked (`npm run format` wraps them). Parsed without type information: fast.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export default tseslint.config(
  { basePath: ROOT },
  {
    ignores: ['dist/**', 'out/**', '**/node_modules/**', 'tools/**', 'data/**', 'docs/**', 'test/fixtures/**'],
  },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.js', '**/*.mjs'],
    languageOptions: { parser: tseslint.parser, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
    },
  },
);
