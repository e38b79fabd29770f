import { sql } from 'kysely'
import type { World } from './world.ts'

export interface GivenCase {
  id: string
  reference: string
  householdId: string
  applicantId: string
}

/**
 * A case of a test's own, like the world's: approached by phone on 1 February 2026 and in prevention,
 * the applicant alone in the household (Jade Turner, born 14 May 1988, unless named otherwise). A test
 * that changes a case makes one, so that no test depends on what another did before it.
 *
 * The reference comes from the database's own counter, as an approach's does, so cases opened later
 * through the pages never take it.
 */
export async function givenCase(
  world: World,
  options: {
    authority?: 'basildon' | 'harlow'
    applicant?: { givenName: string; familyName: string; dateOfBirth?: string }
  } = {},
): Promise<GivenCase> {
  const { db, ids, users } = world
  const authority = options.authority ?? 'basildon'
  const [authorityId, officerId, prefix] =
    authority === 'basildon' ? [ids.basildon, users.basildonCaseworker.id, 'BAS'] : [ids.harlow, users.harlowCaseworker.id, 'HAR']
  const applicant = { givenName: 'Jade', familyName: 'Turner', dateOfBirth: '1988-05-14', ...options.applicant }
  const { rows } = await sql<{ reference: string }>`select next_case_reference(${prefix}, 2026) as reference`.execute(db)
  const reference = rows[0]?.reference
  if (!reference) throw new Error('no case reference was returned')
  const householdId = (await db.insertInto('households').values({ authority_id: authorityId }).returning('id').executeTakeFirstOrThrow()).id
  const applicantId = (
    await db
      .insertInto('people')
      .values({
        household_id: householdId,
        authority_id: authorityId,
        is_applicant: true,
        given_name: applicant.givenName,
        family_name: applicant.familyName,
        date_of_birth: applicant.dateOfBirth,
        sex: 'female',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
  const id = (
    await db
      .insertInto('cases')
      .values({
        reference,
        authority_id: authorityId,
        officer_id: officerId,
        household_id: householdId,
        approached_on: '2026-02-01',
        approach_channel: 'phone',
        stage: 'prevention',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
  return { id, reference, householdId, applicantId }
}
