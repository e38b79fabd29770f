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

  it('refers only to schemas it has', () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] ?? '')
    expect(refs.length).toBeGreaterThan(50)
    expect(refs.filter((ref) => !(ref in document.components.schemas))).toEqual([])
  })

  it('is OpenAPI 3.1 and describes every operation the API serves', () => {
    expect(document.openapi).toBe('3.1.0')
    for (const operation of API_OPERATIONS) expect(document.paths[operation.path]?.[operation.method]).toBeDefined()
  })

  it('refers to schemas generated from the same zod schemas the handlers use', () => {
    const get = document.paths['/referrals/{id}']?.['get']
    expect(get?.parameters?.map((p) => p.name)).toEqual(['id'])
    // The referrer reads the referral as made; the authority referred to, as received.
    expect(get?.responses['200']?.content?.['application/json']?.schema.$ref).toBe('#/components/schemas/ReferralAsSeen')
    expect(document.components.schemas['ReferralAsSeen']).toMatchObject({
      anyOf: [{ $ref: '#/components/schemas/Referral' }, { $ref: '#/components/schemas/ReceivedReferral' }],
    })
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

  it('describes the referral a partner sends, as sent, with every answer the spec gives', () => {
    const post = document.paths['/referrals']?.['post'] as
      | {
          requestBody?: { content: Record<string, { schema: { required?: string[]; additionalProperties?: boolean } }> }
          responses: Record<string, unknown>
        }
      | undefined
    const body = post?.requestBody?.content['application/json']?.schema
    expect(body?.required).toEqual(['localAuthority', 'consent', 'person', 'reason'])
    expect(body?.additionalProperties).toBe(false)
    expect(Object.keys(post?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '201', '400', '401', '403', '409', '413', '415', '422']),
    )
  })

  it('describes the household, assessment, plan, activities, contacts and letters, read and changed', () => {
    const methods = (path: string) => Object.keys(document.paths[path] ?? {}).sort()
    expect(methods('/cases/{reference}/household')).toEqual(['get'])
    expect(methods('/cases/{reference}/household/members')).toEqual(['post'])
    expect(methods('/cases/{reference}/household/members/{personId}')).toEqual(['post'])
    expect(methods('/cases/{reference}/household/members/{personId}/personal-details')).toEqual(['get', 'post'])
    expect(methods('/cases/{reference}/assessment')).toEqual(['get'])
    for (const section of [
      'eligibility',
      'homelessness',
      'circumstances',
      'accommodation',
      'housing_needs',
      'support_needs',
      'employment',
      'strengths',
    ])
      expect(methods(`/cases/{reference}/assessment/sections/${section}`)).toEqual(['post'])
    expect(methods('/cases/{reference}/assessment/completion')).toEqual(['post'])
    expect(methods('/cases/{reference}/plan')).toEqual(['get', 'post'])
    expect(methods('/cases/{reference}/plan/steps')).toEqual(['post'])
    expect(methods('/cases/{reference}/plan/steps/{stepId}')).toEqual(['post'])
    expect(methods('/cases/{reference}/plan/agreement')).toEqual(['post'])
    expect(methods('/cases/{reference}/plan/reviews')).toEqual(['post'])
    expect(methods('/cases/{reference}/activities')).toEqual(['get', 'post'])
    expect(methods('/cases/{reference}/contacts')).toEqual(['post'])
    expect(methods('/cases/{reference}/letters')).toEqual(['get', 'post'])
    expect(methods('/cases/{reference}/letters/{id}')).toEqual(['get'])

    const letter = document.paths['/cases/{reference}/letters/{id}']?.['get']
    expect(letter?.parameters?.map((p) => p.name)).toEqual(['reference', 'id'])
    expect(letter?.responses['200']?.content?.['application/json']?.schema.$ref).toBe('#/components/schemas/Letter')
    const steps = document.paths['/cases/{reference}/plan/steps']?.['post']
    expect(Object.keys(steps?.responses ?? {})).toEqual(expect.arrayContaining(['200', '403', '404', '409', '422']))
    expect(Object.keys(document.components.schemas['AssessmentHousingNeedsRequest']?.properties ?? {})).toEqual([
      'bedrooms',
      'accessibility',
      'location',
      'other',
      'complete',
      'version',
    ])
    for (const id of ['Household', 'PersonalDetails', 'Assessment', 'HousingPlan', 'ActivitiesAndContacts', 'Letters', 'PlanStepsRequest'])
      expect(document.components.schemas[id]).toBeDefined()
  })
})
