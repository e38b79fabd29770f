import type { ColumnType, Generated, Selectable } from 'kysely'

/** A timestamp column: written as a Date or ISO string, read as a Date. */
type Timestamp = ColumnType<Date, Date | string, Date | string>
/** A calendar date column (SQL `date`), always read and written as `YYYY-MM-DD`. */
type CalendarDate = ColumnType<string, string, string>
type Json<T> = ColumnType<T, string, string>

export interface OrganisationTable {
  id: Generated<string>
  type: string
  name: string
  ons_code: string | null
  parent_id: string | null
  created_at: Generated<Timestamp>
  referral_target_working_days: Generated<number>
  referral_contact_email: string | null
}

export interface UserTable {
  id: Generated<string>
  organisation_id: string
  email: string
  display_name: string
  role: string
  /** Null for accounts that sign in only through the council's single sign-on. */
  password_hash: string | null
  oidc_subject: string | null
  failed_sign_ins: Generated<number>
  locked_until: Timestamp | null
  disabled_at: Timestamp | null
  last_signed_in_at: Timestamp | null
  created_at: Generated<Timestamp>
}

export interface SessionTable {
  id: string
  user_id: string | null
  data: Json<Record<string, unknown>>
  created_at: Timestamp
  expires_at: Timestamp
  /** The order sessions were started in (migration 0029). */
  started: Generated<string>
}

export interface ApiKeyTable {
  id: Generated<string>
  organisation_id: string
  /** The key's first characters, shown to administrators so they can tell keys apart. */
  prefix: string
  key_hash: string
  /** Set for a key that acts as a named person (a case system's officer); null for an organisation's system. */
  user_id: Generated<string | null>
  created_at: Generated<Timestamp>
  last_used_at: Timestamp | null
  revoked_at: Timestamp | null
}

export interface AuditEventTable {
  id: Generated<string>
  occurred_at: Timestamp
  actor_user_id: string | null
  actor_api_key_id: string | null
  /** Who acted, as a person reads it: a name and organisation, an API key, or "command line". */
  actor_label: string
  actor_organisation_id: string | null
  action: string
  subject_type: string
  subject_id: string | null
  subject_organisation_id: string | null
  ip_address: string | null
  details: Json<Record<string, unknown>>
}

export interface ProgrammeTable {
  id: Generated<string>
  name: string
  lead_organisation_id: string
  starts_on: CalendarDate | null
  ends_on: CalendarDate | null
  created_at: Generated<Timestamp>
}

export interface HouseholdTable {
  id: Generated<string>
  authority_id: string
  created_at: Generated<Timestamp>
}

export interface PersonTable {
  id: Generated<string>
  household_id: string
  authority_id: string
  is_applicant: boolean
  relationship_to_applicant: string | null
  given_name: string
  family_name: string
  date_of_birth: CalendarDate | null
  sex: string | null
  created_at: Generated<Timestamp>
  updated_at: Timestamp | null
  version: Generated<number>
}

