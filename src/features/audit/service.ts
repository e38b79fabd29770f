import type { Kysely } from 'kysely'
import { asActor, type Actor } from '../../db/actor.ts'
import type { DB } from '../../db/schema.ts'
import { searchAuditEvents, type AuditSearch } from './queries.ts'

export class AuditService {
  private readonly db: Kysely<DB>

  constructor(deps: { db: Kysely<DB> }) {
    this.db = deps.db
  }

  /** The audit trail, for administrators only, and only their organisation's part of it. */
  async search(actor: Actor, search: Partial<AuditSearch>) {
    if (actor.role !== 'administrator') return []
    return asActor(this.db, actor, (trx) => searchAuditEvents(trx, actor.organisationId, { ...search, limit: search.limit ?? 100 }))
  }
}
