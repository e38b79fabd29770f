import { sql, type Kysely } from 'kysely'
import type { Scoped } from '../../db/actor.ts'
import type { DB } from '../../db/schema.ts'

/**
 * Every query here runs inside asActor(), so row-level security already limits it to the actor's
 * organisation; each also says so itself, so the rule holds twice.
 */
function casesOf(trx: Kysely<DB>, organisationId: string) {
  return trx
    .selectFrom('cases')
    .innerJoin('people as applicant', (join) =>
      join.onRef('applicant.household_id', '=', 'cases.household_id').on('applicant.is_applicant', '=', true),
    )
    .innerJoin('organisations as authority', 'authority.id', 'cases.authority_id')
    .innerJoin('users as officer', 'officer.id', 'cases.officer_id')
    .where((eb) => eb.or([eb('cases.authority_id', '=', organisationId), eb('cases.provider_organisation_id', '=', organisationId)]))
    .select([
      'cases.id',
      'cases.reference',
      'cases.stage',
      'cases.approached_on',
      'cases.closed_on',
      'cases.outcome',
      'cases.officer_id',
      'cases.prevention_started_on',
      'cases.relief_started_on',
      'cases.priority_need',
      'cases.intentionality',
      'authority.name as authority_name',
      'applicant.given_name',
      'applicant.family_name',
    ])
}

/** Cases with work due: open, or closed with a review (s202) of one of their decisions still to decide. */
function openOrUnderReview(query: ReturnType<typeof casesOf>) {
  return query.where((eb) =>
    eb.or([
      eb('cases.stage', '!=', 'closed'),
      eb('cases.id', 'in', eb.selectFrom('reviews').where('reviews.decided_on', 'is', null).select('reviews.case_id')),
    ]),
  )
}

export type CaseSummary = Awaited<ReturnType<ReturnType<typeof casesOf>['execute']>>[number] & { officer_name?: string }

export async function openCasesOfOfficer(trx: Scoped, organisationId: string, officerId: string) {
  return casesOf(trx, organisationId)
    .$call(openOrUnderReview)
    .where('cases.officer_id', '=', officerId)
    .orderBy('cases.approached_on')
    .execute()
}

export async function openCasesOfOrganisation(trx: Scoped, organisationId: string, limit: number, officerId?: string) {
  return (
    casesOf(trx, organisationId)
      .$call(openOrUnderReview)
      .select('officer.display_name as officer_name')
      .$if(officerId !== undefined, (q) => q.where('cases.officer_id', '=', officerId ?? ''))
      // The duty's start orders cases as their 56-day deadlines do, so the limit keeps the most urgent.
      .orderBy(
        (eb) =>
          eb
            .case()
            .when('cases.stage', '=', 'prevention')
            .then(eb.ref('cases.prevention_started_on'))
            .when('cases.stage', '=', 'relief')
            .then(eb.ref('cases.relief_started_on'))
            .end(),
        (ob) => ob.asc().nullsLast(),
      )
      .orderBy('cases.approached_on')
      .limit(limit)
      .execute()
  )
}

export async function caseloadsOfTeam(trx: Scoped, organisationId: string) {
  return trx
    .selectFrom('users')
    .leftJoin('cases', (join) => join.onRef('cases.officer_id', '=', 'users.id').on('cases.stage', '!=', 'closed'))
    .where('users.organisation_id', '=', organisationId)
    .where('users.role', 'in', ['caseworker', 'team_manager'])
    .groupBy(['users.id', 'users.display_name', 'users.role'])
    .select((eb) => ['users.id', 'users.display_name', 'users.role', eb.fn.count<number>('cases.id').as('open_cases')])
    .orderBy('users.display_name')
    .execute()
}

export async function casesByStage(trx: Scoped, organisationId: string) {
  return trx
    .selectFrom('cases')
    .where((eb) => eb.or([eb('authority_id', '=', organisationId), eb('provider_organisation_id', '=', organisationId)]))
    .groupBy('stage')
    .select((eb) => ['stage', eb.fn.countAll<number>().as('cases')])
    .execute()
}

