import type { Kysely } from 'kysely'
import { asActor, type Actor } from '../../db/actor.ts'
import type { DB } from '../../db/schema.ts'
import { recordAudit, type Origin } from '../../platform/audit.ts'
import type { Clock } from '../../platform/clock.ts'
import { findReferral, referralsOfOrganisation } from './queries.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Referring organisations see their own referrals; housing authority staff see those made to them. */
function sideOf(actor: Actor): 'referrer' | 'authority' | undefined {
  if (actor.role === 'referrer' || actor.role === 'api_client') return 'referrer'
  if (actor.role === 'caseworker' || actor.role === 'team_manager') return 'authority'
  return undefined
}

export class ReferralService {
  private readonly db: Kysely<DB>
  private readonly clock: Clock

  constructor(deps: { db: Kysely<DB>; clock: Clock }) {
    this.db = deps.db
    this.clock = deps.clock
  }

  async list(actor: Actor, limit = 200) {
    const side = sideOf(actor)
    if (side === undefined || actor.organisationId === null) return []
    return asActor(this.db, actor, (trx) => referralsOfOrganisation(trx, actor.organisationId, side, limit))
  }

  /** One referral, audited as a view of a person's record. Undefined when it is not the actor's to see. */
  async view(actor: Actor, id: string, origin: Origin) {
    if (sideOf(actor) === undefined || actor.organisationId === null || !UUID.test(id)) return undefined
    return asActor(this.db, actor, async (trx) => {
      const referral = await findReferral(trx, actor.organisationId, id)
      if (!referral) return undefined
      await recordAudit(
        trx,
        actor,
        {
          action: 'view',
          subjectType: 'referral',
          subjectId: referral.id,
          subjectOrganisationId: referral.authority_id,
          details: { reference: referral.reference },
        },
        origin,
        this.clock.now(),
      )
      return referral
    })
  }
}
