import type { Migration } from './migration.ts'

/** The programmes the acting organisation leads, for its analysts and team managers: none for anyone else. */
const LED = `(SELECT p.id FROM programmes p
               WHERE p.lead_organisation_id = upstream_organisation()
                 AND upstream_role() IN ('analyst', 'team_manager'))`

/** The acting authority's own data team ('monitoring.read'): its cases' monitoring data, whatever programme. */
const OWN_TEAM = `upstream_role() IN ('analyst', 'team_manager')`

/**
 * A programme's monitoring data is read as the person evaluating it, under row-level security, rather
 * than by the owner connection (0016 gave the application role nothing of it). A programme's lead
 * organisation's analysts and team managers may read the programme's imports, its imported records,
 * the cases the import wrote for them, their activities and the programme's data-quality flags; an
 * authority's own data team may read the monitoring records and flags of its own cases, as it could
 * through the data-quality page. Nothing here can be written by the application role.
 *
 * Each policy asks whether the row's programme is one the acting organisation leads through a
 * subquery on `programmes` that does not depend on the row: PostgreSQL runs it once per query (a
 * hashed subplan), so a million-row read pays one small lookup, not one per row.
 */
export const monitoringUnderRls: Migration = {
  name: '0022_monitoring_under_rls',
  statements: [
    `GRANT SELECT ON monitoring_imports, monitoring_records, monitoring_activities, data_quality_flags TO upstream_app`,
    `CREATE POLICY monitoring_imports_lead ON monitoring_imports FOR SELECT TO upstream_app
       USING (programme_id IN ${LED})`,
    `CREATE POLICY monitoring_records_lead ON monitoring_records FOR SELECT TO upstream_app
       USING (programme_id IN ${LED} OR (authority_id = upstream_organisation() AND ${OWN_TEAM}))`,
    `CREATE POLICY monitoring_activities_lead ON monitoring_activities FOR SELECT TO upstream_app
       USING (programme_id IN ${LED})`,
    `CREATE POLICY data_quality_flags_lead ON data_quality_flags FOR SELECT TO upstream_app
       USING (programme_id IN ${LED} OR (authority_id = upstream_organisation() AND ${OWN_TEAM}))`,
    // The cases a programme's import wrote are its record of support: its lead reads them with the records.
    `CREATE POLICY cases_programme_lead ON cases FOR SELECT TO upstream_app
       USING (imported_from_monitoring AND programme_id IN ${LED})`,
  ],
}
