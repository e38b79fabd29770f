import type { Kysely } from 'kysely'
import type { Actor } from '../../db/actor.ts'
import type { DB } from '../../db/schema.ts'
import { buildRecords } from '../../domain/hclic/build.ts'
import { entersQuarter, type Quarter } from '../../domain/hclic/quarter.ts'
import type { HclicCase, HclicPersonalDetails } from '../../domain/hclic/record.ts'
import { recordAudit, SYSTEM_ORIGIN, type Origin, type SystemActor } from '../../platform/audit.ts'
import type { Clock } from '../../platform/clock.ts'
import { authorityByCode, authorityCodeOf, caseRows } from './queries.ts'

/** The authority's data team: who may prepare its statutory return. */
const DATA_TEAM = new Set(['analyst', 'team_manager'])

export interface QuarterReturn {
  authority: { id: string; name: string; code: string }
  cases: HclicCase[]
  personalDetails: HclicPersonalDetails[]
}

/**
 * The statutory return's cases for an authority and a quarter, built from its casework. The data team
 * of the authority itself, or the system (command line, nightly run), may ask; every request is audited.
 */
export class HclicService {
  private readonly db: Kysely<DB>
  private readonly clock: Clock

  constructor(deps: { db: Kysely<DB>; clock: Clock }) {
    this.db = deps.db
    this.clock = deps.clock
  }

  /** The ONS code of the actor's own housing authority, when they are on its data team. */
  async authorityCodeFor(actor: Actor): Promise<string | undefined> {
    if (actor.organisationId === null || !DATA_TEAM.has(actor.role)) return undefined
    return (await authorityCodeOf(this.db, actor.organisationId)) ?? undefined
  }

  async quarterReturn(
    actor: Actor | SystemActor,
    authorityCode: string,
    quarter: Quarter,
    origin: Origin = SYSTEM_ORIGIN,
  ): Promise<QuarterReturn | { error: string }> {
    const authority = await authorityByCode(this.db, authorityCode)
    if (!authority?.ons_code) return { error: `No housing authority with the code ${authorityCode} is on the platform` }
    if (actor.kind !== 'system' && (actor.organisationId !== authority.id || !DATA_TEAM.has(actor.role)))
      return { error: `Only the data team of ${authority.name} may prepare its return` }
    const rows = await caseRows(this.db, authority.id, quarter)
    const built = buildRecords(rows, authority.ons_code, quarter)
    const cases = built.cases.filter((c) => entersQuarter(c, quarter))
    const entering = new Set(cases.flatMap((c) => c.people.map((p) => p.personId)))
    const personalDetails = built.personalDetails.filter((p) => entering.has(p.personId))
    await recordAudit(
      this.db,
      actor,
      {
        action: 'view',
        subjectType: 'hclic_return',
        subjectId: `${authority.ons_code}:${quarter.label}`,
        subjectOrganisationId: authority.id,
        details: { quarter: quarter.label, cases: cases.length, people: personalDetails.length },
      },
      origin,
      this.clock.now(),
    )
    return { authority: { id: authority.id, name: authority.name, code: authority.ons_code }, cases, personalDetails }
  }
}
