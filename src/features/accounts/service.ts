import type { Actor } from '../../db/actor.ts'
import { Service } from '../../platform/service.ts'
import { recordAudit, type Origin, type SystemActor } from '../../platform/audit.ts'
import { actorOf, type CurrentUser } from '../../platform/current-user.ts'
import type { Clock } from '../../platform/clock.ts'
import { hashPassword, UNMATCHABLE_HASH, verifyPassword } from '../../platform/passwords.ts'
import { RefusedError } from '../../platform/refused.ts'
import { STAFF_ROLES, type StaffRole } from '../../db/actor.ts'
import { findOrganisationByName } from '../organisations/queries.ts'
import type { RateLimiter } from '../../platform/rate-limits.ts'
import { secondsToWait } from './throttle.ts'
import type { ThrottlePolicy } from '../../platform/rate-limits.ts'
import { findCurrentUser, findUserByEmail, findUserForOidc, insertUser, linkOidcSubject, recordSignedIn } from './queries.ts'
import { asSystem, type OwnerDb, type SystemReason } from '../../db/modes.ts'

/** Signing in happens before anyone is known; each attempt is audited inside the work itself. */
const SIGN_IN: SystemReason = { reason: 'sign-in', noRecordBecause: 'every attempt is audited as it is decided' }
/** Finding the signed-in person runs on every request, before their actor exists. */
const CURRENT_USER: SystemReason = { reason: 'signed-in person', noRecordBecause: 'runs on every request' }

/** The command line adding a person: the new account is audited as it is created. */
const ADD_ACCOUNT: SystemReason = { reason: 'add an account', noRecordBecause: 'the new account is audited as it is created' }

export type SignInResult =
  | { outcome: 'signed_in'; userId: string }
  | { outcome: 'wrong_details' }
  | { outcome: 'throttled'; retryAfterSeconds: number }
  | { outcome: 'disabled' }

export class AccountService extends Service {
  private readonly throttle: { byAccount: ThrottlePolicy; byAddress: ThrottlePolicy }
  private readonly limits: RateLimiter

  constructor(deps: {
    db: OwnerDb
    clock: Clock
    throttle: { byAccount: ThrottlePolicy; byAddress: ThrottlePolicy }
    limits: RateLimiter
  }) {
    super(deps)
    this.throttle = deps.throttle
    this.limits = deps.limits
  }

  /**
   * Checks an email and password. Every attempt on an account is audited. Failures slow further attempts
   * on that email address and from that network address with growing, capped delays; there is no lock,
   * so a right password works again once the wait is over. An unknown, closed or throttled account gets
   * the same answer after the same work as a wrong password, so the answer says nothing about which
   * accounts exist.
   */
  async signInWithPassword(email: string, password: string, origin: Origin): Promise<SignInResult> {
    const accountBucket = this.limits.bucket('sign-in-failures-for', email.trim().toLowerCase())
    const addressBucket = this.limits.bucket('sign-in-failures-from', origin.ip ?? 'unknown')
    // Each attempt counts as a failure before the password is checked, so simultaneous guesses cannot all
    // slip in before the first is counted; a right password takes its count back.
    const attempt = await this.limits.takeWithBackoff([
      {
        bucket: accountBucket,
        windowSeconds: this.throttle.byAccount.windowSeconds,
        secondsToWait: (n, latest, now) => secondsToWait(n, latest, this.throttle.byAccount, now),
      },
      {
        bucket: addressBucket,
        windowSeconds: this.throttle.byAddress.windowSeconds,
        secondsToWait: (n, latest, now) => secondsToWait(n, latest, this.throttle.byAddress, now),
      },
    ])
    const user = await asSystem(this.db, SIGN_IN, (db) => findUserByEmail(db, email))
    const now = this.clock.now()
    const system = { kind: 'system' as const, organisationId: null, label: `Sign-in (${(user?.email ?? '').toLowerCase()})` }
    const subject = user ? { subjectType: 'user', subjectId: user.id, subjectOrganisationId: user.organisation_id } : undefined

    if ('retryAfterSeconds' in attempt) {
      if (subject)
        await asSystem(this.db, SIGN_IN, (trx) => recordAudit(trx, system, { action: 'sign_in_throttled', ...subject }, origin, now))
      return { outcome: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds }
    }

    // Verify against a dummy hash for unknown accounts so response times do not reveal which exist.
    const matches = await verifyPassword(password, user?.password_hash ?? UNMATCHABLE_HASH)
    if (!user || !subject) return { outcome: 'wrong_details' }

    const signedIn = await asSystem(this.db, SIGN_IN, async (trx) => {
      if (user.disabled_at !== null) {
        await recordAudit(trx, system, { action: 'sign_in_refused_disabled', ...subject }, origin, now)
        return false
      }
      if (!matches) {
        await recordAudit(trx, system, { action: 'sign_in_failed', ...subject }, origin, now)
        return false
      }
      await recordSignedIn(trx, user.id, now)
      await recordAudit(trx, system, { action: 'sign_in', ...subject, details: { method: 'password' } }, origin, now)
      return true
    })
    if (!signedIn) return { outcome: 'wrong_details' }
    // The person has proved who they are: earlier failures on the account no longer count against them,
    // and this attempt does not count against their office's address.
    await this.limits.giveBack(attempt.taken.map((use) => (use.bucket === accountBucket ? { bucket: accountBucket } : use)))
    return { outcome: 'signed_in', userId: user.id }
  }

