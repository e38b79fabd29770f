import { ACTIVITY_TYPES } from '../activities.ts'
import { RELATIONSHIPS } from '../assessment.ts'
import { ELIGIBILITY } from '../assessment.ts'
import {
  ACCOMMODATION_SECURED,
  BENEFIT_CLAIMS,
  EMPLOYMENT_STATUSES,
  ETHNIC_GROUPS,
  GENDER_SAME_AS_AT_BIRTH,
  HCLIC_ACCOMMODATION,
  NATIONALITIES,
  REASONS_FOR_LOSS_OF_HOME,
  SEXUAL_ORIENTATIONS,
  SUPPORT_NEEDS,
} from '../code-lists.ts'
import { MAIN_DUTY_ENDING_GROUNDS, PREVENTION_ENDING_GROUNDS, RELIEF_ENDING_GROUNDS } from '../legal-status.ts'
import { PRIORITY_NEED_CATEGORIES, PRIORITY_NEED_LABELS } from '../priority-need.ts'
import { REFERRING_BODY_TYPES } from '../organisations.ts'
import { REVIEW_OUTCOMES, REVIEWABLE_DECISIONS } from '../reviews.ts'
import { ACCOMMODATION_TYPES, DUTY_NAMES } from '../temporary-accommodation.ts'

/**
 * The return's code lists as versioned data. Each value is one of the platform's codes with the label
 * the published live tables use (research/hclic.md §1.4) and the official code, which is not public:
 * a council fills it from its copy of the H-CLIC data requirement (see `withOfficialCodes`). Lists
 * change between releases, so each value has the dates it is valid for.
 */
export interface CodeValue {
  value: string
  label: string
  officialCode: string | null
  validFrom: string
  validTo: string | null
}

export interface CodeList {
  id: string
  /** The questions that use the list. */
  questions: string[]
  title: string
  values: CodeValue[]
}

/** The first quarter of H-CLIC: April 2018. */
const START = '2018-04-01'

function list(
  id: string,
  questions: string[],
  title: string,
  labels: Record<string, string>,
  validity: Record<string, { validFrom?: string; validTo?: string }> = {},
): CodeList {
  return {
    id,
    questions,
    title,
    values: Object.entries(labels).map(([value, label]) => ({
      value,
      label,
      officialCode: null,
      validFrom: validity[value]?.validFrom ?? START,
      validTo: validity[value]?.validTo ?? null,
    })),
  }
}

const labelled = (values: readonly string[], label: (v: string) => string) => Object.fromEntries(values.map((v) => [v, label(v)]))
const words = (code: string) => code.charAt(0).toUpperCase() + code.slice(1).replace(/_/g, ' ')

