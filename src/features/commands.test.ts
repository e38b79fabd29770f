import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Router } from 'express'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { errorsOn, type FormBinding } from '../platform/http/form-commands.ts'
import { API_OPERATIONS, apiRoutes } from './api/routes.ts'
import { SENSITIVE_QUESTIONS } from './assessment/commands.ts'

/**
 * One schema per command: the page reads its form through the same schema the API reads its body
 * through, every page command is in the API but for the few that are truly the pages' own, and every
 * refusal a command can get lands on a field of its page.
 */

const isBinding = (value: unknown): value is FormBinding =>
  typeof value === 'object' && value !== null && 'schema' in value && 'fieldId' in value && 'read' in value

const ID = '00000000-0000-4000-8000-000000000000'

interface PageForm {
  feature: string
  name: string
  binding: FormBinding
  /** A form repeated on a page, one for each thing listed there: its ids carry the thing's id. */
  dynamic?: boolean
}

/**
 * Every page form binding there is, found rather than listed: each module under features/ that makes
 * one, and each binding it exports, on its own, in a record of bindings (one per assessment section),
 * or made by a function of one argument named "...Form", for a form repeated on a page (called with
 * the thing's id).
 */
const FORM_MODULES = fs
  .readdirSync(import.meta.dirname, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .filter((file) => fs.readFileSync(path.join(import.meta.dirname, file), 'utf8').includes('formBinding('))

const PAGE_FORMS: PageForm[] = []
const MADE_BUT_NOT_FOUND: string[] = []
for (const file of FORM_MODULES) {
  const feature = file.split(path.sep)[0] ?? file
  const exported = (await import(/* @vite-ignore */ pathToFileURL(path.join(import.meta.dirname, file)).href)) as Record<string, unknown>
  const found: PageForm[] = Object.entries(exported).flatMap(([name, value]): PageForm[] => {
    if (isBinding(value)) return [{ feature, name, binding: value }]
    if (typeof value === 'function' && name.endsWith('Form') && value.length === 1) {
      const made: unknown = (value as (id: string) => unknown)(ID)
      return isBinding(made) ? [{ feature, name, binding: made, dynamic: true }] : []
    }
    if (typeof value === 'object' && value !== null && Object.values(value).length > 0 && Object.values(value).every(isBinding))
      return Object.entries(value as Record<string, FormBinding>).map(([key, binding]) => ({ feature, name: `${name}.${key}`, binding }))
    return []
  })
  // A binding a module makes but does not export cannot be checked here: each one made must be found.
  const made = fs.readFileSync(path.join(import.meta.dirname, file), 'utf8').split('formBinding(').length - 1
  if (found.length < made) MADE_BUT_NOT_FOUND.push(`${file}: makes ${String(made)} form bindings, exports ${String(found.length)}`)
  PAGE_FORMS.push(...found)
}

/**
 * The page commands that are the pages' own, each with why. Anything else a page can do, a partner's
 * system can do through the API, with the same schema, the same service method and the same rules.
 */
const PAGE_ONLY: Record<string, string> = {
  'referrals.SETTINGS_FORM':
    'the authority’s own settings (its response target and where alerts go), kept by its team managers and administrators: configuration, not casework',
  'monitoring.reviewFlagForm':
    'an evaluator’s review of a data-quality flag in a programme’s monitoring data: the programme’s data, not a case or a referral',
}

/** The API's routes as its router serves them, as "POST /cases/:reference/decisions". */
function routesOf(stack: Router['stack']): string[] {
  return stack.flatMap((layer) => {
    const route = layer.route as unknown as { path: string; methods: Record<string, boolean> } | undefined
    if (route) return Object.keys(route.methods).map((m) => `${m.toUpperCase()} ${route.path}`)
    const inner = (layer.handle as Partial<Router>).stack
    return inner ? routesOf(inner) : []
  })
}
// The routes are made, not run: no service is called, so none is needed.
const API_ROUTES = new Set(routesOf(apiRoutes({} as Parameters<typeof apiRoutes>[0]).stack))
const served = (operation: { method: string; path: string }) =>
  API_ROUTES.has(`${operation.method.toUpperCase()} ${operation.path.replace(/\{(\w+)\}/g, ':$1')}`)

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
  it('finds every page form binding, in every module that makes one', () => {
    expect(MADE_BUT_NOT_FOUND).toEqual([])
    expect(new Set(PAGE_FORMS.map((f) => f.feature))).toEqual(
      new Set(['casework', 'assessment', 'plans', 'reviews', 'referrals', 'letters', 'monitoring']),
    )
    expect(PAGE_FORMS.length).toBeGreaterThan(40)
  })

  it('reads every API command through the schema of a page’s form', () => {
    const pageSchemas = new Set(PAGE_FORMS.map((f) => f.binding.schema))
    const apiOnly = API_OPERATIONS.filter((op) => op.requestBody && !pageSchemas.has(op.requestBody)).map((op) => `${op.method} ${op.path}`)
    expect(apiOnly).toEqual([])
  })

  it('serves every operation the API describes', () => {
    expect(API_OPERATIONS.filter((op) => !served(op)).map((op) => `${op.method} ${op.path}`)).toEqual([])
  })

  it('carries every page command in an API route with the same schema, but for those that are the pages’ own', () => {
    const withoutRoute = PAGE_FORMS.filter((f) => !(`${f.feature}.${f.name}` in PAGE_ONLY))
      .filter((f) => !API_OPERATIONS.some((op) => op.method === 'post' && op.requestBody === f.binding.schema && served(op)))
      .map((f) => `${f.feature}.${f.name}`)
    expect(withoutRoute).toEqual([])
  })

  it('keeps the pages’ own list to forms that exist and are not in the API, each with its reason', () => {
    for (const [name, reason] of Object.entries(PAGE_ONLY)) {
      const form = PAGE_FORMS.find((f) => `${f.feature}.${f.name}` === name)
      expect({ name, exists: form !== undefined, inApi: API_OPERATIONS.some((op) => op.requestBody === form?.binding.schema) }).toEqual({
        name,
        exists: true,
        inApi: false,
      })
      expect(reason.length).toBeGreaterThan(20)
    }
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
