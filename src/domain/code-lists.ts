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

/** Accommodation at the time of application (H-CLIC 1.13, tables A4P and A4R), in its main groups. */
export const ACCOMMODATION_AT_APPLICATION = {
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

export type AccommodationAtApplication = keyof typeof ACCOMMODATION_AT_APPLICATION

/**
 * H-CLIC 4.8 / 5.8 (P2 / R2): the type of accommodation secured when a prevention or relief duty ends
 * with accommodation, whether the household stayed or moved. The settled kinds of the list above.
 */
export const ACCOMMODATION_SECURED = {
  private_rented_self_contained: ACCOMMODATION_AT_APPLICATION.private_rented_self_contained,
  private_rented_hmo: ACCOMMODATION_AT_APPLICATION.private_rented_hmo,
  private_rented_lodging: ACCOMMODATION_AT_APPLICATION.private_rented_lodging,
  council_tenant: ACCOMMODATION_AT_APPLICATION.council_tenant,
  registered_provider_tenant: ACCOMMODATION_AT_APPLICATION.registered_provider_tenant,
  supported_housing_or_hostel: ACCOMMODATION_AT_APPLICATION.supported_housing_or_hostel,
  owner_occupier: ACCOMMODATION_AT_APPLICATION.owner_occupier,
  living_with_family: ACCOMMODATION_AT_APPLICATION.living_with_family,
  living_with_friends: ACCOMMODATION_AT_APPLICATION.living_with_friends,
  other_or_not_known: ACCOMMODATION_AT_APPLICATION.other_or_not_known,
} as const
export type AccommodationSecured = keyof typeof ACCOMMODATION_SECURED
