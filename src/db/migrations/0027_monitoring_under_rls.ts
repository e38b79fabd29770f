import type { Migration } from './migration.ts'

/** The acting person is on a data team (analysts and team managers) and reads for programme monitoring. */
const MONITORING = `(upstream_role() IN ('analyst', 'team_manager') AND upstream_purpose() = 'programme_monitoring')`

/** The programmes the acting organisation leads, for its analysts and team managers: none for anyone else. */
const LED = `(SELECT p.id FROM programmes p
               WHERE p.lead_organisation_id = upstream_organisation()
                 AND upstream_role() IN ('analyst', 'team_manager'))`

/**
 * The acting authority, for its own data team ('monitoring.read'): its cases' monitoring data, whatever
 * programme. A subquery, like LED, so that it is worked out once per query rather than once per row.
 */
const OWN_TEAM = `(SELECT upstream_organisation() WHERE upstream_role() IN ('analyst', 'team_manager'))`

/** The cases a programme's workers recorded through casework, in the programmes the actor leads. */
const LED_CASEWORK = `(SELECT c.id FROM cases c WHERE c.programme_id IN ${LED} AND NOT c.imported_from_monitoring)`

/**
 * A programme's monitoring data is read as the person evaluating it, under row-level security, rather
 * than by the owner connection (0016 gave the application role nothing of it). A programme's lead
 * organisation's analysts and team managers may read the programme's imports, its imported records,
 * their activities and the programme's data-quality flags; an authority's own data team may read the
 * monitoring records and flags of its own cases, as it could through the data-quality page. Nothing
 * here can be written by the application role.
 *
 * The programme's cases (imported, and those its districts' workers recorded through casework, with
 * what the report counts of them: the household's members, the applicant's ethnic group and
 * nationality, the assessment's employment answers, the activities and the officers' history) are
 * another organisation's records. The lead reads them only in a transaction that has declared the
 * purpose 'programme_monitoring' (db/modes.ts), which the monitoring services declare beside the audit
 * record of the read: a county analyst cannot open a district's case page through these policies.
 * For the same purpose, an authority's own data team reads its applicants' ethnic group and nationality.
 *
 * Each policy asks whether the row's programme is one the acting organisation leads through a
 * subquery that does not depend on the row: PostgreSQL runs it once per query (a hashed subplan), so a
 * million-row read pays one small lookup, not one per row.
 */
export const monitoringUnderRls: Migration = {
  name: '0027_monitoring_under_rls',
  statements: [
    `GRANT SELECT ON monitoring_imports, monitoring_records, monitoring_activities, data_quality_flags TO upstream_app`,
    `CREATE POLICY monitoring_imports_lead ON monitoring_imports FOR SELECT TO upstream_app
       USING (programme_id IN ${LED})`,
    `CREATE POLICY monitoring_records_lead ON monitoring_records FOR SELECT TO upstream_app
       USING (programme_id IN ${LED} OR authority_id IN ${OWN_TEAM})`,
    `CREATE POLICY monitoring_activities_lead ON monitoring_activities FOR SELECT TO upstream_app
       USING (programme_id IN ${LED})`,
    `CREATE POLICY data_quality_flags_lead ON data_quality_flags FOR SELECT TO upstream_app
       USING (programme_id IN ${LED} OR authority_id IN ${OWN_TEAM})`,
    `CREATE POLICY cases_programme_lead ON cases FOR SELECT TO upstream_app
       USING (${MONITORING} AND programme_id IN ${LED})`,
    `CREATE POLICY people_programme_lead ON people FOR SELECT TO upstream_app
       USING (${MONITORING} AND household_id IN
              (SELECT c.household_id FROM cases c WHERE c.id IN ${LED_CASEWORK}))`,
    `CREATE POLICY person_sensitive_details_programme ON person_sensitive_details FOR SELECT TO upstream_app
       USING (${MONITORING} AND (authority_id = upstream_organisation() OR household_id IN
              (SELECT c.household_id FROM cases c WHERE c.id IN ${LED_CASEWORK})))`,
    `CREATE POLICY case_assessments_programme_lead ON case_assessments FOR SELECT TO upstream_app
       USING (${MONITORING} AND case_id IN ${LED_CASEWORK})`,
    `CREATE POLICY case_activities_programme_lead ON case_activities FOR SELECT TO upstream_app
       USING (${MONITORING} AND case_id IN ${LED_CASEWORK})`,
    `CREATE POLICY case_events_programme_lead ON case_events FOR SELECT TO upstream_app
       USING (${MONITORING} AND case_id IN ${LED_CASEWORK})`,
  ],
}