export interface CaseTable {
  id: Generated<string>
  reference: string
  authority_id: string
  /** A commissioned provider whose worker holds the case, when it is not the authority's own officer. */
  provider_organisation_id: string | null
  officer_id: string
  household_id: string
  programme_id: string | null
  approached_on: CalendarDate
  approach_channel: string
  referral_route: string | null
  /** The legal status: approach, prevention, relief, main_duty or closed. */
  stage: string
  housing_status: string | null
  risk_at_assessment: string | null
  reason_for_loss_of_home: string | null
  support_needs: Generated<string[]>
  outcome: string | null
  accommodation_outcome: string | null
  accommodation_secured: Generated<string | null>
  closed_on: CalendarDate | null
  prevention_started_on: CalendarDate | null
  relief_started_on: CalendarDate | null
  main_duty_started_on: CalendarDate | null
  /** Priority need as last decided (s189): a category of domain/priority-need.ts, or not_in_priority_need; null if not decided. */
  priority_need: string | null
  /** Intentionality as last decided (s191), null if not decided; the reasons only for intentionally homeless. */
  intentionality: string | null
  intentionality_reasons: string | null
  /** What triage found that cannot wait: rough sleeping tonight, domestic abuse, discharge or release. */
  emergencies: Generated<string[]>
  /** Written by a programme's monitoring data import, not recorded through casework: not in H-CLIC. */
  imported_from_monitoring: Generated<boolean>
  version: Generated<number>
  created_at: Generated<Timestamp>
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface ReferralTable {
  id: Generated<string>
  reference: string
  referring_organisation_id: string | null
  authority_id: string
  channel: string
  status: string
  outcome: string
  outcome_details: string | null
  received_at: Timestamp
  consent_to_referral: boolean
  consent_to_share_contact_details: boolean
  authority_chosen_by_person: boolean
  given_name: string
  family_name: string
  date_of_birth: CalendarDate | null
  phone: string | null
  email: string | null
  preferred_contact: string
  address_line1: string | null
  address_town: string | null
  address_postcode: string | null
  reason: string
  expected_homeless_on: CalendarDate | null
  discharge_or_release_on: CalendarDate | null
  adults: number | null
  children: number | null
  support_needs: Generated<string[]>
  risks: string | null
  referrer_name: string | null
  referrer_role: string | null
  referrer_phone: string | null
  referrer_email: string | null
  notes: string | null
  case_id: string | null
  version: Generated<number>
  other_professionals: string | null
  referred_by_user_id: string | null
  acknowledged_at: Timestamp | null
  first_contact_at: Timestamp | null
  closed_at: Timestamp | null
}

export interface ReferralStatusChangeTable {
  id: Generated<string>
  referral_id: string
  authority_id: string
  referring_organisation_id: string | null
  status: string
  outcome: string
  changed_at: Timestamp
  details: string | null
}

/** One entry in a case's timeline: a decision or other event, on the day it happened. */
export interface CaseEventTable {
  id: Generated<string>
  case_id: string
  authority_id: string
  provider_organisation_id: string | null
  kind: string
  occurred_on: CalendarDate
  recorded_at: Timestamp
  recorded_by: string
  details: Json<Record<string, unknown>>
}

export interface NonCooperationWarningTable {
  id: Generated<string>
  case_id: string
  authority_id: string
  provider_organisation_id: string | null
  duty: string
  step_refused: string
  /** The plan step the warning is about; null for warnings given before warnings named one. */
  plan_step_id: string | null
  warned_on: CalendarDate
  warned_by: string
  reasonable_period_days: number
  notice_decided_on: CalendarDate | null
  notice_decided_by: string | null
  notice_decided_by_role: string | null
  notice_reasons: string | null
  authorised_on: CalendarDate | null
  authorised_by: string | null
}

export interface AccommodationPlacementTable {
  id: Generated<string>
  case_id: string
  authority_id: string
  provider_organisation_id: string | null
  duty: string
  accommodation_type: string
  bedrooms: number | null
  in_another_district: Generated<boolean>
  placed_on: CalendarDate
  placed_by: string
  ended_on: CalendarDate | null
  ending: string | null
  ended_by: string | null
  /** Interim placements (s188(1)): the reason to believe each limb, and the priority need that appeared; null before 0023 and under s193. */
  reason_to_believe: string[] | null
  apparent_priority_need: string | null
}

export interface ReviewTable {
  id: Generated<string>
  case_id: string
  authority_id: string
  provider_organisation_id: string | null
  decision: string
  case_event_id: string | null
  original_decision_by: string
  original_decision_by_role: string
  notified_on: CalendarDate
  received_on: CalendarDate
  extended_in_writing_to: CalendarDate | null
  requested_by: string
  grounds: string
  reviewer: string
  review_period: string
  decision_due_on: CalendarDate
  recorded_by: string
  outcome: string | null
  decided_on: CalendarDate | null
  decided_by: string | null
  reasons: string | null
  minded_to_notified_on: CalendarDate | null
  minded_to_reasons: string | null
  minded_to_by: string | null
  representations_received_on: CalendarDate | null
  representations_means: string | null
  representations_summary: string | null
  extension_agreed_on: CalendarDate | null
  extended_to: CalendarDate | null
}

/** The statutory return's personal details of one person: read only by the officers running the case, every read audited. */
export interface PersonSensitiveDetailsTable {
  person_id: string
  household_id: string
  authority_id: string
  ethnic_group: string | null
  nationality: string | null
  sexual_orientation: string | null
  gender_same_as_at_birth: string | null
  religion: string | null
  disability: string | null
  version: Generated<number>
  updated_at: Timestamp
  updated_by: string
}

/** A case's assessment (s189A): each section's answers as JSON (see domain/assessment.ts), versioned. */
export interface CaseAssessmentTable {
  case_id: string
  authority_id: string
  provider_organisation_id: string | null
  eligibility: Json<Record<string, unknown>> | null
  homelessness: Json<Record<string, unknown>> | null
  circumstances: Json<Record<string, unknown>> | null
  accommodation: Json<Record<string, unknown>> | null
  housing_needs: Json<Record<string, unknown>> | null
  employment: Json<Record<string, unknown>> | null
  strengths: Json<Record<string, unknown>> | null
  support_needs_saved: Generated<boolean>
  assessed_on: CalendarDate | null
  completed_by: string | null
  version: Generated<number>
  updated_at: Timestamp
  updated_by: string
}

/** One household member's support needs on a case (H-CLIC 3.2); an empty list means none. */
export interface PersonSupportNeedsTable {
  case_id: string
  person_id: string
  authority_id: string
  provider_organisation_id: string | null
  needs: string[]
}

export interface HousingPlanTable {
  id: Generated<string>
  case_id: string
  authority_id: string
  provider_organisation_id: string | null
  version: Generated<number>
  made_on: CalendarDate
  made_by: string
  agreement: string | null
  agreement_recorded_on: CalendarDate | null
  disagreement_reasons: string | null
  last_reviewed_on: CalendarDate | null
  next_review_on: CalendarDate
  updated_at: Timestamp
}

export interface HousingPlanStepTable {
  id: Generated<string>
  plan_id: string
  case_id: string
  authority_id: string
  provider_organisation_id: string | null
  position: number
  owner: string
  owner_name: string | null
  library_code: string | null
  text: string
  due_on: CalendarDate
  status: string
}

export interface CaseActivityTable {
  id: Generated<string>
  case_id: string
  authority_id: string
  provider_organisation_id: string | null
  activity: string
  duty: string
  done_on: CalendarDate
  done_by: string
  note: string | null
  recorded_by: string
  recorded_at: Timestamp
}

export interface CaseContactTable {
  id: Generated<string>
  case_id: string
  authority_id: string
  provider_organisation_id: string | null
  kind: string
  direction: string | null
  contact_on: CalendarDate
  note: string | null
  recorded_by: string
  recorded_at: Timestamp
}

/** A letter or notice as issued: never changed; a correction is a new letter replacing it. */
export interface CaseLetterTable {
  id: Generated<string>
  case_id: string
  authority_id: string
  provider_organisation_id: string | null
  event_id: string | null
  replaces_letter_id: string | null
  kind: string
  template_version: number
  title: string
  issued_on: CalendarDate
  decided_on: CalendarDate | null
  review_request_by: CalendarDate | null
  issued_at: Timestamp
  issued_by: string
  facts: Json<Record<string, unknown>>
  body_html: string
  body_text: string
}

export interface ReferralMessageTable {
  id: Generated<string>
  referral_id: string
  authority_id: string
  referring_organisation_id: string
  from_side: 'authority' | 'referrer'
  author_user_id: string | null
  author_label: string
  body: string
  sent_at: Timestamp
}

export interface ReferralIdempotencyKeyTable {
  organisation_id: string
  key: string
  request_hash: string
  referral_id: string
  created_at: Timestamp
}

export interface ReferralAttemptTable {
  id: Generated<string>
  attempted_at: Timestamp
  channel: 'web' | 'api' | 'self_referral'
  organisation_id: string | null
  address_hash: string | null
  result: 'accepted' | 'refused' | 'throttled'
  problems: Generated<string[]>
}

export interface RateLimitHitTable {
  id: Generated<string>
  bucket: string
  hit_at: Timestamp
}

export type OutboxStatus = 'queued' | 'local' | 'sending' | 'sent' | 'failed'

export interface OutboxMessageTable {
  id: Generated<string>
  /** Whose administrators may read the message; null for one only the system handles. */
  organisation_id: string | null
  channel: 'email' | 'sms'
  /** An email address or a UK phone number. */
  recipient: string
  /** The email's subject; empty for a text message. */
  subject: string
  body: string
  kind: string
  about_type: string
  about_id: string
  status: Generated<OutboxStatus>
  /** GOV.UK Notify's id for the notification, once sent. */
  provider_id: string | null
  /** Why sending failed, without personal details. */
  error: string | null
  created_at: Timestamp
  /** When a delivery run took the message to send it. */
  claimed_at: Timestamp | null
  sent_at: Timestamp | null
}

export interface HclicValidationRunTable {
  id: Generated<string>
  authority_id: string
  /** YYYY-QN */
  quarter: string
  ran_at: Timestamp
  /** The person who asked for the run; null for the nightly run. */
  requested_by: string | null
  cases: number
  errors: number
  warnings: number
  /** domain/hclic/validation.ts Finding[] */
  findings: Json<unknown[]>
}

export interface MonitoringImportTable {
  id: Generated<string>
  programme_id: string
  imported_at: Timestamp
  imported_by: string
  source: string
  cases: number
  activities: number
  warnings: number
}

export interface MonitoringRecordTable {
  case_id: string
  programme_id: string
  authority_id: string
  import_id: string
  case_ref: string
  household_ref: string | null
  district: string | null
  provider: string | null
  worker: string | null
  referral_date: CalendarDate | null
  recorded_date: CalendarDate | null
  referral_route: string | null
  referral_agency: string | null
  applicant_sex: string | null
  applicant_age: number | null
  applicant_uk_national: string | null
  applicant_ethnicity: string | null
  applicant_receives_benefits: string | null
  applicant_employment: string | null
  adults: number | null
  dependent_children: number | null
  housing_status: string | null
  risk_at_assessment: string | null
  previously_homeless: string | null
  previously_slept_rough: string | null
  previously_in_temporary_accommodation: string | null
  vulnerabilities: string[] | null
  primary_vulnerability: string | null
  outcome: string | null
  case_end_date: CalendarDate | null
  accommodation_outcome: string | null
  relief_activity: string | null
  comments: string | null
  /** The types of the prevention activities matched to the case, kept by the import. */
  prevention_activity_types: Generated<string[]>
}

export interface MonitoringActivityTable {
  id: Generated<string>
  programme_id: string
  import_id: string
  case_id: string | null
  case_ref: string | null
  household_ref: string | null
  activity_date: CalendarDate | null
  activity_type: string
  stage: 'prevention' | 'relief'
  comment: string | null
}

export interface DataQualityFlagTable {
  id: Generated<string>
  programme_id: string | null
  authority_id: string | null
  case_id: string | null
  activity_id: string | null
  kind: string
  field: string | null
  message: string
  raised_at: Timestamp
  reviewed_at: Timestamp | null
  reviewed_by: string | null
  review_reason: string | null
}

export interface DB {
  organisations: OrganisationTable
  users: UserTable
  sessions: SessionTable
  api_keys: ApiKeyTable
  audit_events: AuditEventTable
  programmes: ProgrammeTable
  households: HouseholdTable
  people: PersonTable
  cases: CaseTable
  case_events: CaseEventTable
  non_cooperation_warnings: NonCooperationWarningTable
  accommodation_placements: AccommodationPlacementTable
  reviews: ReviewTable
  person_sensitive_details: PersonSensitiveDetailsTable
  case_assessments: CaseAssessmentTable
  person_support_needs: PersonSupportNeedsTable
  housing_plans: HousingPlanTable
  housing_plan_steps: HousingPlanStepTable
  case_activities: CaseActivityTable
  case_contacts: CaseContactTable
  case_letters: CaseLetterTable
  referrals: ReferralTable
  referral_status_changes: ReferralStatusChangeTable
  referral_messages: ReferralMessageTable
  referral_idempotency_keys: ReferralIdempotencyKeyTable
  referral_attempts: ReferralAttemptTable
  rate_limit_hits: RateLimitHitTable
  outbox_messages: OutboxMessageTable
  monitoring_imports: MonitoringImportTable
  monitoring_records: MonitoringRecordTable
  monitoring_activities: MonitoringActivityTable
  data_quality_flags: DataQualityFlagTable
  hclic_validation_runs: HclicValidationRunTable
}

export type Organisation = Selectable<OrganisationTable>
export type User = Selectable<UserTable>
export type Case = Selectable<CaseTable>
export type Referral = Selectable<ReferralTable>
