import type { Scoped } from '../../db/actor.ts'

/**
 * The household and the assessment. Every query runs inside asActor(), so row-level security already
 * limits it to what the actor may see; the personal details' table in particular returns nothing to
 * anyone but the officers running the case, whatever the query asks.
 */

export async function membersOf(trx: Scoped, householdId: string) {
  return trx
    .selectFrom('people')
    .where('household_id', '=', householdId)
    .orderBy('is_applicant', 'desc')
    .orderBy('date_of_birth')
    .orderBy('created_at')
    .selectAll()
    .execute()
}

export async function insertMember(
  trx: Scoped,
  member: {
    householdId: string
    authorityId: string
    givenName: string
    familyName: string
    relationship: string
    dateOfBirth: string
    sex: string | null
  },
): Promise<string> {
  const row = await trx
    .insertInto('people')
    .values({
      household_id: member.householdId,
      authority_id: member.authorityId,
      is_applicant: false,
      relationship_to_applicant: member.relationship,
      given_name: member.givenName,
      family_name: member.familyName,
      date_of_birth: member.dateOfBirth,
      sex: member.sex,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Changes a member only if nobody has since the form was read: the version must still match. */
export async function updateMember(
  trx: Scoped,
  personId: string,
  householdId: string,
  expectedVersion: number,
  member: { givenName: string; familyName: string; relationship: string | null; dateOfBirth: string; sex: string | null },
  now: Date,
): Promise<boolean> {
  const changed = await trx
    .updateTable('people')
    .set({
      given_name: member.givenName,
      family_name: member.familyName,
      relationship_to_applicant: member.relationship,
      date_of_birth: member.dateOfBirth,
      sex: member.sex,
      updated_at: now,
    })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', personId)
    .where('household_id', '=', householdId)
    .where('version', '=', expectedVersion)
    .returning('id')
    .executeTakeFirst()
  return changed !== undefined
}

/** The personal details of the people given; the database returns none unless the actor may read them. */
export async function sensitiveDetailsOf(trx: Scoped, personIds: string[]) {
  if (personIds.length === 0) return []
  return trx.selectFrom('person_sensitive_details').where('person_id', 'in', personIds).selectAll().execute()
}

/** Records the details only if nobody has since the form was read (version 0: none recorded yet). */
export async function saveSensitiveDetails(
  trx: Scoped,
  expectedVersion: number,
  details: {
    personId: string
    householdId: string
    authorityId: string
    ethnicGroup: string | null
    nationality: string | null
    sexualOrientation: string | null
    genderSameAsAtBirth: string | null
    religion: string | null
    disability: string | null
    userId: string
  },
  now: Date,
): Promise<boolean> {
  const values = {
    ethnic_group: details.ethnicGroup,
    nationality: details.nationality,
    sexual_orientation: details.sexualOrientation,
    gender_same_as_at_birth: details.genderSameAsAtBirth,
    religion: details.religion,
    disability: details.disability,
    updated_at: now,
    updated_by: details.userId,
  }
  if (expectedVersion === 0) {
    const inserted = await trx
      .insertInto('person_sensitive_details')
      .values({ person_id: details.personId, household_id: details.householdId, authority_id: details.authorityId, ...values })
      .onConflict((oc) => oc.column('person_id').doNothing())
      .returning('person_id')
      .executeTakeFirst()
    return inserted !== undefined
  }
  const changed = await trx
    .updateTable('person_sensitive_details')
    .set(values)
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('person_id', '=', details.personId)
    .where('version', '=', expectedVersion)
    .returning('person_id')
    .executeTakeFirst()
  return changed !== undefined
}

export async function assessmentOf(trx: Scoped, caseId: string) {
  return trx.selectFrom('case_assessments').where('case_id', '=', caseId).selectAll().executeTakeFirst()
}

export async function supportNeedsOf(trx: Scoped, caseId: string) {
  return trx.selectFrom('person_support_needs').where('case_id', '=', caseId).select(['person_id', 'needs']).execute()
}

export type SectionColumn =
  'eligibility' | 'homelessness' | 'circumstances' | 'accommodation' | 'housing_needs' | 'employment' | 'strengths'

/**
 * Saves the assessment's changes only if nobody else has saved it since it was read: the version must
 * still match (0: no assessment yet). Returns false when it did not.
 */
export async function saveAssessment(
  trx: Scoped,
  found: { caseId: string; authorityId: string; providerId: string | null },
  expectedVersion: number,
  changes: Partial<Record<SectionColumn, string>> & { support_needs_saved?: boolean; assessed_on?: string; completed_by?: string },
  userId: string,
  now: Date,
): Promise<boolean> {
  if (expectedVersion === 0) {
    const inserted = await trx
      .insertInto('case_assessments')
      .values({
        case_id: found.caseId,
        authority_id: found.authorityId,
        provider_organisation_id: found.providerId,
        ...changes,
        updated_at: now,
        updated_by: userId,
      })
      .onConflict((oc) => oc.column('case_id').doNothing())
      .returning('case_id')
      .executeTakeFirst()
    return inserted !== undefined
  }
  const changed = await trx
    .updateTable('case_assessments')
    .set({ ...changes, updated_at: now, updated_by: userId })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('case_id', '=', found.caseId)
    .where('version', '=', expectedVersion)
    .returning('case_id')
    .executeTakeFirst()
  return changed !== undefined
}

export async function replaceSupportNeeds(
  trx: Scoped,
  found: { caseId: string; authorityId: string; providerId: string | null },
  needs: Record<string, string[]>,
): Promise<void> {
  await trx.deleteFrom('person_support_needs').where('case_id', '=', found.caseId).execute()
  const rows = Object.entries(needs).map(([personId, list]) => ({
    case_id: found.caseId,
    person_id: personId,
    authority_id: found.authorityId,
    provider_organisation_id: found.providerId,
    needs: list,
  }))
  if (rows.length > 0) await trx.insertInto('person_support_needs').values(rows).execute()
}

/** Keeps the case's own summary columns, which the caseload and the figures read, in step with the assessment. */
export async function summariseOnCase(
  trx: Scoped,
  caseId: string,
  summary: { housingStatus: string | null; riskAtAssessment: string; reasonForLossOfHome: string | null; supportNeeds: string[] },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('cases')
    .set({
      housing_status: summary.housingStatus,
      risk_at_assessment: summary.riskAtAssessment,
      reason_for_loss_of_home: summary.reasonForLossOfHome,
      support_needs: summary.supportNeeds,
      updated_at: now,
    })
    .where('id', '=', caseId)
    .execute()
}
