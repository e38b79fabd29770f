import { createHash, randomBytes } from 'node:crypto'
import { Service } from '../../platform/service.ts'
import type { Actor } from '../../db/actor.ts'
import { recordAudit, SYSTEM_ORIGIN, type SystemActor } from '../../platform/audit.ts'
import { RefusedError } from '../../platform/refused.ts'
import { findCurrentUser, findUserByEmail } from '../accounts/queries.ts'
import { actorOf } from '../../platform/current-user.ts'
import { findOrganisationByName } from '../organisations/queries.ts'
import { findApiKey, insertApiKey, markApiKeyUsed } from './queries.ts'
import { asSystem, type SystemReason } from '../../db/modes.ts'

const KEY_PREFIX = 'upk_'

/**
 * API keys for partner organisations' systems. Only a hash is stored: the key itself is shown once,
 * when it is made. Keys are long and random, so a fast hash is enough (unlike passwords).
 */
export class ApiKeyService extends Service {
  /**
   * A new key for an organisation's system; with `personEmail`, one that acts as that person of the
   * organisation (a case management system's officer), under exactly the rules of their own pages.
   */
  async create(
    organisationName: string,
    actor: SystemActor,
    personEmail?: string,
  ): Promise<{ key: string; organisationName: string; personName: string | undefined }> {
    const organisation = await asSystem(this.db, CREATE_KEY, (db) => findOrganisationByName(db, organisationName))
    if (!organisation)
      throw new RefusedError(
        `There is no organisation called "${organisationName}". Add it first with: organisation add --type TYPE --name "${organisationName}"`,
      )
    const person = personEmail === undefined ? undefined : await asSystem(this.db, CREATE_KEY, (db) => findUserByEmail(db, personEmail))
    if (personEmail !== undefined && (person?.organisation_id !== organisation.id || person.disabled_at !== null))
      throw new RefusedError(`${organisation.name} has no active account with the email address ${personEmail}`)
    const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`
    await asSystem(this.db, CREATE_KEY, async (trx) => {
      const id = await insertApiKey(trx, {
        organisationId: organisation.id,
        userId: person?.id ?? null,
        prefix: key.slice(0, 12),
        keyHash: hashKey(key),
      })
      await recordAudit(
        trx,
        actor,
        {
          action: 'api_key_created',
          subjectType: 'api_key',
          subjectId: id,
          subjectOrganisationId: organisation.id,
          details: person ? { actsAs: person.id } : {},
        },
        SYSTEM_ORIGIN,
        this.clock.now(),
      )
    })
    return { key, organisationName: organisation.name, personName: person?.display_name }
  }

  /** The actor a presented key stands for, or undefined for a missing, unknown or revoked key. */
  async authenticate(presented: string): Promise<Actor | undefined> {
    if (!presented.startsWith(KEY_PREFIX)) return undefined
    const found = await asSystem(this.db, AUTHENTICATE, (db) => findApiKey(db, hashKey(presented)))
    if (!found) return undefined
    await asSystem(this.db, AUTHENTICATE, (db) => markApiKeyUsed(db, found.id, this.clock.now()))
    if (found.user_id !== null) {
      const userId = found.user_id
      // A person's key stops working when their account is disabled.
      const person = await asSystem(this.db, AUTHENTICATE, (db) => findCurrentUser(db, userId))
      return person ? { ...actorOf(person), viaApiKeyId: found.id } : undefined
    }
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

/** A key is looked up on every call of the API, before anyone is known to act. */
const AUTHENTICATE: SystemReason = { reason: 'API key', noRecordBecause: 'runs on every call; what the key then does is audited' }
/** The command line issuing a key: the new key is audited as it is created. */
const CREATE_KEY: SystemReason = { reason: 'create an API key', noRecordBecause: 'the new key is audited as it is created' }

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}