export async function outcomesOfClosedCases(trx: Scoped, organisationId: string) {
  return trx
    .selectFrom('cases')
    .where((eb) => eb.or([eb('authority_id', '=', organisationId), eb('provider_organisation_id', '=', organisationId)]))
    .where('stage', '=', 'closed')
    .groupBy('outcome')
    .select((eb) => ['outcome', eb.fn.countAll<number>().as('cases')])
    .orderBy('outcome')
    .execute()
}

export interface CaseChanges {
  stage: string
  prevention_started_on?: string
  relief_started_on?: string
  main_duty_started_on?: string
  outcome?: string
  accommodation_outcome?: string | null
  accommodation_secured?: string | null
  closed_on?: string
  priority_need?: string | null
  intentionality?: string | null
  intentionality_reasons?: string | null
}

/**
 * Changes a case only if nobody else has changed it since it was read: the version must still match.
 * Returns false when it did not, so two officers cannot overwrite each other silently.
 */
export async function changeCase(trx: Scoped, caseId: string, expectedVersion: number, changes: CaseChanges, now: Date): Promise<boolean> {
  const changed = await trx
    .updateTable('cases')
    .set({ ...changes, updated_at: now })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', caseId)
    .where('version', '=', expectedVersion)
    .returning('id')
    .executeTakeFirst()
  return changed !== undefined
}

export async function assignOfficer(trx: Scoped, caseId: string, expectedVersion: number, officerId: string, now: Date): Promise<boolean> {
  const changed = await trx
    .updateTable('cases')
    .set({ officer_id: officerId, updated_at: now })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', caseId)
    .where('version', '=', expectedVersion)
    .returning('id')
    .executeTakeFirst()
  return changed !== undefined
}

/** The next free case reference for the prefix and year (see migration 0003). */
export async function nextCaseReference(trx: Scoped, prefix: string, year: number): Promise<string> {
  const { rows } = await sql<{ reference: string }>`select next_case_reference(${prefix}, ${year}) as reference`.execute(trx)
  const reference = rows[0]?.reference
  if (!reference) throw new Error('no case reference was returned')
  return reference
}

