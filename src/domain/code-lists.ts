/**
 * Code lists shared by casework, referrals and the statutory return. The categories are those of the
 * H-CLIC live tables (research/hclic.md §1.4); the codes are ours, stable and readable, and each maps
 * to the label a housing officer sees.
 */

/** Support needs of the household (H-CLIC 3.2, table A3): recorded for every member, many at once. */
export const SUPPORT_NEEDS = {
  young_person_16_17: 'Young person aged 16 to 17',
  young_person_18_25: 'Young person aged 18 to 25 needing support to manage independently',
  young_parent: 'Young parent needing support to manage independently',
  care_leaver_18_20: 'Care leaver aged 18 to 20',
  care_leaver_21_24: 'Care leaver aged 21 to 24',
  care_leaver_25_plus: 'Care leaver aged 25 or over',
  physical_ill_health_or_disability: 'Physical ill health and disability',
  mental_health: 'History of mental health problems',
  learning_disability: 'Learning disability',
  sexual_abuse_or_exploitation: 'At risk of or has experienced sexual abuse or exploitation',
  domestic_abuse: 'At risk of or has experienced domestic abuse',
  abuse_non_domestic: 'At risk of or has experienced abuse (non-domestic)',
  drug_dependency: 'Drug dependency needs',
  alcohol_dependency: 'Alcohol dependency needs',
  offending_history: 'Offending history',
  repeat_homelessness: 'History of repeat homelessness',
  rough_sleeping: 'History of rough sleeping',
  former_asylum_seeker: 'Former asylum seeker',
  old_age: 'Old age',
  served_in_hm_forces: 'Served in HM Forces',
  education_employment_or_training: 'Access to education, employment or training',
  modern_slavery: 'Victim of modern slavery',
  difficulties_budgeting: 'Difficulties budgeting',
} as const

export type SupportNeed = keyof typeof SUPPORT_NEEDS

/** Reason for loss, or threat of loss, of the last settled home (H-CLIC 1.15, tables A2P and A2R). */
export const REASONS_FOR_LOSS_OF_HOME = {
  family_or_friends_no_longer_able_to_accommodate: 'Family or friends no longer willing or able to accommodate',
  end_of_assured_shorthold_tenancy: 'End of private rented tenancy (assured shorthold)',
  end_of_private_tenancy_not_assured_shorthold: 'End of private rented tenancy (not assured shorthold)',
  end_of_social_rented_tenancy: 'End of social rented tenancy',
  eviction_from_supported_housing: 'Eviction from supported housing',
  domestic_abuse: 'Domestic abuse',
  non_violent_relationship_breakdown: 'Non-violent relationship breakdown with partner',
  other_violence_or_harassment: 'Other violence or harassment',
  left_institution_with_no_accommodation: 'Left institution with no accommodation available',
  required_to_leave_asylum_support_accommodation: 'Required to leave accommodation provided by the Home Office as asylum support',
  home_no_longer_suitable: 'Home no longer suitable (disability or ill health)',
  other_or_not_known: 'Other reasons or not known',
} as const

export type ReasonForLossOfHome = keyof typeof REASONS_FOR_LOSS_OF_HOME

/**
 * Accommodation at the time of application and last settled accommodation as the statutory return lists
 * them (H-CLIC 1.13 and 1.14, tables A4P and A4R), in its main groups.
 */
export const HCLIC_ACCOMMODATION = {
  private_rented_self_contained: 'Private rented sector: self-contained',
  private_rented_hmo: 'Private rented sector: house in multiple occupation',
  private_rented_lodging: 'Private rented sector: lodging (not with family or friends)',
  council_tenant: 'Social rented sector: council tenant',
  registered_provider_tenant: 'Social rented sector: registered provider tenant',
  supported_housing_or_hostel: 'Social rented sector: supported housing or hostel',
  owner_occupier: 'Owner-occupier or shared ownership',
  living_with_family: 'Living with family',
  living_with_friends: 'Living with friends',
  temporary_accommodation: 'Temporary accommodation',
  departure_from_institution: 'Homeless on departure from an institution',
  no_fixed_abode: 'No fixed abode',
  rough_sleeping: 'Rough sleeping',
  refuge: 'Refuge',
  other_or_not_known: 'Other or not known',
} as const
export type HclicAccommodation = keyof typeof HCLIC_ACCOMMODATION

/**
 * What the assessment asks (where the household lives now, and its last settled home): the return's
 * list with "supported housing or hostel" asked apart, because social rented supported housing is
 * settled accommodation and a hostel is not, and the programmes' figures tell the two apart.
 */
