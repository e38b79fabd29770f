import tseslint from 'typescript-eslint'
import upstream from './lint-rules/index.js'

/** Strict, boring lint (architecture.md, habit 8), plus a rule for each of Upstream's own invariants. */
export default tseslint.config(
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
      'no-console': 'error',
      'upstream/no-wall-clock': 'error',
      'upstream/no-personal-data-in-logs': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/db/**', 'src/**/queries.ts', 'src/**/*-queries.ts', 'src/test-support/**', 'src/**/*.int.test.ts'],
    rules: { 'upstream/no-sql-outside-data-access': 'error' },
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
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
)