export const CODE_LISTS: readonly CodeList[] = [
  list('eligibility', ['1.3'], 'Eligible for assistance', ELIGIBILITY),
  list('initial_duty', ['1.6'], 'Initial assessment of duty owed (A1)', {
    prevention: 'Threatened with homelessness – prevention duty owed',
    relief: 'Homeless – relief duty owed',
    no_duty: 'Not homeless nor threatened with homelessness within 56 days',
  }),
  list('ethnic_group', ['1.7'], 'Ethnic group of the main applicant (A8)', ETHNIC_GROUPS),
  list('sexual_orientation', ['1.8'], 'Sexual identity of the main applicant (A12)', SEXUAL_ORIENTATIONS),
  list('nationality', ['1.9'], 'Nationality of the main applicant', NATIONALITIES),
  list('employment', ['1.10', '1.23'], 'Employment status (A10)', EMPLOYMENT_STATUSES),
  list('benefits', ['1.11', '1.12'], 'Claiming benefits', BENEFIT_CLAIMS),
  list('accommodation', ['1.13', '1.14'], 'Accommodation at time of application (A4P, A4R)', HCLIC_ACCOMMODATION),
  list('reason_for_loss', ['1.15'], 'Reason for loss, or threat of loss, of last settled home (A2P, A2R)', REASONS_FOR_LOSS_OF_HOME, {
    required_to_leave_asylum_support_accommodation: { validFrom: '2023-04-01' },
    home_no_longer_suitable: { validFrom: '2023-04-01' },
  }),
  list('referring_body', ['1.20'], 'Referring public body (A7)', labelled(REFERRING_BODY_TYPES, words)),
  list('gender_same_as_at_birth', ['1.24'], 'Gender the same as sex registered at birth', GENDER_SAME_AS_AT_BIRTH),
  list('sex', ['2.3'], 'Sex', { female: 'Female', male: 'Male', other: 'Other or not known' }),
  list('relationship', ['2.5'], 'Relationship to the main applicant', { main_applicant: 'Main applicant', ...RELATIONSHIPS }),
  list('support_need', ['3.2'], 'Support needs of household (A3)', SUPPORT_NEEDS, {
    care_leaver_21_24: { validFrom: '2023-04-01' },
    care_leaver_25_plus: { validFrom: '2023-04-01' },
    modern_slavery: { validFrom: '2023-04-01' },
    difficulties_budgeting: { validFrom: '2022-04-01' },
  }),
  list('activity', ['4.3', '5.3'], 'Main prevention or relief activity (P3, R3)', ACTIVITY_TYPES),
  list('prevention_ending', ['4.6'], 'Reason prevention duty ended (P1)', {
    ...labelled(PREVENTION_ENDING_GROUNDS, words),
    moved_to_relief: 'Homeless (including intentionally homeless)',
  }),
  list('accommodation_secured', ['4.8', '5.8'], 'Type of accommodation secured (P2, R2)', ACCOMMODATION_SECURED),
  list('relief_ending', ['5.6'], 'Reason relief duty ended (R1)', {
    ...labelled(RELIEF_ENDING_GROUNDS, words),
    moved_to_main_duty_decision: '56 days elapsed',
  }),
  list('main_duty_decision', ['7.3'], 'Decision on duty owed at end of relief duty (MD1)', {
    owed: 'Eligible, unintentionally homeless and in priority need – main duty owed',
    intentionally_homeless: 'Eligible, homeless and in priority need, but intentionally homeless',
    no_priority_need: 'Eligible and homeless, but not in priority need',
    not_owed_other: 'No main duty owed for another reason (for example no longer eligible or no longer homeless)',
    not_owed: 'No main duty owed – reason not known',
  }),
  list(
    'priority_need',
    ['7.5'],
    'Priority need of the applicant (MD3)',
    { ...PRIORITY_NEED_LABELS, not_in_priority_need: 'No priority need', not_known: 'Not known' },
    Object.fromEntries(
      Object.entries(PRIORITY_NEED_CATEGORIES).flatMap(([code, category]) =>
        'inForceFrom' in category ? [[code, { validFrom: category.inForceFrom }]] : [],
      ),
    ),
  ),
  list('main_duty_ending', ['8.3'], 'Reason main duty ended (MD2)', labelled(MAIN_DUTY_ENDING_GROUNDS, words)),
  list('ta_type', ['9.5'], 'Type of temporary accommodation (TA1)', ACCOMMODATION_TYPES),
  list('ta_duty', ['9.7'], 'Duty under which temporary accommodation is provided', DUTY_NAMES),
  list(
    'review_decision',
    ['10.4'],
    'Decision reviewed',
    Object.fromEntries(Object.entries(REVIEWABLE_DECISIONS).map(([k, v]) => [k, v.label])),
  ),
  list('review_outcome', ['10.6'], 'Review outcome', labelled(REVIEW_OUTCOMES, words)),
]

export function codeList(id: string): CodeList {
  const found = CODE_LISTS.find((l) => l.id === id)
  if (!found) throw new Error(`no H-CLIC code list "${id}"`)
  return found
}

/** A council's official codes, one per list and value, as read from its configuration. */
export interface OfficialCode {
  list: string
  value: string
  code: string
}

/**
 * The code lists with the council's official codes filled in; every configured code must name a list
 * and value that exist, so a typo is found when the configuration is read, not at the quarter's end.
 */
export function withOfficialCodes(codes: readonly OfficialCode[]): { lists: CodeList[] } | { errors: string[] } {
  const errors: string[] = []
  for (const c of codes) {
    const found = CODE_LISTS.find((l) => l.id === c.list)
    if (!found) errors.push(`There is no code list "${c.list}"`)
    else if (!found.values.some((v) => v.value === c.value)) errors.push(`The list "${c.list}" has no value "${c.value}"`)
  }
  if (errors.length > 0) return { errors }
  return {
    lists: CODE_LISTS.map((l) => ({
      ...l,
      values: l.values.map((v) => ({ ...v, officialCode: codes.find((c) => c.list === l.id && c.value === v.value)?.code ?? null })),
    })),
  }
}