  /** A person the council's identity provider vouches for: find their account, linking it the first time. */
  async signInWithOidc(
    claims: { subject: string; email: string | undefined },
    organisationName: string,
    origin: Origin,
  ): Promise<SignInResult> {
    const user = await asSystem(this.db, SIGN_IN, (db) => findUserForOidc(db, claims.subject, claims.email, organisationName))
    if (!user) return { outcome: 'wrong_details' }
    if (user.disabled_at !== null) return { outcome: 'disabled' }
    const now = this.clock.now()
    await asSystem(this.db, SIGN_IN, async (trx) => {
      if (user.oidc_subject === null) await linkOidcSubject(trx, user.id, claims.subject)
      await recordSignedIn(trx, user.id, now)
      await recordAudit(
        trx,
        { kind: 'system', organisationId: null, label: 'Single sign-on' },
        { action: 'sign_in', subjectType: 'user', subjectId: user.id, details: { method: 'oidc' } },
        origin,
        now,
      )
    })
    return { outcome: 'signed_in', userId: user.id }
  }

  async recordSignOut(user: CurrentUser, origin: Origin): Promise<void> {
    await asSystem(this.db, SIGN_IN, (db) =>
      recordAudit(
        db,
        actorOf(user),
        { action: 'sign_out', subjectType: 'user', subjectId: user.id, subjectOrganisationId: user.organisationId },
        origin,
        this.clock.now(),
      ),
    )
  }

  /** A person ending their own other sessions from the sessions page. */
  async recordSessionsEnded(user: CurrentUser, count: number, origin: Origin): Promise<void> {
    await asSystem(this.db, SIGN_IN, (db) =>
      recordAudit(
        db,
        actorOf(user),
        {
          action: 'sessions_ended',
          subjectType: 'user',
          subjectId: user.id,
          subjectOrganisationId: user.organisationId,
          details: { count },
        },
        origin,
        this.clock.now(),
      ),
    )
  }

  async currentUser(userId: string): Promise<CurrentUser | undefined> {
    return asSystem(this.db, CURRENT_USER, (db) => findCurrentUser(db, userId))
  }

  /** An active account by email, with the actor it acts as: for the command line's --as. */
  async userByEmail(email: string): Promise<(CurrentUser & { actor: Actor }) | undefined> {
    const user = await asSystem(this.db, 'the command line acts as a named person', async (db) => {
      const found = await findUserByEmail(db, email)
      return found ? await findCurrentUser(db, found.id) : undefined
    })
    return user ? { ...user, actor: actorOf(user) } : undefined
  }

  async addUser(
    request: { organisationName: string; email: string; displayName: string; role: string; password: string },
    actor: SystemActor,
  ) {
    const email = request.email.trim()
    const displayName = request.displayName.trim()
    if (!(STAFF_ROLES as readonly string[]).includes(request.role))
      throw new RefusedError(`"${request.role}" is not a role. Use one of: ${STAFF_ROLES.join(', ')}`)
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new RefusedError(`"${email}" is not an email address`)
    if (displayName === '') throw new RefusedError('Give the person a name with --name')
    const [organisation, existing] = await asSystem(this.db, ADD_ACCOUNT, (db) =>
      Promise.all([findOrganisationByName(db, request.organisationName), findUserByEmail(db, email)]),
    )
    if (!organisation) throw new RefusedError(`There is no organisation called "${request.organisationName}"`)
    if (existing) throw new RefusedError(`There is already an account with the email address ${email}`)
    const passwordHash = await hashPassword(request.password)
    const now = this.clock.now()
    await asSystem(this.db, ADD_ACCOUNT, async (trx) => {
      const id = await insertUser(trx, { organisationId: organisation.id, email, displayName, role: request.role, passwordHash })
      await recordAudit(
        trx,
        actor,
        { action: 'create', subjectType: 'user', subjectId: id, subjectOrganisationId: organisation.id, details: { role: request.role } },
        { ip: null },
        now,
      )
    })
    return { email, displayName, role: request.role as StaffRole, organisationName: organisation.name }
  }
}
