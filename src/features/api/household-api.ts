import { AddMember, ChangeMember, SavePersonalDetails, SENSITIVE_QUESTIONS } from '../assessment/commands.ts'
import { CASE_OFFICERS, command, type Command, type Reading } from './commands.ts'
import { HouseholdView, PersonalDetailsView } from './case-schemas.ts'

/** The household's commands and readings: the same HouseholdService methods as the household pages. */

const DETAILS_CONFLICT = 'Someone else has changed these details since that version. Read them again, then make your change.'

const recorded = (result: { outcome: string; personId?: string }) =>
  result.outcome === 'recorded' ? { outcome: 'recorded', id: result.personId } : result

export const HOUSEHOLD_COMMANDS: Command<unknown>[] = [
  command({
    operation: { path: '/cases/{reference}/household/members', summary: 'Add a member to the household' },
    body: AddMember,
    roles: CASE_OFFICERS,
    run: async ({ household }, officer, reference, member, origin) =>
      recorded(await household.addMember(officer, reference, member, origin)),
  }),
  command({
    operation: {
      path: '/cases/{reference}/household/members/{personId}',
      summary: 'Change a household member’s name, relationship, date of birth or sex',
    },
    body: ChangeMember,
    roles: CASE_OFFICERS,
    conflict: 'Someone else has changed this member since that version. Read the household again, then make your change.',
    run: async ({ household }, officer, reference, member, origin, params) =>
      recorded(await household.changeMember(officer, reference, params['personId'] ?? '', member, origin)),
  }),
  command({
    operation: {
      path: '/cases/{reference}/household/members/{personId}/personal-details',
      summary: 'Record a member’s personal details for the statutory return',
      description: 'Every answer may be left out: people need not say. The timeline records that they changed, never what they are.',
    },
    body: SavePersonalDetails,
    roles: CASE_OFFICERS,
    conflict: DETAILS_CONFLICT,
    run: async ({ household }, officer, reference, details, origin, params) =>
      recorded(await household.savePersonalDetails(officer, reference, params['personId'] ?? '', details, origin)),
  }),
]

export const HOUSEHOLD_READINGS: Reading[] = [
  {
    operation: {
      path: '/cases/{reference}/household',
      summary: 'The household: its members',
      description: 'Reading the household is recorded in the audit trail. Personal details are read per member.',
    },
    response: HouseholdView,
    roles: CASE_OFFICERS,
    async read({ household }, officer, { reference = '' }, origin) {
      const state = await household.household(officer, reference, origin)
      return (
        state && {
          reference: state.found.reference,
          members: state.members.map((m) => ({
            id: m.id,
            version: m.version,
            applicant: m.is_applicant,
            relationship: m.is_applicant ? null : m.relationship_to_applicant,
            givenName: m.given_name,
            familyName: m.family_name,
            dateOfBirth: m.date_of_birth,
            sex: m.sex,
          })),
        }
      )
    },
  },
  {
    operation: {
      path: '/cases/{reference}/household/members/{personId}/personal-details',
      summary: 'A member’s personal details for the statutory return',
      description: 'Only the officers running the case may read them; each read is audited with the reader and the person.',
    },
    response: PersonalDetailsView,
    roles: CASE_OFFICERS,
    async read({ household }, officer, { reference = '', personId = '' }, origin) {
      const state = await household.personalDetails(officer, reference, personId, origin)
      if (!state) return undefined
      const saved = state.details
      return {
        personId: state.person.id,
        version: saved?.version ?? 0,
        ...Object.fromEntries(SENSITIVE_QUESTIONS.map((q) => [q.field, saved?.[q.column] ?? null])),
      }
    },
  },
]
