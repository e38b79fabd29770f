import { describe, expect, it } from 'vitest'
import { codeList } from './hclic/code-lists.ts'
import { ACCOMMODATION_AT_APPLICATION, HCLIC_ACCOMMODATION, hclicAccommodation, RECORDED_ACCOMMODATION } from './code-lists.ts'

describe('accommodation at application: supported housing asked apart from hostels, one category in the return', () => {
  it('asks the return’s categories, with its “supported housing or hostel” as two answers', () => {
    const asked = Object.keys(ACCOMMODATION_AT_APPLICATION)
    expect(asked).toContain('social_rented_supported_housing')
    expect(asked).toContain('hostel')
    expect(asked).not.toContain('supported_housing_or_hostel')
    expect(Object.keys(RECORDED_ACCOMMODATION)).toEqual([...asked, 'supported_housing_or_hostel'])
  })

  it.each(Object.keys(RECORDED_ACCOMMODATION))('reports %s to H-CLIC (1.13, 1.14) as one of the return’s codes', (answer) => {
    expect(Object.keys(HCLIC_ACCOMMODATION)).toContain(hclicAccommodation(answer))
  })

  it.each([
    ['social_rented_supported_housing', 'supported_housing_or_hostel'],
    ['hostel', 'supported_housing_or_hostel'],
    ['supported_housing_or_hostel', 'supported_housing_or_hostel'],
    ['council_tenant', 'council_tenant'],
    [null, null],
    // Not an answer the assessment gives: left for the return's validation to report.
    ['caravan', 'caravan'],
  ])('%s is %s in the return', (answer, code) => {
    expect(hclicAccommodation(answer)).toBe(code)
  })

  it('keeps the return’s own list for 1.13 and 1.14', () => {
    expect(codeList('accommodation').values.map((v) => v.value)).toEqual(Object.keys(HCLIC_ACCOMMODATION))
  })
})
