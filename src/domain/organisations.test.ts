import { describe, expect, it } from 'vitest'
import { isEnglishHousingAuthorityCode, isOrganisationType, mayRefer } from './organisations.ts'

describe('organisations', () => {
  it.each([
    ['E07000073', true], // Harlow, a district
    ['E06000033', true], // Southend-on-Sea, a unitary
    ['E09000001', true], // City of London
    ['E10000012', false], // Essex County Council is not a housing authority
    ['W06000015', false], // Cardiff: Welsh law differs
    ['E0700007', false],
  ])('%s is an English housing authority code: %s', (code, expected) => {
    expect(isEnglishHousingAuthorityCode(code)).toBe(expected)
  })

  it('knows which organisations refer', () => {
    expect(mayRefer('hospital')).toBe(true)
    expect(mayRefer('local_housing_authority')).toBe(false)
    expect(mayRefer('provider')).toBe(false)
    expect(isOrganisationType('prison')).toBe(true)
    expect(isOrganisationType('castle')).toBe(false)
  })
})
