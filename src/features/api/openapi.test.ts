import { describe, expect, it } from 'vitest'
import { openApiDocument } from './openapi.ts'
import { API_OPERATIONS } from './routes.ts'

describe('the OpenAPI document', () => {
  const document = openApiDocument(API_OPERATIONS) as {
    openapi: string
    paths: Record<
      string,
      Record<
        string,
        { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>; parameters?: { name: string }[] }
      >
    >
    components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> }
  }

  it('is OpenAPI 3.1 and describes every operation the API serves', () => {
    expect(document.openapi).toBe('3.1.0')
    for (const operation of API_OPERATIONS) expect(document.paths[operation.path]?.[operation.method]).toBeDefined()
  })

  it('refers to schemas generated from the same zod schemas the handlers use', () => {
    const get = document.paths['/referrals/{id}']?.['get']
    expect(get?.parameters?.map((p) => p.name)).toEqual(['id'])
    expect(get?.responses['200']?.content?.['application/json']?.schema.$ref).toBe('#/components/schemas/Referral')
    expect(get?.responses['401']?.content?.['application/json']?.schema.$ref).toBe('#/components/schemas/Errors')
    const referral = document.components.schemas['Referral']
    expect(Object.keys(referral?.properties ?? {})).toEqual([
      'id',
      'reference',
      'localAuthority',
      'status',
      'outcome',
      'outcomeDetails',
      'receivedAt',
      'history',
    ])
    expect(referral?.required).toContain('status')
  })
})
