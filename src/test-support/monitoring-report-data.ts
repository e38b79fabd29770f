import type { World } from './world.ts'

/**
 * Basildon leads "Essex Upstream"; two imported records (one a prevented Basildon case with two
 * prevention activities, one a live Harlow case of the same household) and an activity that matched
 * no case.
 */
export async function addEssexUpstream(world: World): Promise<void> {
  const { db, ids } = world
  const { id } = await db
    .insertInto('programmes')
    .values({ name: 'Essex Upstream', lead_organisation_id: ids.basildon })
    .returning('id')
    .executeTakeFirstOrThrow()
  const imported = await db
    .insertInto('monitoring_imports')
    .values({
      programme_id: id,
      imported_at: new Date('2026-01-05T10:00:00Z'),
      imported_by: 'test',
      source: 'test',
      cases: 2,
      activities: 3,
      warnings: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const record = { programme_id: id, import_id: imported.id }
  await db
    .insertInto('monitoring_records')
    .values([
      {
        ...record,
        case_id: ids.basildonCase,
        authority_id: ids.basildon,
        case_ref: 'ESX-1',
        household_ref: 'H1',
        district: 'Basildon Borough Council',
        referral_date: '2025-10-01',
        referral_route: 'proactive',
        applicant_sex: 'female',
        applicant_age: 30,
        outcome: 'prevented',
        case_end_date: '2025-10-15',
        accommodation_outcome: 'remained_in_own_home',
        vulnerabilities: ['mental_health'],
        // As the import keeps them, from the activities below.
        prevention_activity_types: ['mediation', 'referral'],
      },
      {
        ...record,
        case_id: ids.harlowCase,
        authority_id: ids.harlow,
        case_ref: 'ESX-2',
        household_ref: 'H1',
        district: 'Harlow Council',
        referral_date: '2025-12-20',
        referral_route: 'self_referral',
        applicant_sex: 'male',
        vulnerabilities: [],
      },
    ])
    .execute()
  await db
    .insertInto('monitoring_activities')
    .values([
      { ...record, case_id: ids.basildonCase, case_ref: 'ESX-1', activity_type: 'mediation', stage: 'prevention' },
      { ...record, case_id: ids.basildonCase, case_ref: 'ESX-1', activity_type: 'referral', stage: 'prevention' },
      { ...record, case_id: null, case_ref: 'ESX-9', activity_type: 'other', stage: 'prevention' },
    ])
    .execute()
}
