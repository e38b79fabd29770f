import type { Scoped } from '../../db/actor.ts'

/**
 * The plan, its steps, activities and contacts. Every query runs inside asActor(), so row-level
 * security limits it to the actor's organisation; each is also keyed by the case found for it.
 */

export async function planOfCase(trx: Scoped, caseId: string) {
  return trx.selectFrom('housing_plans').where('case_id', '=', caseId).selectAll().executeTakeFirst()
}

export async function stepsOfPlan(trx: Scoped, planId: string) {
  return trx.selectFrom('housing_plan_steps').where('plan_id', '=', planId).selectAll().orderBy('position').execute()
}

export async function insertPlan(
  trx: Scoped,
  plan: { caseId: string; authorityId: string; providerId: string | null; madeOn: string; madeBy: string; nextReviewOn: string },
  now: Date,
) {
  return trx
    .insertInto('housing_plans')
    .values({
      case_id: plan.caseId,
      authority_id: plan.authorityId,
      provider_organisation_id: plan.providerId,
      made_on: plan.madeOn,
      made_by: plan.madeBy,
      next_review_on: plan.nextReviewOn,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('case_id').doNothing())
    .returning('id')
    .executeTakeFirst()
}

export interface PlanChanges {
  agreement?: string
  agreement_recorded_on?: string
  disagreement_reasons?: string | null
  last_reviewed_on?: string
  next_review_on?: string
}

/**
 * Changes the plan only if nobody has changed it since the officer read it: the version must still
 * match, and goes up by one. False when it did not match.
 */
export async function changePlan(trx: Scoped, planId: string, expectedVersion: number, changes: PlanChanges, now: Date): Promise<boolean> {
  const changed = await trx
    .updateTable('housing_plans')
    .set({ ...changes, updated_at: now })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', planId)
    .where('version', '=', expectedVersion)
    .returning('id')
    .executeTakeFirst()
  return changed !== undefined
}

export async function insertSteps(
  trx: Scoped,
  plan: { id: string; case_id: string; authority_id: string; provider_organisation_id: string | null },
  steps: { owner: string; ownerName: string | null; libraryCode: string | null; text: string; dueOn: string; status: string }[],
): Promise<void> {
  if (steps.length === 0) return
  const last = await trx
    .selectFrom('housing_plan_steps')
    .where('plan_id', '=', plan.id)
    .select((eb) => eb.fn.max('position').as('position'))
    .executeTakeFirst()
  const start = last?.position ?? 0
  await trx
    .insertInto('housing_plan_steps')
    .values(
      steps.map((step, i) => ({
        plan_id: plan.id,
        case_id: plan.case_id,
        authority_id: plan.authority_id,
        provider_organisation_id: plan.provider_organisation_id,
        position: start + i + 1,
        owner: step.owner,
        owner_name: step.ownerName,
        library_code: step.libraryCode,
        text: step.text,
        due_on: step.dueOn,
        status: step.status,
      })),
    )
    .execute()
}

export async function updateStep(
  trx: Scoped,
  planId: string,
  stepId: string,
  step: { ownerName: string | null; text: string; dueOn: string; status: string },
): Promise<void> {
  await trx
    .updateTable('housing_plan_steps')
    .set({ owner_name: step.ownerName, text: step.text, due_on: step.dueOn, status: step.status })
    .where('id', '=', stepId)
    .where('plan_id', '=', planId)
    .execute()
}

export async function insertActivity(
  trx: Scoped,
  activity: {
    caseId: string
    authorityId: string
    providerId: string | null
    activity: string
    duty: string
    doneOn: string
    doneBy: string
    note: string | null
    recordedBy: string
  },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('case_activities')
    .values({
      case_id: activity.caseId,
      authority_id: activity.authorityId,
      provider_organisation_id: activity.providerId,
      activity: activity.activity,
      duty: activity.duty,
      done_on: activity.doneOn,
      done_by: activity.doneBy,
      note: activity.note,
      recorded_by: activity.recordedBy,
      recorded_at: now,
    })
    .execute()
}

export async function insertContact(
  trx: Scoped,
  contact: {
    caseId: string
    authorityId: string
    providerId: string | null
    kind: string
    direction: string | null
    contactOn: string
    note: string | null
    recordedBy: string
  },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('case_contacts')
    .values({
      case_id: contact.caseId,
      authority_id: contact.authorityId,
      provider_organisation_id: contact.providerId,
      kind: contact.kind,
      direction: contact.direction,
      contact_on: contact.contactOn,
      note: contact.note,
      recorded_by: contact.recordedBy,
      recorded_at: now,
    })
    .execute()
}

export async function activitiesOfCase(trx: Scoped, caseId: string) {
  return trx
    .selectFrom('case_activities')
    .leftJoin('users as recorder', 'recorder.id', 'case_activities.recorded_by')
    .where('case_activities.case_id', '=', caseId)
    .selectAll('case_activities')
    .select('recorder.display_name as recorded_by_name')
    .orderBy('case_activities.done_on', 'desc')
    .orderBy('case_activities.recorded_at', 'desc')
    .execute()
}

export async function contactsOfCase(trx: Scoped, caseId: string) {
  return trx
    .selectFrom('case_contacts')
    .leftJoin('users as recorder', 'recorder.id', 'case_contacts.recorded_by')
    .where('case_contacts.case_id', '=', caseId)
    .selectAll('case_contacts')
    .select('recorder.display_name as recorded_by_name')
    .orderBy('case_contacts.contact_on', 'desc')
    .orderBy('case_contacts.recorded_at', 'desc')
    .execute()
}

/**
 * What the case page shows of the plan and the work: whether there is a plan, and how many activities
 * and contacts, counted apart.
 */
export async function workOnCase(trx: Scoped, caseId: string) {
  // One query, not three: this is on every case page.
  const row = await trx
    .selectFrom('cases')
    .leftJoin('housing_plans as plan', 'plan.case_id', 'cases.id')
    .where('cases.id', '=', caseId)
    .select((eb) => [
      'plan.made_on',
      'plan.next_review_on',
      'plan.agreement',
      eb
        .selectFrom('case_activities')
        .whereRef('case_activities.case_id', '=', 'cases.id')
        .select(eb.fn.countAll<string>().as('n'))
        .as('activities'),
      eb
        .selectFrom('case_contacts')
        .whereRef('case_contacts.case_id', '=', 'cases.id')
        .select(eb.fn.countAll<string>().as('n'))
        .as('contacts'),
    ])
    .executeTakeFirstOrThrow()
  const plan =
    row.made_on === null || row.next_review_on === null
      ? undefined
      : { made_on: row.made_on, next_review_on: row.next_review_on, agreement: row.agreement }
  return { plan, activities: Number(row.activities ?? 0), contacts: Number(row.contacts ?? 0) }
}
