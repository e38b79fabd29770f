import { z } from 'zod'
import { SEXES } from '../../domain/approach.ts'
import { ELIGIBILITY, HOMELESSNESS_STATUSES, RELATIONSHIPS, type Section } from '../../domain/assessment.ts'
import {
  ACCOMMODATION_AT_APPLICATION,
  BENEFIT_CLAIMS,
  DISABILITY,
  EMPLOYMENT_STATUSES,
  ETHNIC_GROUPS,
  GENDER_SAME_AS_AT_BIRTH,
  NATIONALITIES,
  POSSESSION_NOTICE_TYPES,
  REASONS_FOR_LOSS_OF_HOME,
  RELIGIONS,
  SEXUAL_ORIENTATIONS,
  SUPPORT_NEEDS,
} from '../../domain/code-lists.ts'
import { NOTICE_VALIDITY, ONLY_ACCOMMODATION } from '../../domain/possession-notices.ts'
import { calendarDate, codes, recordVersion } from '../../platform/commands.ts'

/**
 * The household's and the assessment's commands: one schema each, read by the household and assessment
 * pages, the API and its OpenAPI document alike.
 */

/* The household (H-CLIC 2): its members, and each member's personal details, changed apart. */

const NAME_LIMIT = 100

export const HOUSEHOLD_OUT_OF_DATE =
  'Someone else changed these details after you opened them. Reload the page to see their changes, then make yours again.'

const memberName = (label: string) =>
  z
    .string()
    .trim()
    .max(NAME_LIMIT, `The ${label} must be ${String(NAME_LIMIT)} characters or fewer`)
    .optional()
    .meta({ description: `Their ${label}` })

/**
 * A code the service checks, not the schema: whether it is needed, and the words of its refusal, depend
 * on whom it is about (the applicant, or another member), which only the case knows.
 */
const memberCode = (options: Record<string, string>, description: string) =>
  z
    .string()
    .optional()
    .meta({ description, enum: codes(options) })

/**
 * A member's answers. Which of them are needed and the words that ask for them depend on the member
 * (the applicant has no relationship to themselves; "Enter the applicant’s first name" or "Enter their
 * first name"), and a date of birth is checked against today, so the service checks that each is given,
 * all at once; the schema checks that what is given is of the right kind.
 */
const MemberFields = {
  givenName: memberName('first name'),
  familyName: memberName('last name'),
  dateOfBirth: calendarDate('Date of birth').optional(),
  sex: memberCode(SEXES, 'Their sex'),
}

export const AddMember = z
  .object({ ...MemberFields, relationship: memberCode(RELATIONSHIPS, 'Their relationship to the applicant') })
  .meta({ id: 'HouseholdMemberRequest' })
export type AddMember = z.output<typeof AddMember>

export const ChangeMember = z
  .object({
    ...MemberFields,
    relationship: memberCode(RELATIONSHIPS, 'Their relationship to the applicant; not asked of the applicant'),
    version: recordVersion(HOUSEHOLD_OUT_OF_DATE).meta({
      description: 'The version of the member you last read; a later change by someone else answers 409',
    }),
  })
  .meta({ id: 'HouseholdMemberChangeRequest' })
export type ChangeMember = z.output<typeof ChangeMember>

/** The personal details' questions, each with its code list; every one may be "not known or prefers not to say". */
export const SENSITIVE_QUESTIONS = [
  { field: 'ethnicGroup', column: 'ethnic_group', question: 'Ethnic group', options: ETHNIC_GROUPS },
  { field: 'nationality', column: 'nationality', question: 'Nationality', options: NATIONALITIES },
  { field: 'sexualOrientation', column: 'sexual_orientation', question: 'Sexual orientation', options: SEXUAL_ORIENTATIONS },
  {
    field: 'genderSameAsAtBirth',
    column: 'gender_same_as_at_birth',
    question: 'Is their gender the same as the sex they were registered at birth?',
    options: GENDER_SAME_AS_AT_BIRTH,
  },
  { field: 'religion', column: 'religion', question: 'Religion or belief', options: RELIGIONS },
  {
    field: 'disability',
    column: 'disability',
    question: 'Do they have a disability or long-term ill health?',
    options: DISABILITY,
  },
] as const

