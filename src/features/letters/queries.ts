import type { Scoped } from '../../db/actor.ts'

/**
 * Letters and what they are written from. Every query runs inside asActor(), so row-level security
 * already limits it to the actor's organisation; those found by reference also say so themselves.
 */

/** The case's letterhead facts: council, reference, applicant, named officer. */
export async function letterheadOfCase(trx: Scoped, caseId: string) {
  return trx
    .selectFrom('cases')
    .innerJoin('organisations as authority', 'authority.id', 'cases.authority_id')
    .innerJoin('users as officer', 'officer.id', 'cases.officer_id')
    .innerJoin('people as applicant', (join) =>
      join.onRef('applicant.household_id', '=', 'cases.household_id').on('applicant.is_applicant', '=', true),
    )
    .where('cases.id', '=', caseId)
    .select([
      'cases.id',
      'cases.reference',
      'cases.authority_id',
      'cases.provider_organisation_id',
      'authority.name as authority_name',
      'officer.display_name as officer_name',
      'applicant.given_name',
      'applicant.family_name',
    ])
    .executeTakeFirst()
}

export async function caseByReference(trx: Scoped, organisationId: string, reference: string) {
  return trx
    .selectFrom('cases')
    .where('reference', '=', reference)
    .where((eb) => eb.or([eb('authority_id', '=', organisationId), eb('provider_organisation_id', '=', organisationId)]))
    .select(['id', 'reference', 'authority_id', 'provider_organisation_id'])
    .executeTakeFirst()
}

/** The latest non-cooperation warning for a duty, with its notice if one was decided. */
export async function latestWarning(trx: Scoped, caseId: string, duty: string | undefined) {
  let query = trx.selectFrom('non_cooperation_warnings').where('case_id', '=', caseId)
  if (duty) query = query.where('duty', '=', duty)
  return query
    .select(['duty', 'step_refused', 'warned_on', 'reasonable_period_days', 'notice_decided_on', 'notice_reasons', 'authorised_on'])
    .orderBy('warned_on', 'desc')
    .executeTakeFirst()
}

export async function insertLetter(
  trx: Scoped,
  letter: {
    caseId: string
    authorityId: string
    providerId: string | null
    eventId: string | null
    replacesLetterId: string | null
    kind: string
    templateVersion: number
    title: string
    issuedOn: string
    decidedOn: string | null
    reviewRequestBy: string | null
    issuedAt: Date
    issuedBy: string
    facts: Record<string, unknown>
    html: string
    text: string
  },
): Promise<string> {
  const row = await trx
    .insertInto('case_letters')
    .values({
      case_id: letter.caseId,
      authority_id: letter.authorityId,
      provider_organisation_id: letter.providerId,
      event_id: letter.eventId,
      replaces_letter_id: letter.replacesLetterId,
      kind: letter.kind,
      template_version: letter.templateVersion,
      title: letter.title,
      issued_on: letter.issuedOn,
      decided_on: letter.decidedOn,
      review_request_by: letter.reviewRequestBy,
      issued_at: letter.issuedAt,
      issued_by: letter.issuedBy,
      facts: JSON.stringify(letter.facts),
      body_html: letter.html,
      body_text: letter.text,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** A case's letters, newest first, without their bodies. */
export async function lettersOfCase(trx: Scoped, caseId: string) {
  return trx
    .selectFrom('case_letters as l')
    .leftJoin('users as issuer', 'issuer.id', 'l.issued_by')
    .where('l.case_id', '=', caseId)
    .select([
      'l.id',
      'l.kind',
      'l.title',
      'l.issued_on',
      'l.issued_at',
      'l.review_request_by',
      'l.event_id',
      'l.replaces_letter_id',
      'issuer.display_name as issued_by_name',
    ])
    .orderBy('l.issued_at', 'desc')
    .execute()
}

export async function letterOfCase(trx: Scoped, caseId: string, letterId: string) {
  return trx
    .selectFrom('case_letters as l')
    .leftJoin('users as issuer', 'issuer.id', 'l.issued_by')
    .where('l.case_id', '=', caseId)
    .where('l.id', '=', letterId)
    .selectAll('l')
    .select('issuer.display_name as issued_by_name')
    .executeTakeFirst()
}

/** The case's timeline events, oldest first, each with how many letters it has. */
export async function eventsWithLetterCounts(trx: Scoped, caseId: string) {
  return (
    trx
      .selectFrom('case_events as e')
      .leftJoin('case_letters as l', 'l.event_id', 'e.id')
      .where('e.case_id', '=', caseId)
      // Grouped by the key alone: the event's other columns depend on it.
      .groupBy('e.id')
      .select((eb) => ['e.id', 'e.kind', 'e.occurred_on', 'e.details', 'e.recorded_at', eb.fn.count<number | string>('l.id').as('letters')])
      .orderBy('e.recorded_at')
      .execute()
  )
}
