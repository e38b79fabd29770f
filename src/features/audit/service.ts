import { asActor, type Actor } from '../../db/actor.ts'
import { searchAuditEvents, type AuditSearch } from './queries.ts'
import type { OwnerDb } from '../../db/modes.ts'

export class AuditService {
  private readonly db: OwnerDb

  constructor(deps: { db: OwnerDb }) {
    this.db = deps.db
  }

  /** The audit trail, for administrators only, and only their organisation's part of it. */
  async search(actor: Actor, search: Partial<AuditSearch>) {
    if (actor.role !== 'administrator') return []
    return asActor(this.db, actor, (trx) => searchAuditEvents(trx, actor.organisationId, { ...search, limit: search.limit ?? 100 }))
  }
}
