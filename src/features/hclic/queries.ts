import type { ExpressionBuilder, Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'
import type { CaseRows } from '../../domain/hclic/build.ts'
import type { Quarter } from '../../domain/hclic/quarter.ts'

/**
 * What the return needs of an authority's cases that could enter a quarter: open at some point in it
 * (approached by its last day, not closed before its first). domain/hclic decides which of them do.
 *
 * Read by the system for the authority's data team: the return needs every member's personal details,
 * which the row-level policies keep to the case's own officers. The service checks who is asking and
 * audits the read; every query here is bound to the one authority.
 */
const DECISION_KINDS = [
  'accept_prevention_duty',
  'accept_relief_duty',
  'no_duty_owed',
  'became_homeless',
  'end_prevention_duty',
  'end_relief_duty',
  'main_duty_decision',
  'end_main_duty',
]

export async function authorityByCode(db: Kysely<DB>, code: string) {
  return db
    .selectFrom('organisations')
    .where('ons_code', '=', code)
    .where('type', '=', 'local_housing_authority')
    .select(['id', 'name', 'ons_code'])
    .executeTakeFirst()
}

export async function authorityCodeOf(db: Kysely<DB>, organisationId: string) {
  return (
    await db
      .selectFrom('organisations')
      .where('id', '=', organisationId)
      .where('type', '=', 'local_housing_authority')
      .select('ons_code')
      .executeTakeFirst()
  )?.ons_code
}

export async function caseRows(db: Kysely<DB>, authorityId: string, quarter: Quarter): Promise<CaseRows> {
  const first = quarter.firstDay.toString()
  const last = quarter.lastDay.toString()
  // A programme's imported records are its account of its support, not the authority's casework.
  const inWindow = (eb: ExpressionBuilder<DB, 'cases'>) =>
    eb.and([
      eb('cases.authority_id', '=', authorityId),
      eb('cases.imported_from_monitoring', '=', false),
      eb('cases.approached_on', '<=', last),
      eb.or([eb('cases.closed_on', 'is', null), eb('cases.closed_on', '>=', first)]),
    ])

  const cases = await db
    .selectFrom('cases')
    .leftJoin('case_assessments as a', 'a.case_id', 'cases.id')
    .where(inWindow)
    .select((eb) => [
      'cases.id',
      'cases.reference',
      'cases.stage',
      'cases.approached_on',
      'cases.prevention_started_on',
      'cases.relief_started_on',
      'cases.closed_on',
      'a.assessed_on',
      'a.eligibility',
      'a.homelessness',
      'a.circumstances',
      'a.accommodation',
      'a.employment',
      eb
        .selectFrom('referrals')
        .innerJoin('organisations as referrer', 'referrer.id', 'referrals.referring_organisation_id')
        .whereRef('referrals.case_id', '=', 'cases.id')
        .select('referrer.type')
        .limit(1)
        .as('referring_body_type'),
      eb
        .selectFrom('referrals')
        .whereRef('referrals.case_id', '=', 'cases.id')
        .select('referrals.address_postcode')
        .limit(1)
        .as('postcode'),
      eb('cases.approach_channel', '=', 'referral').as('referred'),
    ])
    .orderBy('cases.reference')
    .execute()

  const people = await db
    .selectFrom('cases')
    .innerJoin('people as p', 'p.household_id', 'cases.household_id')
    .leftJoin('person_sensitive_details as s', 's.person_id', 'p.id')
    .leftJoin('person_support_needs as n', (join) => join.onRef('n.person_id', '=', 'p.id').onRef('n.case_id', '=', 'cases.id'))
    .where(inWindow)
    .select([
      'cases.id as case_id',
      'p.id',
      'p.is_applicant',
      'p.relationship_to_applicant',
      'p.given_name',
      'p.family_name',
      'p.date_of_birth',
      'p.sex',
      's.ethnic_group',
      's.nationality',
      's.sexual_orientation',
      's.gender_same_as_at_birth',
      'n.needs as support_needs',
    ])
    .execute()

  const decisions = await db
    .selectFrom('cases')
    .innerJoin('case_events as e', 'e.case_id', 'cases.id')
    .where(inWindow)
    .where('e.kind', 'in', DECISION_KINDS)
    .select(['cases.id as case_id', 'e.kind', 'e.occurred_on', 'e.details'])
    .execute()

  const activities = await db
    .selectFrom('cases')
    .innerJoin('case_activities as t', 't.case_id', 'cases.id')
    .where(inWindow)
    .select(['cases.id as case_id', 't.activity', 't.duty', 't.done_on'])
    .execute()

  const placements = await db
    .selectFrom('cases')
    .innerJoin('accommodation_placements as pl', 'pl.case_id', 'cases.id')
    .where(inWindow)
    .select([
      'cases.id as case_id',
      'pl.duty',
      'pl.accommodation_type',
      'pl.bedrooms',
      'pl.in_another_district',
      'pl.placed_on',
      'pl.ended_on',
    ])
    .execute()

  const reviews = await db
    .selectFrom('cases')
    .innerJoin('reviews as r', 'r.case_id', 'cases.id')
    .where(inWindow)
    .select([
      'cases.id as case_id',
      'r.decision',
      'r.received_on',
      'r.decided_on',
      'r.outcome',
      'r.notified_on',
      'r.extended_in_writing_to',
    ])
    .execute()

  return {
    cases: cases.map((c) => ({
      id: c.id,
      reference: c.reference,
      stage: c.stage,
      approached_on: c.approached_on,
      prevention_started_on: c.prevention_started_on,
      relief_started_on: c.relief_started_on,
      closed_on: c.closed_on,
      assessed_on: c.assessed_on,
      answers: {
        eligibility: c.eligibility ?? undefined,
        homelessness: c.homelessness ?? undefined,
        circumstances: c.circumstances ?? undefined,
        accommodation: c.accommodation ?? undefined,
        employment: c.employment ?? undefined,
      },
      referring_body_type: c.referring_body_type,
      referred: c.referred === true || c.referring_body_type !== null,
      postcode: c.postcode,
    })),
    people,
    decisions,
    activities,
    placements,
    reviews,
  }
}