export async function insertApproach(
  trx: Scoped,
  approach: {
    authorityId: string
    officerId: string
    reference: string
    givenName: string
    familyName: string
    dateOfBirth: string
    sex: string | null
    approachedOn: string
    channel: string
    emergencies: string[]
    referralRoute?: string | null
    supportNeeds?: string[]
  },
): Promise<{ caseId: string; householdId: string }> {
  const household = await trx
    .insertInto('households')
    .values({ authority_id: approach.authorityId })
    .returning('id')
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('people')
    .values({
      household_id: household.id,
      authority_id: approach.authorityId,
      is_applicant: true,
      given_name: approach.givenName,
      family_name: approach.familyName,
      date_of_birth: approach.dateOfBirth,
      sex: approach.sex,
    })
    .execute()
  const created = await trx
    .insertInto('cases')
    .values({
      reference: approach.reference,
      authority_id: approach.authorityId,
      officer_id: approach.officerId,
      household_id: household.id,
      approached_on: approach.approachedOn,
      approach_channel: approach.channel,
      stage: 'approach',
      emergencies: approach.emergencies,
      referral_route: approach.referralRoute ?? null,
      support_needs: approach.supportNeeds ?? [],
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { caseId: created.id, householdId: household.id }
}

/**
 * Earlier cases of the same person at the same authority (same family name, ignoring case, and date of
 * birth): a repeat approach, which the statutory return and the officer both need to know about.
 */
export async function earlierCasesOfApplicant(
  trx: Scoped,
  authorityId: string,
  caseId: string,
  person: { family_name: string; date_of_birth: string | null },
) {
  if (!person.date_of_birth) return []
  return trx
    .selectFrom('people')
    .innerJoin('cases', 'cases.household_id', 'people.household_id')
    .where('people.authority_id', '=', authorityId)
    .where((eb) => eb(eb.fn('lower', ['people.family_name']), '=', person.family_name.toLowerCase()))
    .where('people.date_of_birth', '=', person.date_of_birth)
    .where('cases.id', '!=', caseId)
    .select(['cases.reference', 'cases.approached_on', 'cases.stage'])
    .orderBy('cases.approached_on', 'desc')
    .execute()
}

export async function organisationOf(trx: Scoped, organisationId: string) {
  return trx.selectFrom('organisations').select(['id', 'name', 'type']).where('id', '=', organisationId).executeTakeFirstOrThrow()
}

/** The case's warning for its current duty, if any, with the names of the officers involved. */
export async function currentWarning(trx: Scoped, caseId: string, duty: string) {
  return trx
    .selectFrom('non_cooperation_warnings as w')
    .leftJoin('users as warner', 'warner.id', 'w.warned_by')
    .leftJoin('users as decider', 'decider.id', 'w.notice_decided_by')
    .leftJoin('users as authoriser', 'authoriser.id', 'w.authorised_by')
    .where('w.case_id', '=', caseId)
    .where('w.duty', '=', duty)
    .selectAll('w')
    .select([
      'warner.display_name as warned_by_name',
      'decider.display_name as decided_by_name',
      'authoriser.display_name as authorised_by_name',
    ])
    .orderBy('w.warned_on', 'desc')
    .executeTakeFirst()
}

/** The non-cooperation notices authorised on the case, for any duty: each can end only its own duty, and bars the main duty (s193(1A)(b)). */
export async function authorisedNoticesOfCase(trx: Scoped, caseId: string) {
  return trx
    .selectFrom('non_cooperation_warnings')
    .where('case_id', '=', caseId)
    .where('authorised_on', 'is not', null)
    .select(['duty', 'authorised_on'])
    .execute()
}

/** The homelessness section of the case's assessment, where the threat and any possession notice are recorded. */
export async function homelessnessAnswersOfCase(trx: Scoped, caseId: string) {
  const row = await trx.selectFrom('case_assessments').where('case_id', '=', caseId).select('homelessness').executeTakeFirst()
  return row?.homelessness ?? undefined
}

export async function insertWarning(
  trx: Scoped,
  warning: {
    caseId: string
    authorityId: string
    providerId: string | null
    duty: string
    stepRefused: string
    planStepId: string
    warnedOn: string
    warnedBy: string
    reasonablePeriodDays: number
  },
): Promise<void> {
  await trx
    .insertInto('non_cooperation_warnings')
    .values({
      case_id: warning.caseId,
      authority_id: warning.authorityId,
      provider_organisation_id: warning.providerId,
      duty: warning.duty,
      step_refused: warning.stepRefused,
      plan_step_id: warning.planStepId,
      warned_on: warning.warnedOn,
      warned_by: warning.warnedBy,
      reasonable_period_days: warning.reasonablePeriodDays,
    })
    .execute()
}

export async function recordNoticeDecision(
  trx: Scoped,
  warningId: string,
  notice: { decidedOn: string; decidedBy: string; role: string; reasons: string },
): Promise<void> {
  await trx
    .updateTable('non_cooperation_warnings')
    .set({
      notice_decided_on: notice.decidedOn,
      notice_decided_by: notice.decidedBy,
      notice_decided_by_role: notice.role,
      notice_reasons: notice.reasons,
    })
    .where('id', '=', warningId)
    .where('notice_decided_by', 'is', null)
    .execute()
}

export async function recordNoticeAuthorised(trx: Scoped, warningId: string, authorisedOn: string, authorisedBy: string): Promise<void> {
  await trx
    .updateTable('non_cooperation_warnings')
    .set({ authorised_on: authorisedOn, authorised_by: authorisedBy })
    .where('id', '=', warningId)
    .where('authorised_by', 'is', null)
    .execute()
}
