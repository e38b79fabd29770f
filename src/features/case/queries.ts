import type { Scoped } from '../../db/actor.ts'

/**
 * The case kernel's queries: finding a case the actor's organisation holds (as its authority or as the
 * provider working it), holding it for a step, and its timeline. They run inside asActor(), so row-level
 * security limits them too; each also names the organisation itself, so the rule holds twice.
 */

/** Whether the organisation holds a case of that reference: no more than that is read. */
export async function caseIsHeld(trx: Scoped, organisationId: string, reference: string): Promise<boolean> {
  const row = await trx
    .selectFrom('cases')
    .where('reference', '=', reference)
    .where((eb) => eb.or([eb('authority_id', '=', organisationId), eb('provider_organisation_id', '=', organisationId)]))
    .select('id')
    .executeTakeFirst()
  return row !== undefined
}

/** A case with its household, if the organisation holds it. */
export async function findCaseByReference(trx: Scoped, organisationId: string, reference: string) {
  const found = await trx
    .selectFrom('cases')
    .innerJoin('organisations as authority', 'authority.id', 'cases.authority_id')
    .leftJoin('organisations as provider', 'provider.id', 'cases.provider_organisation_id')
    .innerJoin('users as officer', 'officer.id', 'cases.officer_id')
    .leftJoin('housing_plans as plan', 'plan.case_id', 'cases.id')
    .where('cases.reference', '=', reference)
    .where((eb) => eb.or([eb('cases.authority_id', '=', organisationId), eb('cases.provider_organisation_id', '=', organisationId)]))
    .selectAll('cases')
    .select([
      'authority.name as authority_name',
      'provider.name as provider_name',
      'officer.display_name as officer_name',
      'plan.next_review_on as plan_review_due_on',
      // The referral the case was opened from, if the actor may see it (a provider's mentor may not).
      (eb) =>
        eb
          .selectFrom('referrals')
          .whereRef('referrals.case_id', '=', 'cases.id')
          .select('referrals.id')
          .orderBy('received_at')
          .limit(1)
          .as('referral_id'),
      (eb) =>
        eb
          .selectFrom('referrals')
          .whereRef('referrals.case_id', '=', 'cases.id')
          .select('referrals.reference')
          .orderBy('received_at')
          .limit(1)
          .as('referral_reference'),
    ])
    .executeTakeFirst()
  if (!found) return undefined
  const people = await trx
    .selectFrom('people')
    .where('household_id', '=', found.household_id)
    .orderBy('is_applicant', 'desc')
    .orderBy('date_of_birth')
    .selectAll()
    .execute()
  return { ...found, people }
}

/** Holds the case until the transaction ends: another step on it waits, then sees this one's changes. */
export async function lockCase(trx: Scoped, caseId: string): Promise<void> {
  await trx.selectFrom('cases').where('id', '=', caseId).select('id').forUpdate().execute()
}

export async function addCaseEvent(
  trx: Scoped,
  event: {
    caseId: string
    authorityId: string
    providerId: string | null
    kind: string
    occurredOn: string
    recordedBy: string
    details: Record<string, unknown>
  },
  now: Date,
): Promise<string> {
  const row = await trx
    .insertInto('case_events')
    .values({
      case_id: event.caseId,
      authority_id: event.authorityId,
      provider_organisation_id: event.providerId,
      kind: event.kind,
      occurred_on: event.occurredOn,
      recorded_at: now,
      recorded_by: event.recordedBy,
      details: JSON.stringify(event.details),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The case's timeline, newest first. */
export async function eventsOfCase(trx: Scoped, caseId: string) {
  return trx
    .selectFrom('case_events')
    .leftJoin('users as recorder', 'recorder.id', 'case_events.recorded_by')
    .where('case_events.case_id', '=', caseId)
    .select([
      'case_events.id',
      'case_events.kind',
      'case_events.occurred_on',
      'case_events.recorded_at',
      'case_events.details',
      'recorder.display_name as recorded_by_name',
    ])
    .orderBy('case_events.recorded_at', 'desc')
    .execute()
}

/** Who in the organisation can be a case's named officer, with the email address a command may name them by. */
export async function officersOf(trx: Scoped, organisationId: string) {
  return trx
    .selectFrom('users')
    .where('organisation_id', '=', organisationId)
    .where('role', 'in', ['caseworker', 'team_manager'])
    .where('disabled_at', 'is', null)
    .select(['id', 'display_name', 'email', 'role'])
    .orderBy('display_name')
    .execute()
}
