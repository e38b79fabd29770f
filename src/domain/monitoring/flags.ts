/**
 * The kinds of data-quality flag (data_quality_flags.kind): what undermines a programme's figures.
 * Imports raise the first six as warnings (docs/monitoring-data.md, "Import behaviour"); the
 * data-quality checks find all of them. A flag is one kind on one record (a case or an activity), for
 * one field where the kind is about a field, so a finding raised twice is the same flag.
 */
export const FLAG_KINDS = {
  end_before_referral: 'Support ended before the referral date',
  end_after_import: 'Support ends after the date the data was imported or checked',
  age_out_of_range: 'Applicant’s age is outside 16 to 110',
  primary_not_among_vulnerabilities: 'Primary vulnerability is not among the vulnerabilities',
  final_outcome_without_end_date: 'Final outcome recorded with no end date',
  unmatched_activity: 'Activity matches no case',
  missing_field: 'Field not recorded',
  back_filled: 'Entered long after referral',
  impossible_date: 'Impossible date',
  impossible_duration: 'Impossible duration',
  other_overused: '“Other” used more than the codes it stands beside',
  household_open_twice: 'The same household has two open cases',
  withdrawn_but_evicted: 'Withdrawn, but the notes suggest the eviction went ahead',
  evicted_but_withdrawn: 'Unsuccessful, but the notes suggest the household withdrew',
} as const

export type FlagKind = keyof typeof FLAG_KINDS

/** The warnings an import raises (imported anyway, and flagged). */
export const IMPORT_WARNING_KINDS = [
  'end_before_referral',
  'end_after_import',
  'age_out_of_range',
  'primary_not_among_vulnerabilities',
  'final_outcome_without_end_date',
  'unmatched_activity',
] as const satisfies readonly FlagKind[]

/**
 * The spec column each import warning is about (null: the activity as a whole). A flag is identified
 * by its kind, its record and this field, so an import and a later check raising the same warning
 * agree on it and it is stored once.
 */
export const FLAG_FIELDS = {
  end_before_referral: 'case_end_date',
  end_after_import: 'case_end_date',
  age_out_of_range: 'applicant_age',
  primary_not_among_vulnerabilities: 'primary_vulnerability',
  final_outcome_without_end_date: 'case_end_date',
  unmatched_activity: null,
} as const satisfies Record<(typeof IMPORT_WARNING_KINDS)[number], string | null>
