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

export function mayRefer(type: string): boolean {
  return (REFERRING_BODY_TYPES as readonly string[]).includes(type)
}

/** ONS codes of local authority districts and unitaries in England: E06, E07, E08 or E09 and six digits. */
export function isEnglishHousingAuthorityCode(code: string): boolean {
  return /^E0[6-9]\d{6}$/.test(code)
}
