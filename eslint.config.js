import { defineConfig } from 'eslint/config'
import tseslint from 'typescript-eslint'
import upstream from './lint-rules/index.js'

/** Strict, boring lint (architecture.md, habit 8), plus a rule for each of Upstream's own invariants. */
export default defineConfig(
  { ignores: ['node_modules/', 'public/build/', 'data/', 'dist/', 'coverage/', 'test-results/'] },
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { upstream },
    rules: {
      // Numbers in messages are fine; objects and undefined are not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `_`-prefixed names are deliberately unused (destructuring a field away, an unused parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Keys of an index signature (process.env, form bodies, headers) are read with brackets, so a
      // lookup that may be missing looks different from a property the type promises.
      '@typescript-eslint/dot-notation': ['error', { allowIndexSignaturePropertyAccess: true }],
      'no-console': 'error',
      'upstream/no-wall-clock': 'error',
      'upstream/no-sql-outside-db': 'error',
      'upstream/no-personal-data-in-logs': 'error',
    },
  },
  {
    // Services and routes reach the database only through asActor or asSystem (architecture.md, habit 1b).
    files: ['src/features/**', 'src/platform/http/**'],
    ignores: ['src/**/queries.ts', 'src/**/*-queries.ts', '**/*.test.ts'],
    rules: { 'upstream/no-owner-connection': 'error' },
  },
  {
    // The data-access modules, and tests that look at what really reached the database.
    files: ['src/db/**', 'src/**/queries.ts', 'src/**/*-queries.ts', 'src/test-support/**', '**/*.int.test.ts', 'bench/**', 'e2e/**'],
    rules: { 'upstream/no-sql-outside-db': 'off' },
  },
  {
    // The one place the wall clock is read, and programs that time or watch real processes.
    files: ['src/platform/clock.ts', 'e2e/**', 'bench/**', 'scripts/**'],
    rules: { 'upstream/no-wall-clock': 'off' },
  },
  {
    // Programs whose output is for a person at a terminal.
    files: ['src/cli/**', 'src/server.ts', 'e2e/**', 'bench/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // JavaScript (this file and the lint rules) is not in the TypeScript project.
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
)
