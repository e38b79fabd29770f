import type { Kysely } from 'kysely'
import type { Actor } from '../db/actor.ts'
import type { DB } from '../db/schema.ts'
import { insertAuditEvent } from './audit-queries.ts'

/** The command line, scheduled jobs and sign-in itself act as the system rather than as a person. */
export interface SystemActor {
  kind: 'system'
  organisationId: null
  label: string
}

export type AuditActor = Actor | SystemActor

export interface AuditEntry {
  /** What happened: view, create, update, sign_in, sign_in_failed, account_locked, sign_out, api_key_created, ... */
  action: string
  subjectType: string
  subjectId?: string | null
  subjectOrganisationId?: string | null
  /** Facts about the event. Never personal details: ids and codes only. */
  details?: Record<string, unknown>
}

/** Where a request came from, for the audit trail. */
export interface Origin {
  ip: string | null
}

export const SYSTEM_ORIGIN: Origin = { ip: null }

/**
 * Appends to the audit trail. Pass the transaction the audited work runs in, so the entry is written
 * if and only if the work is.
 */
export async function recordAudit(db: Kysely<DB>, actor: AuditActor, entry: AuditEntry, origin: Origin, now: Date): Promise<void> {
  await insertAuditEvent(db, {
    occurred_at: now,
    actor_user_id: actor.kind === 'user' ? actor.userId : null,
    actor_api_key_id: actor.kind === 'api_key' ? actor.apiKeyId : actor.kind === 'user' ? (actor.viaApiKeyId ?? null) : null,
    actor_label: actor.label,
    actor_organisation_id: actor.organisationId,
    action: entry.action,
    subject_type: entry.subjectType,
    subject_id: entry.subjectId ?? null,
    subject_organisation_id: entry.subjectOrganisationId ?? null,
    ip_address: origin.ip,
    details: JSON.stringify(entry.details ?? {}),
  })
}
