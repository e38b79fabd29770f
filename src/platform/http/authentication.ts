import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { actorOf } from '../current-user.ts'
import type { CurrentUser } from '../current-user.ts'
import type { Clock } from '../clock.ts'
import { navigationFor } from './navigation.ts'
import { rolesThatMay, type Permission } from '../permissions.ts'

/** Set on sign-in and cleared on sign-out, so an ended session can be told apart from never signing in. */
export const SIGNED_IN_MARKER = 'upstream_signed_in'

/**
 * Loads the signed-in person for every request. A session past its absolute lifetime, or whose account
 * has been disabled since, is ended here.
 */
/** Who is signed in, looked up by the accounts feature, which the platform does not import. */
export interface CurrentUsers {
  currentUser(userId: string): Promise<CurrentUser | undefined>
}

export function loadCurrentUser(accounts: CurrentUsers, clock: Clock, absoluteHours: number): RequestHandler {
  return async (req, res, next) => {
    const userId = req.session.userId
    if (userId === undefined) {
      next()
      return
    }
    const expired = req.session.signedInAt === undefined || clock.now().getTime() - req.session.signedInAt > absoluteHours * 3_600_000
    const user = expired ? undefined : await accounts.currentUser(userId)
    if (!user) {
      await new Promise<void>((resolve) => {
        req.session.regenerate(() => {
          resolve()
        })
      })
      next()
      return
    }
    res.locals.currentUser = user
    res.locals.actor = actorOf(user)
    res.locals.navigation = navigationFor(user.role, req.path)
    next()
  }
}

/** Pages behind this need a signed-in person; others are sent to sign in and brought back afterwards. */
export const requireSignIn: RequestHandler = (req, res, next) => {
  if (res.locals.currentUser) {
    next()
    return
  }
  if (req.method === 'GET') req.session.returnTo = req.originalUrl
  const ended = hasMarker(req)
  res.redirect(303, ended ? '/sign-in?ended=1' : '/sign-in')
}

function hasMarker(req: Request): boolean {
  return (req.headers.cookie ?? '').split(';').some((c) => c.trim().startsWith(`${SIGNED_IN_MARKER}=`))
}

export class ForbiddenError extends Error {
  constructor(message = 'You do not have permission to see this page') {
    super(message)
    this.name = 'ForbiddenError'
  }
}

/** A guard from the permission table, so a page refuses exactly whom its service and the database refuse. */
export function requirePermission(permission: Permission): RequestHandler {
  return requireRole(...(rolesThatMay(permission) as CurrentUser['role'][]))
}

export function requireRole(...roles: CurrentUser['role'][]): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    const user = res.locals.currentUser
    if (user && roles.includes(user.role)) {
      next()
      return
    }
    next(new ForbiddenError())
  }
}

/** The signed-in person, for handlers behind requireSignIn. */
export function signedIn(res: Response): { user: CurrentUser; actor: NonNullable<Response['locals']['actor']> } {
  const user = res.locals.currentUser
  const actor = res.locals.actor
  if (!user || !actor) throw new Error('signedIn() used on a route without requireSignIn')
  return { user, actor }
}
