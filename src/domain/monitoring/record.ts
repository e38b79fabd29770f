/**
 * One row of a programme's monitoring data (docs/monitoring-data.md), typed: what an import reads, an
 * export writes and the evaluation report counts. `null` is "not recorded". Dates are YYYY-MM-DD.
 * Cases recorded through casework are given the same shape by casework.ts, so the report and the
 * export cannot tell them apart.
 */
export interface MonitoringCase {
  caseRef: string
  householdRef: string | null
  /** The district's name as the platform knows it. */
  district: string | null
  provider: string | null
  worker: string | null
  referralDate: string | null
  recordedDate: string | null
  referralRoute: string | null
  referralAgency: string | null
  applicantSex: string | null
  applicantAge: number | null
  applicantUkNational: string | null
  applicantEthnicity: string | null
  applicantReceivesBenefits: string | null
  applicantEmployment: string | null
  adults: number | null
  dependentChildren: number | null
  housingStatus: string | null
  riskAtAssessment: string | null
  previouslyHomeless: string | null
  previouslySleptRough: string | null
  previouslyInTemporaryAccommodation: string | null
  /** `[]` is "none" (recorded); null is not recorded. */
  vulnerabilities: string[] | null
  primaryVulnerability: string | null
  /** Empty or `ongoing` is a live case. */
  outcome: string | null
  caseEndDate: string | null
  accommodationOutcome: string | null
  reliefActivity: string | null
  comments: string | null
}

export interface MonitoringActivity {
  /** The case it belongs to, or null when it matched none (kept, counted as unmatched). */
  caseRef: string | null
  householdRef: string | null
  activityDate: string | null
  activityType: string
  stage: 'prevention' | 'relief'
  comment: string | null
}

/** The columns of cases.csv and activities.csv, in the order an export writes them. */
export const CASE_COLUMNS = [
  'case_ref',
  'household_ref',
  'district',
  'provider',
  'worker',
  'referral_date',
  'recorded_date',
  'referral_route',
  'referral_agency',
  'applicant_sex',
  'applicant_age',
  'applicant_uk_national',
  'applicant_ethnicity',
  'applicant_receives_benefits',
  'applicant_employment',
  'adults',
  'dependent_children',
  'housing_status',
  'risk_at_assessment',
  'previously_homeless',
  'previously_slept_rough',
  'previously_in_temporary_accommodation',
  'vulnerabilities',
  'primary_vulnerability',
  'outcome',
  'case_end_date',
  'accommodation_outcome',
  'relief_activity',
  'comments',
] as const

export const ACTIVITY_COLUMNS = ['case_ref', 'household_ref', 'activity_date', 'activity_type', 'stage', 'comment'] as const

/** Live: no outcome, or `ongoing`. */
export function isLive(c: Pick<MonitoringCase, 'outcome'>): boolean {
  return c.outcome === null || c.outcome === 'ongoing'
}
