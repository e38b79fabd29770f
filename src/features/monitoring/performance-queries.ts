import { sql, type Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'

/**
 * Casework rows for the performance indicators (domain/monitoring/kpis.ts). Run through the actor's
 * connection for their own authority (row-level security applies), or as the system for a lead's
 * authorities once the service has worked out which those are.
 */

/** The housing authorities whose figures an organisation may see: itself, those it is the parent of, and those its programmes work in. */
export async function authoritiesFor(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom('organisations as o')
    .where('o.type', '=', 'local_housing_authority')
    .where((eb) =>
      eb.or([
        eb('o.id', '=', organisationId),
        eb('o.parent_id', '=', organisationId),
        eb.exists(
          eb
            .selectFrom('cases')
            .innerJoin('programmes as p', 'p.id', 'cases.programme_id')
            .whereRef('cases.authority_id', '=', 'o.id')
            .where('p.lead_organisation_id', '=', organisationId)
            .select('cases.id'),
        ),
      ]),
    )
    .select(['o.id', 'o.name'])
    .orderBy('o.name')
    .execute()
}

/**
 * The authorities' casework that can count in a period starting on `from`: open, closed since, or with
 * a review undecided. Imported monitoring records are a programme's account, not the authority's
 * casework: the evaluation report counts them.
 */
export async function kpiCases(db: Kysely<DB>, authorityIds: readonly string[], from: string) {
  if (authorityIds.length === 0) return []
  return db
    .selectFrom('cases')
    .innerJoin('organisations as authority', 'authority.id', 'cases.authority_id')
    .innerJoin('users as officer', 'officer.id', 'cases.officer_id')
    .where('cases.authority_id', 'in', authorityIds)
    .where('cases.imported_from_monitoring', '=', false)
    .where((eb) =>
      eb.or([
        eb('cases.closed_on', 'is', null),
        eb('cases.closed_on', '>=', from),
        eb.exists(eb.selectFrom('reviews as r').whereRef('r.case_id', '=', 'cases.id').where('r.decided_on', 'is', null).select('r.id')),
      ]),
    )
    .select((eb) => [
      'authority.name as authority',
      'officer.display_name as worker',
      // Every reassignment, oldest first, with each officer's name now (the name the event recorded
      // where the officer cannot be read), for who held the case when.
      sql<{ on: string; from: string | null; to: string | null }[] | null>`(
        SELECT json_agg(json_build_object(
                 'on', e.occurred_on,
                 'from', coalesce(prior_officer.display_name, e.details->>'fromName'),
                 'to', coalesce(next_officer.display_name, e.details->>'toName'))
               ORDER BY e.occurred_on, e.recorded_at)
        FROM case_events e
        LEFT JOIN users prior_officer ON prior_officer.id::text = e.details->>'from'
        LEFT JOIN users next_officer ON next_officer.id::text = e.details->>'to'
        WHERE e.case_id = cases.id AND e.kind = 'officer_reassigned')`.as('reassignments'),
      'cases.approached_on',
      'cases.stage',
      'cases.prevention_started_on',
      'cases.relief_started_on',
      'cases.closed_on',
      'cases.outcome',
      'cases.risk_at_assessment',
      eb
        .selectFrom('housing_plans as plan')
        .whereRef('plan.case_id', '=', 'cases.id')
        .select(sql<string | null>`min(plan.next_review_on)::text`.as('due'))
        .as('plan_review_due'),
      eb.exists(eb.selectFrom('housing_plans as plan').whereRef('plan.case_id', '=', 'cases.id').select('plan.id')).as('has_plan'),
      eb
        .selectFrom('reviews as r')
        .whereRef('r.case_id', '=', 'cases.id')
        .where('r.decided_on', 'is', null)
        .select(sql<string[]>`coalesce(array_agg(r.decision_due_on::text), '{}')`.as('dues'))
        .as('review_decisions_due'),
    ])
    .execute()
}

/** Referrals to the authorities received in [from, to). */
export async function kpiReferrals(db: Kysely<DB>, authorityIds: readonly string[], from: Date, to: Date) {
  if (authorityIds.length === 0) return []
  return db
    .selectFrom('referrals')
    .innerJoin('organisations as authority', 'authority.id', 'referrals.authority_id')
    .where('referrals.authority_id', 'in', authorityIds)
    .where('referrals.received_at', '>=', from)
    .where('referrals.received_at', '<', to)
    .select(['authority.name as authority', 'referrals.received_at', 'referrals.first_contact_at'])
    .execute()
}
