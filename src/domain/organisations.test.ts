import { describe, expect, it } from 'vitest'
import {
  isEnglishHousingAuthorityCode,
  isOrganisationType,
  mayRefer,
  storedOrganisationType,
  type OrganisationType,
} from './organisations.ts'

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

  // Adult and children's social care are different s213B partners (2018 Regulations, Schedule: social services authorities).
  it.each<[OrganisationType, string, OrganisationType]>([
    ['social_services', 'Essex Children’s Social Care', 'childrens_social_care'],
    ['social_services', "Oxfordshire Children's Services", 'childrens_social_care'],
    ['social_services', 'Adult Social Care, Thurrock', 'adult_social_care'],
    ['social_services', 'Hart Adults and Children’s Services', 'social_services'],
    ['social_services', 'Essex Social Services', 'social_services'],
    ['adult_social_care', 'Essex Children’s Social Care', 'adult_social_care'],
    ['hospital', 'Princess Alexandra Hospital', 'hospital'],
  ])('an organisation added as %s called %s is stored as %s', (type, name, stored) => {
    expect(storedOrganisationType(type, name)).toBe(stored)
  })

  it('lets both sides of social care refer, and organisations from before the split', () => {
    for (const type of ['adult_social_care', 'childrens_social_care', 'social_services']) expect(mayRefer(type)).toBe(true)
  })
})
