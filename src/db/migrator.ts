import { sql, type Kysely } from 'kysely'
import { Migrator, type MigrationProvider } from 'kysely/migration'
import { foundation } from './migrations/0001_foundation.ts'
import { caseDecisions } from './migrations/0002_case_decisions.ts'
import { approaches } from './migrations/0003_approaches.ts'
import { nonCooperation } from './migrations/0004_non_cooperation.ts'
import { reviews } from './migrations/0005_reviews.ts'
import { householdAssessment } from './migrations/0006_household_assessment.ts'
import { housingPlans } from './migrations/0007_housing_plans.ts'
import { activitiesContacts } from './migrations/0008_activities_contacts.ts'
import { letters } from './migrations/0009_letters.ts'
import { officerApiKeys } from './migrations/0010_officer_api_keys.ts'
import { temporaryAccommodation } from './migrations/0011_temporary_accommodation.ts'
import { accommodationSecured } from './migrations/0012_accommodation_secured.ts'
import { referralRoute } from './migrations/0013_referral_route.ts'
import { outbox } from './migrations/0014_outbox.ts'
import { hclicValidation } from './migrations/0015_hclic_validation.ts'
import { monitoring } from './migrations/0016_monitoring.ts'
import { monitoringImportIndexes } from './migrations/0017_monitoring_import_indexes.ts'
import { preventionActivityTypes } from './migrations/0018_prevention_activity_types.ts'
import { importedCases } from './migrations/0019_imported_cases.ts'
import { statutoryReturnUnderRls } from './migrations/0020_statutory_return_under_rls.ts'
import { caseStaffAsPermitted } from './migrations/0021_case_staff_as_permitted.ts'
import { figuresFromCasework } from './migrations/0022_figures_from_casework.ts'
import { priorityNeedAndIntentionality } from './migrations/0023_priority_need_and_intentionality.ts'
import { warningStepAndApproachRoute } from './migrations/0024_warning_step_and_approach_route.ts'
import { socialCareSplit } from './migrations/0025_social_care_split.ts'
import { reviewRepresentationsAndExtensions } from './migrations/0026_review_representations_and_extensions.ts'
import { monitoringUnderRls } from './migrations/0027_monitoring_under_rls.ts'
import { rateLimits } from './migrations/0028_rate_limits.ts'
import { sessionOrder } from './migrations/0029_session_order.ts'
import type { Migration } from './migrations/migration.ts'

/** Every migration, oldest first. Add new ones at the end; never edit one that has shipped. */
export const migrations: readonly Migration[] = [
  foundation,
  caseDecisions,
  approaches,
  nonCooperation,
  reviews,
  householdAssessment,
  housingPlans,
  activitiesContacts,
  letters,
  officerApiKeys,
  temporaryAccommodation,
  accommodationSecured,
  referralRoute,
  outbox,
  hclicValidation,
  monitoring,
  monitoringImportIndexes,
  preventionActivityTypes,
  importedCases,
  statutoryReturnUnderRls,
  caseStaffAsPermitted,
  figuresFromCasework,
  priorityNeedAndIntentionality,
  warningStepAndApproachRoute,
  socialCareSplit,
  reviewRepresentationsAndExtensions,
  monitoringUnderRls,
  rateLimits,
  sessionOrder,
]

const provider: MigrationProvider = {
  getMigrations() {
    return Promise.resolve(
      Object.fromEntries(
        migrations.map((migration) => [
          migration.name,
          {
            async up(db: Kysely<unknown>) {
              for (const statement of migration.statements) await sql.raw(statement).execute(db)
            },
          },
        ]),
      ),
    )
  },
}

export class MigrationError extends Error {
  constructor(migrationName: string | undefined, cause: unknown) {
    super(
      `The database could not be brought up to date${migrationName ? ` (migration ${migrationName} failed)` : ''}: ${cause instanceof Error ? cause.message : String(cause)}`,
    )
    this.name = 'MigrationError'
  }
}

/** Brings the database schema up to date. Safe to call on every start. */
export async function migrateToLatest<Schema>(db: Kysely<Schema>): Promise<string[]> {
  const migrator = new Migrator({ db, provider })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw new MigrationError(results?.find((r) => r.status === 'Error')?.migrationName, error)
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