export const ACCOMMODATION_AT_APPLICATION = {
  private_rented_self_contained: HCLIC_ACCOMMODATION.private_rented_self_contained,
  private_rented_hmo: HCLIC_ACCOMMODATION.private_rented_hmo,
  private_rented_lodging: HCLIC_ACCOMMODATION.private_rented_lodging,
  council_tenant: HCLIC_ACCOMMODATION.council_tenant,
  registered_provider_tenant: HCLIC_ACCOMMODATION.registered_provider_tenant,
  social_rented_supported_housing: 'Social rented sector: supported housing',
  hostel: 'Social rented sector: hostel',
  owner_occupier: HCLIC_ACCOMMODATION.owner_occupier,
  living_with_family: HCLIC_ACCOMMODATION.living_with_family,
  living_with_friends: HCLIC_ACCOMMODATION.living_with_friends,
  temporary_accommodation: HCLIC_ACCOMMODATION.temporary_accommodation,
  departure_from_institution: HCLIC_ACCOMMODATION.departure_from_institution,
  no_fixed_abode: HCLIC_ACCOMMODATION.no_fixed_abode,
  rough_sleeping: HCLIC_ACCOMMODATION.rough_sleeping,
  refuge: HCLIC_ACCOMMODATION.refuge,
  other_or_not_known: HCLIC_ACCOMMODATION.other_or_not_known,
} as const

export type AccommodationAtApplication = keyof typeof ACCOMMODATION_AT_APPLICATION

/**
 * Every answer an assessment may hold: the list asked today and the return's lumped "supported
 * housing or hostel", which assessments saved before the two were asked apart still hold (migration
 * 0022: which of the two it was cannot be told from the record). It is no longer offered.
 */
export const RECORDED_ACCOMMODATION = {
  ...ACCOMMODATION_AT_APPLICATION,
  supported_housing_or_hostel: `${HCLIC_ACCOMMODATION.supported_housing_or_hostel} (recorded before the two were asked apart)`,
} as const
export type RecordedAccommodation = keyof typeof RECORDED_ACCOMMODATION

/** An assessment's answer as the statutory return has it: supported housing and hostels are one category there. */
export const HCLIC_ACCOMMODATION_OF: Record<RecordedAccommodation, HclicAccommodation> = {
  private_rented_self_contained: 'private_rented_self_contained',
  private_rented_hmo: 'private_rented_hmo',
  private_rented_lodging: 'private_rented_lodging',
  council_tenant: 'council_tenant',
  registered_provider_tenant: 'registered_provider_tenant',
  social_rented_supported_housing: 'supported_housing_or_hostel',
  hostel: 'supported_housing_or_hostel',
  supported_housing_or_hostel: 'supported_housing_or_hostel',
  owner_occupier: 'owner_occupier',
  living_with_family: 'living_with_family',
  living_with_friends: 'living_with_friends',
  temporary_accommodation: 'temporary_accommodation',
  departure_from_institution: 'departure_from_institution',
  no_fixed_abode: 'no_fixed_abode',
  rough_sleeping: 'rough_sleeping',
  refuge: 'refuge',
  other_or_not_known: 'other_or_not_known',
}

/** A stored answer as the return's code; anything not on the lists stays as it is, for the return's validation to report. */
export function hclicAccommodation(answer: string | null): string | null {
  return answer !== null && Object.hasOwn(HCLIC_ACCOMMODATION_OF, answer) ? HCLIC_ACCOMMODATION_OF[answer as RecordedAccommodation] : answer
}

/**
 * H-CLIC 4.8 / 5.8 (P2 / R2): the type of accommodation secured when a prevention or relief duty ends
 * with accommodation, whether the household stayed or moved. The settled kinds of the list above.
 */
export const ACCOMMODATION_SECURED = {
  private_rented_self_contained: HCLIC_ACCOMMODATION.private_rented_self_contained,
  private_rented_hmo: HCLIC_ACCOMMODATION.private_rented_hmo,
  private_rented_lodging: HCLIC_ACCOMMODATION.private_rented_lodging,
  council_tenant: HCLIC_ACCOMMODATION.council_tenant,
  registered_provider_tenant: HCLIC_ACCOMMODATION.registered_provider_tenant,
  supported_housing_or_hostel: HCLIC_ACCOMMODATION.supported_housing_or_hostel,
  owner_occupier: HCLIC_ACCOMMODATION.owner_occupier,
  living_with_family: HCLIC_ACCOMMODATION.living_with_family,
  living_with_friends: HCLIC_ACCOMMODATION.living_with_friends,
  other_or_not_known: HCLIC_ACCOMMODATION.other_or_not_known,
} as const
export type AccommodationSecured = keyof typeof ACCOMMODATION_SECURED

/*
 * The statutory return's personal details of each household member (H-CLIC 1.7-1.9, 1.24 and the People
 * section). They are kept apart from the household record and read only by the officers running the case.
 */

