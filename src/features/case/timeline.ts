/** How each kind of event reads in a case's timeline. */
const EVENT_LABELS: Record<string, string> = {
  approach_recorded: 'Approach recorded',
  accept_prevention_duty: 'Prevention duty owed',
  accept_relief_duty: 'Relief duty owed',
  no_duty_owed: 'No duty owed',
  became_homeless: 'Became homeless: relief duty owed',
  end_prevention_duty: 'Prevention duty ended',
  end_relief_duty: 'Relief duty ended',
  main_duty_decision: 'Main housing duty decision',
  end_main_duty: 'Main housing duty ended',
  officer_reassigned: 'Named officer changed',
  non_cooperation_warning_given: 'Non-cooperation warning given',
  non_cooperation_notice_decided: 'Non-cooperation notice decided',
  non_cooperation_notice_authorised: 'Non-cooperation notice authorised by a second officer',
  accommodation_placed: 'Placed in temporary accommodation',
  accommodation_ended: 'Temporary accommodation ended',
  review_requested: 'Review requested (section 202)',
  review_decided: 'Review decided',
  household_member_added: 'Household member added',
  household_member_changed: 'Household member’s details changed',
  personal_details_recorded: 'Personal details for the statutory return recorded',
  assessment_section_saved: 'Assessment section saved',
  assessment_completed: 'Assessment (section 189A) completed',
  housing_plan_made: 'Personalised housing plan made',
  housing_plan_steps_added: 'Steps added to the housing plan',
  housing_plan_step_changed: 'A step in the housing plan changed',
  housing_plan_agreement_recorded: 'The applicant’s view of the housing plan recorded',
  housing_plan_reviewed: 'Housing plan reviewed',
  activity_recorded: 'Prevention or relief activity recorded',
  contact_recorded: 'Contact with the household recorded',
  letter_issued: 'Letter issued',
}

export function eventLabel(kind: string): string {
  return EVENT_LABELS[kind] ?? kind.replaceAll('_', ' ')
}
