import { RuleTester } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, it } from 'vitest'

// RuleTester reports through the test framework's describe and it, which vitest does not make global.
RuleTester.describe = describe
RuleTester.it = it
RuleTester.itOnly = it.only

/** Parses TypeScript, as the rules see it in the project. */
export const ruleTester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
})
