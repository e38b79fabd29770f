import type { Kysely } from 'kysely'
import { asActor, type Actor } from '../../db/actor.ts'
import type { DB } from '../../db/schema.ts'
import { recordAudit, type Origin } from '../../platform/audit.ts'
import type { Clock } from '../../platform/clock.ts'
import {
  caseloadsOfTeam,
  casesByStage,
  findCaseByReference,
  openCasesOfOfficer,
  openCasesOfOrganisation,
  outcomesOfClosedCases,
} from './queries.ts'

const CASE_ROLES = new Set(['caseworker', 'team_manager', 'analyst', 'administrator'])

export class CaseworkService {
  private readonly db: Kysely<DB>
  private readonly clock: Clock

  constructor(deps: { db: Kysely<DB>; clock: Clock }) {
    this.db = deps.db
    this.clock = deps.clock
  }

  /** The officer's own open cases. */
  async caseload(actor: Actor) {
    if (actor.kind !== 'user' || !CASE_ROLES.has(actor.role)) return []
    return asActor(this.db, actor, (trx) => openCasesOfOfficer(trx, actor.organisationId, actor.userId))
  }

  /** Every open case the actor's organisation holds, for managers and analysts. */
  async openCases(actor: Actor, limit = 500) {
    if (!CASE_ROLES.has(actor.role) || actor.organisationId === null) return []
    return asActor(this.db, actor, (trx) => openCasesOfOrganisation(trx, actor.organisationId, limit))
  }

  async teamCaseloads(actor: Actor) {
    if (!CASE_ROLES.has(actor.role) || actor.organisationId === null) return []
    return asActor(this.db, actor, (trx) => caseloadsOfTeam(trx, actor.organisationId))
  }

  async figures(actor: Actor) {
    if (!CASE_ROLES.has(actor.role) || actor.organisationId === null) return { byStage: [], outcomes: [] }
    return asActor(this.db, actor, async (trx) => ({
      byStage: await casesByStage(trx, actor.organisationId),
      outcomes: await outcomesOfClosedCases(trx, actor.organisationId),
    }))
  }

  /**
   * A case with its household. Reading it is audited in the same transaction, so there is no view
   * without its audit entry.
   */
  async viewCase(actor: Actor, reference: string, origin: Origin) {
    if (!CASE_ROLES.has(actor.role) || actor.organisationId === null) return undefined
    return asActor(this.db, actor, async (trx) => {
      const found = await findCaseByReference(trx, actor.organisationId, reference)
      if (!found) return undefined
      await recordAudit(
        trx,
        actor,
        {
          action: 'view',
          subjectType: 'case',
          subjectId: found.id,
          subjectOrganisationId: found.authority_id,
          details: { reference: found.reference, people: found.people.map((p) => p.id) },
        },
        origin,
        this.clock.now(),
      )
      return found
    })
  }
}
