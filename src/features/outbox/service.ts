import { asActor, type Actor } from '../../db/actor.ts'
import { Service } from '../../platform/service.ts'
import { recordAudit, type Origin } from '../../platform/audit.ts'
import { outboxMessage, recentOutboxMessages } from './queries.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The most messages the outbox page lists. */
export const OUTBOX_PAGE_SIZE = 200

/** The messages the service has sent, or kept, for an organisation: read by its administrators only. */
export class OutboxService extends Service {
  async recent(actor: Actor) {
    if (actor.kind !== 'user' || actor.role !== 'administrator') return []
    return asActor(this.db, actor, (trx) => recentOutboxMessages(trx, actor.organisationId, OUTBOX_PAGE_SIZE))
  }

  /** One message with its body. Bodies carry personal details, so each reading is audited with it. */
  async read(actor: Actor, id: string, origin: Origin) {
    if (actor.kind !== 'user' || actor.role !== 'administrator' || !UUID.test(id)) return undefined
    return asActor(this.db, actor, async (trx) => {
      const message = await outboxMessage(trx, actor.organisationId, id)
      if (!message) return undefined
      await recordAudit(
        trx,
        actor,
        {
          action: 'view',
          subjectType: 'outbox_message',
          subjectId: message.id,
          subjectOrganisationId: message.organisation_id,
          details: { kind: message.kind, channel: message.channel, aboutType: message.about_type, aboutId: message.about_id },
        },
        origin,
        this.clock.now(),
      )
      return message
    })
  }
}