/** Ethnic group (H-CLIC 1.7, table A8), in the Census 2021 groups the return uses. */
export const ETHNIC_GROUPS = {
  white_british: 'White: English, Welsh, Scottish, Northern Irish or British',
  white_irish: 'White: Irish',
  white_gypsy_or_irish_traveller: 'White: Gypsy or Irish Traveller',
  white_roma: 'White: Roma',
  white_other: 'White: any other White background',
  mixed_white_black_caribbean: 'Mixed: White and Black Caribbean',
  mixed_white_black_african: 'Mixed: White and Black African',
  mixed_white_asian: 'Mixed: White and Asian',
  mixed_other: 'Mixed: any other mixed or multiple ethnic background',
  asian_indian: 'Asian or Asian British: Indian',
  asian_pakistani: 'Asian or Asian British: Pakistani',
  asian_bangladeshi: 'Asian or Asian British: Bangladeshi',
  asian_chinese: 'Asian or Asian British: Chinese',
  asian_other: 'Asian or Asian British: any other Asian background',
  black_african: 'Black, Black British, Caribbean or African: African',
  black_caribbean: 'Black, Black British, Caribbean or African: Caribbean',
  black_other: 'Black, Black British, Caribbean or African: any other background',
  arab: 'Other ethnic group: Arab',
  other: 'Other ethnic group: any other',
  not_known: 'Not known or prefers not to say',
} as const

/** Nationality (H-CLIC 1.9), in the groups the return counts. */
export const NATIONALITIES = {
  uk: 'UK national',
  irish: 'Irish national',
  eea: 'EEA national (not UK or Irish)',
  non_eea: 'Non-EEA national',
  not_known: 'Not known or prefers not to say',
} as const
export type Nationality = keyof typeof NATIONALITIES

/** Sexual orientation (H-CLIC 1.8, table A12). */
export const SEXUAL_ORIENTATIONS = {
  heterosexual: 'Heterosexual or straight',
  gay_or_lesbian: 'Gay or lesbian',
  bisexual: 'Bisexual',
  other: 'Other sexual orientation',
  not_known: 'Not known or prefers not to say',
} as const

/** Gender identity (H-CLIC 1.24): is the person's gender the same as the sex registered at birth? */
export const GENDER_SAME_AS_AT_BIRTH = {
  yes: 'Yes',
  no: 'No',
  not_known: 'Not known or prefers not to say',
} as const

/** Religion or belief, in the Census 2021 groups. */
export const RELIGIONS = {
  none: 'No religion',
  christian: 'Christian',
  buddhist: 'Buddhist',
  hindu: 'Hindu',
  jewish: 'Jewish',
  muslim: 'Muslim',
  sikh: 'Sikh',
  other: 'Any other religion',
  not_known: 'Not known or prefers not to say',
} as const
export type Religion = keyof typeof RELIGIONS

/** Disability or long-term ill health (Equality Act 2010 definition). */
export const DISABILITY = {
  yes: 'Yes',
  no: 'No',
  not_known: 'Not known or prefers not to say',
} as const
export type Disability = keyof typeof DISABILITY

/** Current employment status of the applicant, and of a partner (H-CLIC 1.10 and 1.23, table A10). */
export const EMPLOYMENT_STATUSES = {
  full_time: 'Full-time work',
  part_time: 'Part-time work',
  registered_unemployed: 'Registered unemployed',
  not_registered_unemployed_seeking_work: 'Not registered unemployed but seeking work',
  not_seeking_work: 'Not seeking work or at home',
  student_or_training: 'Student or training',
  long_term_illness_or_disability: 'Not working because of long-term illness or disability',
  retired: 'Retired',
  other: 'Other',
  not_known: 'Not known',
} as const

/** Whether anyone in the household claims benefits towards housing costs, or other living costs (H-CLIC 1.11, 1.12). */
export const BENEFIT_CLAIMS = {
  yes: 'Yes',
  no: 'No',
  not_known: 'Not known',
} as const

/**
 * The notice by which the household is losing its home, where there is one. A valid section 21 notice
 * expiring within 56 days makes the household threatened with homelessness (Housing Act 1996 s175(5)).
 */
export const POSSESSION_NOTICE_TYPES = {
  none: 'No notice has been served',
  section_21: 'Section 21 notice (no-fault, assured shorthold tenancy)',
  section_8: 'Section 8 notice (grounds for possession)',
  notice_to_quit: 'Notice to quit (periodic, common law or social tenancy)',
  mortgage_possession: 'Mortgage lender’s possession claim',
  possession_order: 'Possession order from the court',
  warrant_of_eviction: 'Warrant or writ of eviction (bailiffs)',
  asked_to_leave: 'Asked to leave by family, friends or host (no formal notice)',
  other: 'Other notice',
} as const
export type PossessionNoticeType = keyof typeof POSSESSION_NOTICE_TYPES
