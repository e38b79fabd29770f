import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'
import type { MonitoringActivity, MonitoringCase } from '../../domain/monitoring/record.ts'

/**
 * A programme's imported monitoring data a page at a time, in a stable order (cases by case_ref,
 * activities in the order they were imported), so that an export of a million cases streams through
 * a fixed amount of memory. Keyset pages: each starts after the last key of the one before.
 */

export async function importedCasesAfter(
  db: Kysely<DB>,
  programmeId: string,
  afterCaseRef: string | null,
  limit: number,
): Promise<MonitoringCase[]> {
  let query = db.selectFrom('monitoring_records as m').where('m.programme_id', '=', programmeId)
  if (afterCaseRef !== null) query = query.where('m.case_ref', '>', afterCaseRef)
  const rows = await query.selectAll('m').orderBy('m.case_ref').limit(limit).execute()
  return rows.map((r) => ({
    caseRef: r.case_ref,
    householdRef: r.household_ref,
    district: r.district,
    provider: r.provider,
    worker: r.worker,
    referralDate: r.referral_date,
    recordedDate: r.recorded_date,
    referralRoute: r.referral_route,
    referralAgency: r.referral_agency,
    applicantSex: r.applicant_sex,
    applicantAge: r.applicant_age,
    applicantUkNational: r.applicant_uk_national,
    applicantEthnicity: r.applicant_ethnicity,
    applicantReceivesBenefits: r.applicant_receives_benefits,
    applicantEmployment: r.applicant_employment,
    adults: r.adults,
    dependentChildren: r.dependent_children,
    housingStatus: r.housing_status,
    riskAtAssessment: r.risk_at_assessment,
    previouslyHomeless: r.previously_homeless,
    previouslySleptRough: r.previously_slept_rough,
    previouslyInTemporaryAccommodation: r.previously_in_temporary_accommodation,
    vulnerabilities: r.vulnerabilities,
    primaryVulnerability: r.primary_vulnerability,
    outcome: r.outcome,
    caseEndDate: r.case_end_date,
    accommodationOutcome: r.accommodation_outcome,
    reliefActivity: r.relief_activity,
    comments: r.comments,
  }))
}

/**
 * The imported activities as the programme recorded them: the case_ref or household_ref given, not
 * the case they were matched to, so that importing the export matches them again the same way.
 */
export async function importedActivitiesAfter(
  db: Kysely<DB>,
  programmeId: string,
  afterId: string | null,
  limit: number,
): Promise<(MonitoringActivity & { id: string })[]> {
  let query = db.selectFrom('monitoring_activities as a').where('a.programme_id', '=', programmeId)
  if (afterId !== null) query = query.where('a.id', '>', afterId)
  const rows = await query
    .select(['a.id', 'a.case_ref', 'a.household_ref', 'a.activity_date', 'a.activity_type', 'a.stage', 'a.comment'])
    .orderBy('a.id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    caseRef: r.case_ref,
    householdRef: r.household_ref,
    activityDate: r.activity_date,
    activityType: r.activity_type,
    stage: r.stage,
    comment: r.comment,
  }))
}