export type SensitiveField = (typeof SENSITIVE_QUESTIONS)[number]['field']

/** Each answer is optional (people need not say), but one given must come from its list. */
const sensitive = <T extends Record<string, string>>(options: T, question: string) =>
  z
    .enum(codes(options), { error: `Select an answer from the list for ${question.toLowerCase()}` })
    .nullable()
    .optional()
    .meta({ description: 'Left out or null: not known, or they prefer not to say' })

export const SavePersonalDetails = z
  .object({
    ethnicGroup: sensitive(ETHNIC_GROUPS, 'Ethnic group'),
    nationality: sensitive(NATIONALITIES, 'Nationality'),
    sexualOrientation: sensitive(SEXUAL_ORIENTATIONS, 'Sexual orientation'),
    genderSameAsAtBirth: sensitive(GENDER_SAME_AS_AT_BIRTH, 'Is their gender the same as the sex they were registered at birth?'),
    religion: sensitive(RELIGIONS, 'Religion or belief'),
    disability: sensitive(DISABILITY, 'Do they have a disability or long-term ill health?'),
    version: recordVersion(HOUSEHOLD_OUT_OF_DATE).meta({
      description:
        'The version of the personal details (0 when none are recorded) you last read; a later change by someone else answers 409',
    }),
  })
  .meta({ id: 'PersonalDetailsRequest' })
export type SavePersonalDetails = z.output<typeof SavePersonalDetails>

/* The assessment (s189A), section by section. */

export const ASSESSMENT_OUT_OF_DATE =
  'Someone else saved this assessment after you opened it. Reload the page to see their changes, then make yours again.'

const TEXT_LIMIT = 2000

/**
 * Whatever a section is given must be right (a real date, a code from the list, text not too long);
 * whether it answers every question it needs (which needs the household) and whether its dates fit
 * today are the service's to say.
 */
const answerText = (label: string) =>
  z
    .string()
    .trim()
    .max(TEXT_LIMIT, `${label} must be ${String(TEXT_LIMIT)} characters or fewer`)
    .optional()
const answerCode = <T extends Record<string, string>>(options: T, message: string) => z.enum(codes(options), { error: message }).optional()

/** The dates a section asks for, with the words its refusals use. */
export const SECTION_DATES = {
  homelessSince: 'Date they became homeless',
  expectedHomelessOn: 'Date they expect to become homeless',
  noticeServedOn: 'Date the notice was served',
  noticeExpiresOn: 'Date the notice expires',
} as const

const answerDate = (field: keyof typeof SECTION_DATES) => calendarDate(SECTION_DATES[field]).optional()

const completeness = {
  complete: z.boolean().optional().meta({
    description:
      'true (the default) is the page’s "Save and continue": the section must then answer every question it needs. false is "Save and come back later": what is given must be right, the rest may wait.',
  }),
  version: recordVersion(ASSESSMENT_OUT_OF_DATE).meta({
    description: 'The version of the assessment (0 before anything is saved) you last read; a later change by someone else answers 409',
  }),
}

const section = <S extends z.ZodRawShape>(name: Section, shape: S) =>
  z.object({ ...shape, ...completeness }).meta({
    id: `Assessment${name
      .split('_')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join('')}Request`,
  })

export const SaveEligibility = section('eligibility', {
  eligibility: answerCode(ELIGIBILITY, 'Select whether the applicant is eligible for assistance'),
  immigrationStatus: answerText('The immigration status'),
})

