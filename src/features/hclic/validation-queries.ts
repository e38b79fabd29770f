import type { Kysely } from 'kysely'
import type { Scoped } from '../../db/actor.ts'
import type { DB } from '../../db/schema.ts'
import type { Finding } from '../../domain/hclic/validation.ts'

export interface StoredRun {
  ranAt: Date
  nightly: boolean
  cases: number
  errors: number
  warnings: number
  findings: Finding[]
}

/** A run is written by the system: the service has already checked who asked for it. */
export async function insertRun(
  db: Kysely<DB>,
  run: {
    authorityId: string
    quarter: string
    ranAt: Date
    requestedBy: string | null
    cases: number
    errors: number
    warnings: number
    findings: Finding[]
  },
): Promise<void> {
  await db
    .insertInto('hclic_validation_runs')
    .values({
      authority_id: run.authorityId,
      quarter: run.quarter,
      ran_at: run.ranAt,
      requested_by: run.requestedBy,
      cases: run.cases,
      errors: run.errors,
      warnings: run.warnings,
      findings: JSON.stringify(run.findings),
    })
    .execute()
}

/** The latest run of a quarter, as the actor may see it (row-level security: their own authority's data team). */
export async function latestRun(trx: Scoped, authorityCode: string, quarter: string): Promise<StoredRun | undefined> {
  const row = await trx
    .selectFrom('hclic_validation_runs as r')
    .innerJoin('organisations as o', 'o.id', 'r.authority_id')
    .where('o.ons_code', '=', authorityCode)
    .where('r.quarter', '=', quarter)
    .orderBy('r.ran_at', 'desc')
    .select(['r.ran_at', 'r.requested_by', 'r.cases', 'r.errors', 'r.warnings', 'r.findings'])
    .limit(1)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    ranAt: row.ran_at,
    nightly: row.requested_by === null,
    cases: row.cases,
    errors: row.errors,
    warnings: row.warnings,
    findings: row.findings as Finding[],
  }
}

/** Every local housing authority on the platform, for the nightly run. */
export async function authorityCodes(db: Kysely<DB>): Promise<string[]> {
  const rows = await db
    .selectFrom('organisations')
    .where('type', '=', 'local_housing_authority')
    .where('ons_code', 'is not', null)
    .select('ons_code')
    .orderBy('ons_code')
    .execute()
  return rows.flatMap((r) => (r.ons_code === null ? [] : [r.ons_code]))
}
