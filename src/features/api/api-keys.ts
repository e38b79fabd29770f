import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Actor } from '../../db/actor.ts'
import type { DB } from '../../db/schema.ts'
import { recordAudit, SYSTEM_ORIGIN, type SystemActor } from '../../platform/audit.ts'
import type { Clock } from '../../platform/clock.ts'
import { RefusedError } from '../../platform/refused.ts'
import { findOrganisationByName } from '../organisations/queries.ts'
import { findApiKey, insertApiKey, markApiKeyUsed } from './queries.ts'

const KEY_PREFIX = 'upk_'

/**
 * API keys for partner organisations' systems. Only a hash is stored: the key itself is shown once,
 * when it is made. Keys are long and random, so a fast hash is enough (unlike passwords).
 */
export class ApiKeyService {
  private readonly db: Kysely<DB>
  private readonly clock: Clock

  constructor(deps: { db: Kysely<DB>; clock: Clock }) {
    this.db = deps.db
    this.clock = deps.clock
  }

  async create(organisationName: string, actor: SystemActor): Promise<{ key: string; organisationName: string }> {
    const organisation = await findOrganisationByName(this.db, organisationName)
    if (!organisation)
      throw new RefusedError(
        `There is no organisation called "${organisationName}". Add it first with: organisation add --type TYPE --name "${organisationName}"`,
      )
    const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`
    await this.db.transaction().execute(async (trx) => {
      const id = await insertApiKey(trx, { organisationId: organisation.id, prefix: key.slice(0, 12), keyHash: hashKey(key) })
      await recordAudit(
        trx,
        actor,
        { action: 'api_key_created', subjectType: 'api_key', subjectId: id, subjectOrganisationId: organisation.id },
        SYSTEM_ORIGIN,
        this.clock.now(),
      )
    })
    return { key, organisationName: organisation.name }
  }

  /** The actor a presented key stands for, or undefined for a missing, unknown or revoked key. */
  async authenticate(presented: string): Promise<(Actor & { kind: 'api_key' }) | undefined> {
    if (!presented.startsWith(KEY_PREFIX)) return undefined
    const found = await findApiKey(this.db, hashKey(presented))
    if (!found) return undefined
    await markApiKeyUsed(this.db, found.id, this.clock.now())
    return {
      kind: 'api_key',
      apiKeyId: found.id,
      organisationId: found.organisation_id,
      role: 'api_client',
      label: `API key ${found.prefix}… (${found.organisation_name})`,
      organisationType: found.organisation_type,
    }
  }
}

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}
