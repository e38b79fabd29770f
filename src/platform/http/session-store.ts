import { createHash } from 'node:crypto'
import session from 'express-session'
import type { Clock } from '../clock.ts'
import { asSystem, type OwnerDb, type SystemReason } from '../../db/modes.ts'
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  findSession,
  keepNewestSessions,
  saveSession,
  sessionsOfUser,
  touchSession,
} from './session-queries.ts'

/** One of a person's sessions as they may see it: never the session id, only a one-way hash of it. */
export interface SessionSummary {
  handle: string
  startedAt: Date
  lastActiveAt: Date
  current: boolean
}

/**
 * Sessions live in the database so that they survive restarts and can be ended centrally. The row's
 * key is a hash of the session id, so a copy of the table cannot be used to take over a session.
 */
export class DatabaseSessionStore extends session.Store {
  private readonly db: OwnerDb
  private readonly clock: Clock
  private readonly idleMinutes: number

  constructor(db: OwnerDb, clock: Clock, idleMinutes: number) {
    super()
    this.db = db
    this.clock = clock
    this.idleMinutes = idleMinutes
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    asSystem(this.db, SESSIONS, (db) => findSession(db, keyOf(sid), this.clock.now()))
      .then((found) => {
        // The stored expiry travels with the session, so touch() can tell whether it needs a write.
        callback(null, found ? ({ ...found.data, [STORED_EXPIRY]: found.expiresAt.getTime() } as unknown as session.SessionData) : null)
      })
      .catch((error: unknown) => {
        callback(error)
      })
  }

  override set(sid: string, data: session.SessionData, callback?: (err?: unknown) => void): void {
    const userId = (data as { userId?: string }).userId ?? null
    const { [STORED_EXPIRY]: _stored, ...kept } = data as unknown as Record<string, unknown>
    asSystem(this.db, SESSIONS, (db) =>
      saveSession(db, {
        id: keyOf(sid),
        userId,
        data: kept,
        now: this.clock.now(),
        expiresAt: this.expiry(),
      }),
    )
      .then(() => callback?.())
      .catch((error: unknown) => callback?.(error))
  }

  override touch(sid: string, data: session.SessionData, callback?: () => void): void {
    const stored = (data as unknown as Record<string, unknown>)[STORED_EXPIRY]
    const expiry = this.expiry()
    // Idle expiry to the minute is precise enough: most page views need no write, nor even a query.
    if (typeof stored === 'number' && expiry.getTime() - stored < TOUCH_GRANULARITY_MS) {
      callback?.()
      return
    }
    asSystem(this.db, SESSIONS, (db) => touchSession(db, keyOf(sid), expiry))
      .then(() => callback?.())
      .catch(() => callback?.())
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    asSystem(this.db, SESSIONS, (db) => deleteSession(db, keyOf(sid)))
      .then(() => callback?.())
      .catch((error: unknown) => callback?.(error))
  }

  /**
   * Ends a person's oldest sessions so that, with the one they are starting, they have at most `limit`:
   * call before the new session is saved.
   */
  async makeRoomFor(userId: string, limit: number): Promise<number> {
    return asSystem(this.db, SESSIONS, (db) => keepNewestSessions(db, userId, Math.max(0, limit - 1)))
  }

  /** A person's live sessions, newest first, marking the one with this session id. */
  async sessionsOf(userId: string, currentSid: string): Promise<SessionSummary[]> {
    const current = keyOf(currentSid)
    const rows = await asSystem(this.db, SESSIONS, (db) => sessionsOfUser(db, userId, this.clock.now()))
    return rows.map((row) => ({
      handle: row.id,
      startedAt: row.createdAt,
      // The idle expiry moves on with each request (to the minute), so it tells when the session was last used.
      lastActiveAt: new Date(row.expiresAt.getTime() - this.idleMinutes * 60_000),
      current: row.id === current,
    }))
  }

  /** Ends one of a person's own sessions by its handle (never the current one: that is signing out). */
  async endSessionOf(userId: string, handle: string, currentSid: string): Promise<number> {
    if (handle === keyOf(currentSid)) return 0
    return asSystem(this.db, SESSIONS, (db) => deleteSessionsOfUser(db, userId, { only: handle }))
  }

  /** Ends every session of a person except this one. */
  async endOtherSessionsOf(userId: string, currentSid: string): Promise<number> {
    return asSystem(this.db, SESSIONS, (db) => deleteSessionsOfUser(db, userId, { except: keyOf(currentSid) }))
  }

  /** Removes sessions past their expiry; run now and then so the table does not grow. */
  async prune(): Promise<number> {
    return asSystem(this.db, SESSIONS, (db) => deleteExpiredSessions(db, this.clock.now()))
  }

  private expiry(): Date {
    return new Date(this.clock.now().getTime() + this.idleMinutes * 60_000)
  }
}

/**
 * Session rows are the plumbing of every request, before anyone is known: a record of each lookup would
 * bury the audit trail, and the sign-ins and sign-outs that matter are audited where they happen.
 */
const SESSIONS: SystemReason = { reason: 'sessions', noRecordBecause: 'runs on every request; sign-in and sign-out are audited' }
const STORED_EXPIRY = 'storedExpiresAt'
const TOUCH_GRANULARITY_MS = 60_000

function keyOf(sid: string): string {
  return createHash('sha256').update(sid).digest('base64url')
}
