import type { Scoped } from '../../db/actor.ts'

export interface AuditSearch {
  /** Part of the actor's name or label. */
  who?: string
  action?: string
  subjectType?: string
  subjectId?: string
  /** Inclusive instants. */
  from?: Date
  to?: Date
  limit: number
}

/** Entries made by the organisation's people, or about its records. */
export async function searchAuditEvents(trx: Scoped, organisationId: string, search: AuditSearch) {
  let query = trx
    .selectFrom('audit_events')
    .where((eb) => eb.or([eb('actor_organisation_id', '=', organisationId), eb('subject_organisation_id', '=', organisationId)]))
    .select(['id', 'occurred_at', 'actor_label', 'action', 'subject_type', 'subject_id', 'ip_address', 'details'])
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(search.limit)
  if (search.who) query = query.where('actor_label', 'ilike', `%${search.who.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
  if (search.action) query = query.where('action', '=', search.action)
  if (search.subjectType) query = query.where('subject_type', '=', search.subjectType)
  if (search.subjectId) query = query.where('subject_id', '=', search.subjectId)
  if (search.from) query = query.where('occurred_at', '>=', search.from)
  if (search.to) query = query.where('occurred_at', '<=', search.to)
  return query.execute()
}
