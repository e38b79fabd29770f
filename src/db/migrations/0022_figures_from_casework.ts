import type { Migration } from './migration.ts'

/**
 * Figures from casework that were stored wrong (issue 14), put right where the record tells what
 * they should be. Every statement is an UPDATE that finds only what is still wrong, so running it
 * again changes nothing; cases imported from monitoring data keep the programme's own codes and are
 * left alone.
 *
 * - The risk at assessment was stored as `threatened_29_to_56_days`; the monitoring vocabulary, which
 *   casework now records in, says `threatened_29_56_days`. On the case and in the timeline's
 *   "assessment completed" event.
 * - A household assessed as neither homeless nor threatened was stored as `future_risk`. It is a future
 *   risk only with a date of homelessness more than 56 days after the assessment (the date given, else
 *   the expiry of a notice to leave); otherwise `not_at_risk`. Judged from the assessment's answers.
 * - The demonstration data closed cases with words of its own; casework closes them with the ground
 *   the duty ended on, or why no duty was owed, and records where the household went and the
 *   accommodation secured (kept in the event that ended the duty).
 *
 * Not corrected, as the record cannot tell: an accommodation answered "supported housing or hostel"
 * before the two were asked apart stays so (code-lists.ts, RECORDED_ACCOMMODATION), and is reported
 * as neither settled nor a hostel.
 */
const CASEWORK = `NOT imported_from_monitoring`

/** The date a household not threatened expects to lose its home, from its homelessness answers (assessment.ts). */
const EXPECTED = `coalesce(
       a.homelessness->>'expectedHomelessOn',
       CASE WHEN a.homelessness->>'possessionNotice' IN ('section_21', 'section_8', 'notice_to_quit')
            THEN a.homelessness->>'noticeExpiresOn' END)::date`

export const figuresFromCasework: Migration = {
  name: '0022_figures_from_casework',
  statements: [
    `UPDATE cases SET risk_at_assessment = 'threatened_29_56_days'
       WHERE risk_at_assessment = 'threatened_29_to_56_days' AND ${CASEWORK}`,
    `UPDATE case_events SET details = jsonb_set(details, '{risk}', '"threatened_29_56_days"')
       WHERE kind = 'assessment_completed' AND details->>'risk' = 'threatened_29_to_56_days'`,

    `UPDATE cases c SET risk_at_assessment = 'not_at_risk'
       FROM case_assessments a
       WHERE a.case_id = c.id AND c.risk_at_assessment = 'future_risk' AND NOT c.imported_from_monitoring
         AND a.assessed_on IS NOT NULL
         AND coalesce(a.homelessness->>'status', '') NOT IN ('homeless', 'threatened_within_56_days')
         AND coalesce(${EXPECTED} - a.assessed_on, 0) <= 56`,
    `UPDATE case_events e SET details = jsonb_set(e.details, '{risk}', '"not_at_risk"')
       FROM case_assessments a
       WHERE a.case_id = e.case_id AND e.kind = 'assessment_completed' AND e.details->>'risk' = 'future_risk'
         AND coalesce(a.homelessness->>'status', '') NOT IN ('homeless', 'threatened_within_56_days')
         AND coalesce(${EXPECTED} - e.occurred_on, 0) <= 56`,

    `UPDATE cases SET outcome = CASE
         WHEN outcome = 'withdrew_from_service' THEN 'application_withdrawn'
         WHEN prevention_started_on IS NULL AND relief_started_on IS NULL
           THEN CASE outcome WHEN 'homelessness_prevented' THEN 'not_homeless_or_threatened' ELSE 'contact_lost' END
         ELSE CASE outcome WHEN 'homelessness_prevented' THEN 'suitable_accommodation_secured' ELSE 'fifty_six_days_elapsed' END
       END
       WHERE outcome IN ('homelessness_prevented', 'withdrew_from_service', 'unsuccessful') AND ${CASEWORK}`,
    `UPDATE cases SET accommodation_outcome = CASE accommodation_outcome
         WHEN 'stayed_in_own_home' THEN 'stayed_in_existing_home'
         ELSE 'moved_to_alternative_accommodation' END
       WHERE accommodation_outcome IN ('stayed_in_own_home', 'moved_to_another_tenancy', 'other') AND ${CASEWORK}`,
    `UPDATE cases c SET accommodation_secured = (
         SELECT e.details->>'accommodationSecured' FROM case_events e
         WHERE e.case_id = c.id AND e.kind IN ('end_prevention_duty', 'end_relief_duty', 'end_main_duty')
         ORDER BY e.occurred_on DESC, e.recorded_at DESC LIMIT 1)
       WHERE c.accommodation_secured IS NULL AND c.outcome = 'suitable_accommodation_secured' AND NOT c.imported_from_monitoring`,
  ],
}
