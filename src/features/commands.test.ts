import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { errorsOn, type FormBinding } from '../platform/http/form-commands.ts'
import { API_OPERATIONS } from './api/routes.ts'
import { SENSITIVE_QUESTIONS } from './assessment/commands.ts'
import * as assessmentForms from './assessment/forms.ts'
import * as caseworkForms from './casework/forms.ts'
import { issueLetterForm } from './letters/forms.ts'
import { reviewFlagForm } from './monitoring/forms.ts'
import * as planForms from './plans/forms.ts'
import * as referralForms from './referrals/forms.ts'
import * as reviewForms from './reviews/forms.ts'

/**
 * One schema per command: the page reads its form through the same schema the API reads its body
 * through, and every refusal a command can get lands on a field of its page.
 */

const isBinding = (value: unknown): value is FormBinding =>
  typeof value === 'object' && value !== null && 'schema' in value && 'fieldId' in value && 'read' in value

const ID = '00000000-0000-4000-8000-000000000000'

/** Every page form of the casework and referral pages, by the feature whose views show it. */
const PAGE_FORMS: { feature: string; name: string; binding: FormBinding; dynamic?: boolean }[] = [
  ...Object.entries({ ...caseworkForms }).map(([name, binding]) => ({ feature: 'casework', name, binding })),
  ...Object.entries({ ...assessmentForms, ...assessmentForms.SECTION_FORMS }).map(([name, binding]) => ({
    feature: 'assessment',
    name,
    binding,
  })),
  ...Object.entries({ ...planForms }).map(([name, binding]) => ({ feature: 'plans', name, binding })),
  ...Object.entries({ ...reviewForms }).map(([name, binding]) => ({ feature: 'reviews', name, binding })),
  ...Object.entries({ ...referralForms }).map(([name, binding]) => ({ feature: 'referrals', name, binding })),
  // Forms repeated on a page, one for each thing listed there: their ids carry the thing's id.
  { feature: 'letters', name: 'issueLetterForm', binding: issueLetterForm(ID), dynamic: true },
  { feature: 'monitoring', name: 'reviewFlagForm', binding: reviewFlagForm(ID), dynamic: true },
].flatMap((form) => (isBinding(form.binding) ? [form as { feature: string; name: string; binding: FormBinding; dynamic?: boolean }] : []))

/**
 * Page commands the API does not carry yet, each with why. Anything else a page can do, a partner's
 * case system can do through the API with the same schema.
 */
const PAGE_ONLY = new Set([
  // The referral's own pages: the referrer and the housing team, not a case system's case commands.
  'referrals.STEP_FORM',
  'referrals.CLOSE_STEP_FORM',
  'referrals.MESSAGE_FORM',
  'referrals.LINK_FORM',
  'referrals.CONVERT_FORM',
  'referrals.SETTINGS_FORM',
  // Reviewing a data-quality flag is an evaluator's work on the monitoring pages.
  'monitoring.reviewFlagForm',
])

/** The paths a schema's command can be refused at: every field, each list's items, and '' for the whole command. */
export function fieldPaths(schema: z.ZodType, prefix = ''): string[] {
  if (schema instanceof z.ZodObject)
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, field]) => {
      const at = prefix === '' ? key : `${prefix}.${key}`
      const within = fieldPaths(field, at)
      // A group of fields is refused only at its fields: the page always sends the group.
      return isGroup(field) ? within : [...new Set([at, ...within])]
    })
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault)
    return fieldPaths(schema.unwrap() as z.ZodType, prefix)
  if (schema instanceof z.ZodPipe) return fieldPaths(schema.in as z.ZodType, prefix)
  if (schema instanceof z.ZodArray) return [`${prefix}[0]`, ...fieldPaths(schema.element as z.ZodType, `${prefix}[0]`)]
  if (schema instanceof z.ZodUnion || schema instanceof z.ZodDiscriminatedUnion)
    return [...new Set((schema.options as z.ZodType[]).flatMap((option) => fieldPaths(option, prefix)))]
  return [prefix]
}

function isGroup(schema: z.ZodType): boolean {
  if (schema instanceof z.ZodObject) return true
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault)
    return isGroup(schema.unwrap() as z.ZodType)
  return false
}

/** The text of every page template (a page may include another feature's fields), where fields' ids are written. */
const TEMPLATES = fs
  .readdirSync(import.meta.dirname, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.njk'))
  .map((file) => fs.readFileSync(path.join(import.meta.dirname, file), 'utf8'))
  .join('\n')

/** Forms whose templates write their fields' ids from data rather than as text: how each id is made there. */
const IDS_FROM_DATA: Record<string, (id: string) => boolean> = {
  // One select for each question, its id the question's field.
  'assessment.PERSONAL_DETAILS_FORM': (id) => SENSITIVE_QUESTIONS.some((q) => q.field === id),
  // The referral form's template asks the form module's fieldId() for each field's id.
  'referrals.REFERRAL_FORM': (id) => TEMPLATES.includes('fieldId(') && id !== '',
  'referrals.SELF_REFERRAL_FORM': (id) => TEMPLATES.includes('fieldId(') && id !== '',
}

describe('one schema per command', () => {
  it('reads every API command through the schema of a page’s form', () => {
    const pageSchemas = new Set(PAGE_FORMS.map((f) => f.binding.schema))
    const apiOnly = API_OPERATIONS.filter((op) => op.requestBody && !pageSchemas.has(op.requestBody)).map((op) => `${op.method} ${op.path}`)
    expect(apiOnly).toEqual([])
  })

  it('carries every page command in the API, but for those listed with their reason', () => {
    const apiSchemas = new Set(API_OPERATIONS.map((op) => op.requestBody))
    const pageOnly = PAGE_FORMS.filter((f) => !apiSchemas.has(f.binding.schema)).map((f) => `${f.feature}.${f.name}`)
    expect(pageOnly.filter((name) => !PAGE_ONLY.has(name))).toEqual([])
  })

  it.each(PAGE_FORMS.map((f) => [`${f.feature}.${f.name}`, f] as const))(
    'lands every refusal of %s on a field of its page',
    (_name, form) => {
      const fromData = IDS_FROM_DATA[`${form.feature}.${form.name}`]
      const orphans = ['', ...fieldPaths(form.binding.schema)].flatMap((p) => {
        const [shown] = errorsOn(form.binding, [{ path: p, message: 'refused' }])
        const id = shown?.href.slice(1) ?? ''
        // Every page's layout has the main content, where a refusal of the whole command may go.
        if (id === 'main-content') return []
        if (fromData) return fromData(id) ? [] : [`${p || '(the whole command)'}: #${id} is not on the page`]
        // A date input's first box is "<id>-day"; a list of radios or checkboxes starts at its idPrefix;
        // a repeated field's id ends in its number, and a repeated form's in its thing's id.
        const written = form.dynamic ? id.replace(ID, '') : id.replace(/-day$/, '').replace(/-\d+$/, '-')
        return TEMPLATES.includes(`"${written}`) ? [] : [`${p || '(the whole command)'}: #${id} is not on the page`]
      })
      expect(orphans).toEqual([])
    },
  )
})
