/**
 * The kinds of organisation on the platform. The referring bodies are the public authorities named in
 * the Homelessness (Review Procedure etc.) Regulations 2018 under s213B of the Housing Act 1996, plus
 * voluntary and housing partners who refer by agreement.
 */
export const REFERRING_BODY_TYPES = [
  'prison',
  'youth_offender_institution',
  'secure_training_centre',
  'secure_college',
  'youth_offending_team',
  'probation',
  'jobcentre_plus',
  // Adult and children's social care are different partners with different duties: children's services
  // refer care leavers and 16 and 17 year olds (Children Act 1989 s20, Part 3), adult social care people
  // under the Care Act 2014. Both are the "social services authority" of the 2018 Regulations' Schedule.
  'adult_social_care',
  'childrens_social_care',
  // A social services authority whose adult or children's side was not recorded (before the split).
  'social_services',
  'emergency_department',
  'urgent_treatment_centre',
  'hospital',
  'armed_forces',
  'voluntary_sector',
  'registered_provider',
  'other',
] as const

export const ORGANISATION_TYPES = ['local_housing_authority', 'county_council', 'provider', ...REFERRING_BODY_TYPES] as const

export type OrganisationType = (typeof ORGANISATION_TYPES)[number]

export function isOrganisationType(value: string): value is OrganisationType {
  return (ORGANISATION_TYPES as readonly string[]).includes(value)
}

/**
 * The social care side an organisation's name shows, where it shows exactly one: "Essex Children's
 * Social Care" is children's, "Adult Social Care, Thurrock" is adults'. Migration 0025 applies the same
 * rule to organisations stored as `social_services`.
 */
export function socialCareSideOfName(name: string): 'adult_social_care' | 'childrens_social_care' | undefined {
  const lower = name.toLowerCase()
  const adult = lower.includes('adult')
  const children = lower.includes('child')
  if (adult === children) return undefined
  return adult ? 'adult_social_care' : 'childrens_social_care'
}

/**
 * The type an organisation is stored as. `social_services`, as the command line named it before adult
 * and children's social care were told apart, is still accepted: it becomes the side its name shows,
 * or stays "adult or children's not recorded" when the name shows neither.
 */
export function storedOrganisationType(type: OrganisationType, name: string): OrganisationType {
  return type === 'social_services' ? (socialCareSideOfName(name) ?? 'social_services') : type
}

export function mayRefer(type: string): boolean {
  return (REFERRING_BODY_TYPES as readonly string[]).includes(type)
}

/** ONS codes of local authority districts and unitaries in England: E06, E07, E08 or E09 and six digits. */
export function isEnglishHousingAuthorityCode(code: string): boolean {
  return /^E0[6-9]\d{6}$/.test(code)
}
