import type { Transaction } from 'kysely'
import { Service } from '../../platform/service.ts'
import { asActor, type Actor } from '../../db/actor.ts'
import type { DB } from '../../db/schema.ts'
import { buildRecords } from '../../domain/hclic/build.ts'
import { entersQuarter, type Quarter } from '../../domain/hclic/quarter.ts'
import type { HclicCase, HclicPersonalDetails } from '../../domain/hclic/record.ts'
import { recordAudit, SYSTEM_ORIGIN, type Origin, type SystemActor } from '../../platform/audit.ts'
import { authorityByCode, authorityCodeOf, caseRows } from './queries.ts'
import { asSystem, declarePurpose } from '../../db/modes.ts'
import { may } from '../../platform/permissions.ts'

export interface QuarterReturn {
  authority: { id: string; name: string; code: string }
  cases: HclicCase[]
  personalDetails: HclicPersonalDetails[]
}

/**
 * The statutory return's cases for an authority and a quarter, built from its casework. The data team
 * of the authority itself, or the system (command line, nightly run), may ask; every request is audited.
 */
export class HclicService extends Service {
  /** The ONS code of the actor's own housing authority, when they are on its data team. */
  async authorityCodeFor(actor: Actor): Promise<string | undefined> {
    if (actor.organisationId === null || !may(actor.role, 'return.prepare')) return undefined
    const organisationId = actor.organisationId
    return (await asActor(this.db, actor, (trx) => authorityCodeOf(trx, organisationId))) ?? undefined
  }

  async quarterReturn(
    actor: Actor | SystemActor,
    authorityCode: string,
    quarter: Quarter,
    origin: Origin = SYSTEM_ORIGIN,
  ): Promise<QuarterReturn | { error: string }> {
    // A person reads the return as themselves, under the policies of migration 0020; the nightly run and
    // the command line read it as the system. Either way the read and its audit record are one transaction.
    const read = async (trx: Transaction<DB>) => {
      const authority = await authorityByCode(trx, authorityCode)
      if (!authority?.ons_code) return { error: `No housing authority with the code ${authorityCode} is on the platform` }
      if (actor.kind !== 'system' && (actor.organisationId !== authority.id || !may(actor.role, 'return.prepare')))
        return { error: `Only the data team of ${authority.name} may prepare its return` }
      if (actor.kind !== 'system') await declarePurpose(trx, 'statutory_return')
      const rows = await caseRows(trx, authority.id, quarter)
      const built = buildRecords(rows, authority.ons_code, quarter)
      const cases = built.cases.filter((c) => entersQuarter(c, quarter))
      const entering = new Set(cases.flatMap((c) => c.people.map((p) => p.personId)))
      const personalDetails = built.personalDetails.filter((p) => entering.has(p.personId))
      await recordAudit(
        trx,
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
    return actor.kind === 'system'
      ? asSystem(this.db, { reason: actor.label, noRecordBecause: 'the return is audited as it is read' }, read)
      : asActor(this.db, actor, read)
  }
}
