import type { HclicCase, HclicPerson, HclicPersonalDetails } from '../domain/hclic/record.ts'

/** Hand-built H-CLIC records for the export's and validation's tests: one with every section answered. */
export function person(changes: Partial<HclicPerson> = {}): HclicPerson {
  return {
    personId: 'p-applicant',
    isApplicant: true,
    relationship: null,
    sex: 'female',
    dateOfBirth: '1990-04-01',
    ageAtApplication: 35,
    ageAtQuarterEnd: 35,
    ethnicGroup: 'white_british',
    nationality: 'uk',
    sexualOrientation: 'heterosexual',
    genderSameAsAtBirth: 'yes',
    supportNeeds: ['young_parent', 'young_person_18_25'],
    ...changes,
  }
}

/** A case with no answers beyond what every case has. */
export function bareCase(changes: Partial<HclicCase> = {}): HclicCase {
  return {
    caseId: 'c-1',
    reference: 'BAS-2026-00001',
    authorityCode: 'E07000066',
    stage: 'approach',
    appliedOn: '2026-01-05',
    assessedOn: null,
    eligibility: null,
    initialDuty: null,
    noDutyReason: null,
    section21: false,
    applicantEmployment: null,
    partnerEmployment: null,
    housingCostBenefits: null,
    livingCostBenefits: null,
    accommodationAtApplication: null,
    lastSettledAccommodation: null,
    reasonForLoss: null,
    referred: false,
    referringBodyType: null,
    people: [person({ supportNeeds: null, ethnicGroup: null, nationality: null, sexualOrientation: null, genderSameAsAtBirth: null })],
    prevention: null,
    relief: null,
    mainDuty: null,
    placements: [],
    reviews: [],
    closedOn: null,
    ...changes,
  }
}

/** A case through every section: prevention, relief, the main duty, a placement and a review. */
export function fullCase(changes: Partial<HclicCase> = {}): HclicCase {
  return bareCase({
    stage: 'main_duty',
    assessedOn: '2026-01-12',
    eligibility: 'eligible',
    initialDuty: 'prevention',
    applicantEmployment: 'part_time',
    partnerEmployment: 'full_time',
    housingCostBenefits: 'yes',
    livingCostBenefits: 'no',
    accommodationAtApplication: 'private_rented_self_contained',
    lastSettledAccommodation: 'private_rented_hmo',
    reasonForLoss: 'end_of_assured_shorthold_tenancy',
    referred: true,
    referringBodyType: 'prison',
    people: [
      person(),
      person({
        personId: 'p-partner',
        isApplicant: false,
        relationship: 'partner',
        sex: 'male',
        ageAtApplication: 37,
        ageAtQuarterEnd: 38,
        supportNeeds: [],
      }),
      person({
        personId: 'p-child',
        isApplicant: false,
        relationship: 'child',
        sex: 'other',
        ageAtApplication: 4,
        ageAtQuarterEnd: 4,
        supportNeeds: null,
      }),
    ],
    prevention: {
      startedOn: '2026-01-12',
      endedOn: '2026-02-01',
      endingGround: 'suitable_accommodation_secured',
      accommodationSecured: 'private_rented_self_contained',
      activities: ['helped_secure_without_financial_payment', 'accommodation_secured_by_authority'],
    },
    relief: { startedOn: '2026-02-01', endedOn: null, endingGround: null, accommodationSecured: null, activities: [] },
    mainDuty: { decidedOn: '2026-03-20', owed: true, priorityNeed: null, intentionality: null, endedOn: null, endingGround: null },
    placements: [
      {
        duty: 's188',
        accommodationType: 'bed_and_breakfast',
        bedrooms: 1,
        inAnotherDistrict: false,
        placedOn: '2026-02-02',
        endedOn: '2026-03-01',
      },
      { duty: 's193', accommodationType: 'hostel', bedrooms: null, inAnotherDistrict: true, placedOn: '2026-03-01', endedOn: null },
    ],
    reviews: [{ decision: 'duty_owed', receivedOn: '2026-02-10', decidedOn: '2026-03-05', outcome: 'upheld' }],
    ...changes,
  })
}

export function personalDetails(changes: Partial<HclicPersonalDetails> = {}): HclicPersonalDetails {
  return { personId: 'p-applicant', givenName: 'Sam', familyName: 'Taylor', dateOfBirth: '1990-04-01', postcode: 'CM20 1AA', ...changes }
}
