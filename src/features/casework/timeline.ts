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
  letter_issued: 'Letter issued',
}

export function eventLabel(kind: string): string {
  return EVENT_LABELS[kind] ?? kind.replaceAll('_', ' ')
}