export const SaveHomelessness = section('homelessness', {
  status: answerCode(HOMELESSNESS_STATUSES, 'Select whether the household is homeless or threatened with homelessness'),
  homelessSince: answerDate('homelessSince'),
  expectedHomelessOn: answerDate('expectedHomelessOn'),
  possessionNotice: answerCode(POSSESSION_NOTICE_TYPES, 'Select the type of notice from the list'),
  noticeServedOn: answerDate('noticeServedOn'),
  noticeExpiresOn: answerDate('noticeExpiresOn'),
  noticeValidity: answerCode(NOTICE_VALIDITY, 'Select whether the notice is valid from the list').meta({
    description: 'For a section 21 or section 8 notice: whether the authority is satisfied it is valid (s175(5), s195(6))',
  }),
  onlyAccommodation: answerCode(ONLY_ACCOMMODATION, 'Select whether it is the only accommodation available from the list').meta({
    description: 'For a section 21 or section 8 notice: whether it is about the only accommodation available to the household',
  }),
})

export const SaveCircumstances = section('circumstances', {
  lastSettledAccommodation: answerCode(ACCOMMODATION_AT_APPLICATION, 'Select the last settled home from the list'),
  reasonForLoss: answerCode(REASONS_FOR_LOSS_OF_HOME, 'Select the reason from the list'),
  circumstances: answerText('The circumstances'),
})

export const SaveAccommodation = section('accommodation', {
  accommodationAtApplication: answerCode(ACCOMMODATION_AT_APPLICATION, 'Select where they live from the list'),
  details: answerText('The details'),
})

const BEDROOMS = 'Enter the number of bedrooms as a whole number from 0 to 10'
export const SaveHousingNeeds = section('housing_needs', {
  bedrooms: z.int({ error: BEDROOMS }).min(0, BEDROOMS).max(10, BEDROOMS).optional(),
  accessibility: answerText('The accessibility needs'),
  location: answerText('The location needs'),
  other: answerText('The other needs'),
})

export const SaveSupportNeeds = section('support_needs', {
  needs: z
    .record(z.uuid(), z.array(z.enum(codes(SUPPORT_NEEDS), { error: 'Select support needs from the list' })))
    .meta({ description: 'Each household member’s support needs by their id; an empty list records that they have none' }),
})

export const SaveEmployment = section('employment', {
  applicantEmployment: answerCode(EMPLOYMENT_STATUSES, 'Select the applicant’s employment status from the list'),
  partnerEmployment: answerCode(EMPLOYMENT_STATUSES, 'Select the partner’s employment status from the list'),
  housingCostBenefits: answerCode(BENEFIT_CLAIMS, 'Select whether anyone claims benefits towards housing costs'),
  livingCostBenefits: answerCode(BENEFIT_CLAIMS, 'Select whether anyone claims benefits towards other living costs'),
  benefitsDetails: answerText('The benefits details'),
})

export const SaveStrengths = section('strengths', {
  skills: answerText('The skills'),
  networks: answerText('The networks'),
  whatHasWorked: answerText('What has worked before'),
  goals: answerText('The goals'),
})

/** Each section's command: its questions, whether it is to be complete, and the version it was read at. */
export const SECTION_COMMANDS = {
  eligibility: SaveEligibility,
  homelessness: SaveHomelessness,
  circumstances: SaveCircumstances,
  accommodation: SaveAccommodation,
  housing_needs: SaveHousingNeeds,
  support_needs: SaveSupportNeeds,
  employment: SaveEmployment,
  strengths: SaveStrengths,
} as const satisfies Record<Section, z.ZodType>

export type SectionCommand<S extends Section = Section> = z.output<(typeof SECTION_COMMANDS)[S]>

export const CompleteAssessment = z
  .object({
    date: calendarDate('Date of the assessment').meta({ description: 'The date of the assessment' }),
    version: recordVersion(ASSESSMENT_OUT_OF_DATE).meta({
      description: 'The version of the assessment you last read; a later change by someone else answers 409',
    }),
  })
  .meta({ id: 'AssessmentCompletionRequest' })
export type CompleteAssessment = z.output<typeof CompleteAssessment>
