import { Router, type Request } from 'express'
import type { Logger } from 'pino'
import { requireSignIn, SIGNED_IN_MARKER, signedIn } from '../../platform/http/authentication.ts'
import type { DatabaseSessionStore } from '../../platform/http/session-store.ts'
import type { Clock } from '../../platform/clock.ts'
import type { OidcSignIn } from '../../platform/oidc.ts'
import type { AccountService, SignInResult } from './service.ts'
import { originOf } from '../../platform/http/origin.ts'

export function accountRoutes(deps: {
  accounts: AccountService
  oidc: OidcSignIn | undefined
  secureCookies: boolean
  logger: Logger
  clock: Clock
  sessions: DatabaseSessionStore
  sessionsPerPerson: number
}): Router {
  const router = Router()
  const { accounts, oidc } = deps

  /** A new session id on sign-in, so a session fixed before sign-in cannot be used after it. */
  async function startSession(req: Request, userId: string, now: Date): Promise<void> {
    const returnTo = req.session.returnTo
    await new Promise<void>((resolve, reject) => {
      req.session.regenerate((error: Error | undefined) => {
        if (error) reject(error)
        else resolve()
      })
    })
    // A person has a few sessions at most (a desk, a laptop, a phone): one more ends the oldest, so a
    // session left signed in somewhere forgotten does not stay usable for ever alongside new ones.
    await deps.sessions.makeRoomFor(userId, deps.sessionsPerPerson)
    req.session.userId = userId
    req.session.signedInAt = now.getTime()
    req.session.returnTo = returnTo
  }

  router.get('/sign-in', (req, res) => {
    if (res.locals.currentUser) {
      res.redirect(303, '/')
      return
    }
    const ended = req.query['ended'] === '1'
    res.render('features/accounts/views/sign-in.njk', {
      pageTitle: 'Sign in',
      ended,
      sso: oidc !== undefined,
      ssoOrganisation: oidc?.organisationName,
    })
  })

  router.post('/sign-in', async (req, res) => {
    const body = req.body as Record<string, unknown>
    const email = typeof body['email'] === 'string' ? body['email'].trim() : ''
    const password = typeof body['password'] === 'string' ? body['password'] : ''
    const errors: { text: string; href: string }[] = []
    let status = 400
    if (email === '') errors.push({ text: 'Enter your email address', href: '#email' })
    if (password === '') errors.push({ text: 'Enter your password', href: '#password' })
    if (errors.length === 0) {
      const result = await accounts.signInWithPassword(email, password, originOf(req))
      if (result.outcome === 'signed_in') {
        await startSession(req, result.userId, deps.clock.now())
        res.cookie(SIGNED_IN_MARKER, '1', { httpOnly: true, sameSite: 'lax', secure: deps.secureCookies })
        res.redirect(303, safeReturnTo(req))
        return
      }
      errors.push({ text: messageFor(result), href: '#email' })
      if (result.outcome === 'throttled') {
        status = 429
        res.set('Retry-After', String(result.retryAfterSeconds))
      }
    }
    res.status(status).render('features/accounts/views/sign-in.njk', {
      pageTitle: 'Sign in',
      errors,
      fieldErrors: fieldErrorsOf(errors),
      email,
      sso: oidc !== undefined,
      ssoOrganisation: oidc?.organisationName,
    })
  })

  router.post('/sign-out', async (req, res) => {
    const user = res.locals.currentUser
    if (user) await accounts.recordSignOut(user, originOf(req))
    await new Promise<void>((resolve) => {
      req.session.destroy(() => {
        resolve()
      })
    })
    res.clearCookie(SIGNED_IN_MARKER)
    res.redirect(303, '/signed-out')
  })

  router.get('/account/sessions', requireSignIn, async (req, res) => {
    const { user } = signedIn(res)
    const ended = Number(req.query['ended'])
    res.render('features/accounts/views/sessions.njk', {
      pageTitle: 'Your sessions',
      limit: deps.sessionsPerPerson,
      sessions: await deps.sessions.sessionsOf(user.id, req.sessionID),
      ended: Number.isInteger(ended) && ended >= 0 && typeof req.query['ended'] === 'string' ? ended : undefined,
    })
  })

  router.post('/account/sessions/end', requireSignIn, async (req, res) => {
    const { user } = signedIn(res)
    const handle = (req.body as Record<string, unknown>)['session']
    if (typeof handle !== 'string' || handle === '') {
      res.status(400).render('features/accounts/views/sessions.njk', {
        pageTitle: 'Your sessions',
        limit: deps.sessionsPerPerson,
        sessions: await deps.sessions.sessionsOf(user.id, req.sessionID),
        errors: [{ text: 'Choose a session to end', href: '#sessions' }],
      })
      return
    }
    const count = await deps.sessions.endSessionOf(user.id, handle, req.sessionID)
    if (count > 0) await accounts.recordSessionsEnded(user, count, originOf(req))
    res.redirect(303, `/account/sessions?ended=${String(count)}`)
  })

  router.post('/account/sessions/end-others', requireSignIn, async (req, res) => {
    const { user } = signedIn(res)
    const count = await deps.sessions.endOtherSessionsOf(user.id, req.sessionID)
    if (count > 0) await accounts.recordSessionsEnded(user, count, originOf(req))
    res.redirect(303, `/account/sessions?ended=${String(count)}`)
  })

  router.get('/signed-out', (_req, res) => {
    res.render('features/accounts/views/signed-out.njk', { pageTitle: 'You have signed out' })
  })

  if (oidc) {
    router.get('/sign-in/sso', async (req, res) => {
      let login
      try {
        login = await oidc.start()
      } catch (error) {
        deps.logger.warn({ err: error }, 'single sign-on discovery failed')
        res.status(503).render('features/accounts/views/sign-in.njk', {
          pageTitle: 'Sign in',
          errors: [
            {
              text: 'Single sign-on is not available at the moment. Sign in with your email address and password, or try again later.',
              href: '#email',
            },
          ],
          sso: true,
          ssoOrganisation: oidc.organisationName,
        })
        return
      }
      req.session.oidc = { state: login.state, nonce: login.nonce, codeVerifier: login.codeVerifier }
      res.redirect(303, login.url.href)
    })

    router.get('/sign-in/sso/callback', async (req, res) => {
      const login = req.session.oidc
      delete req.session.oidc
      let result: SignInResult = { outcome: 'wrong_details' }
      if (login) {
        try {
          const claims = await oidc.finish(new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`), login)
          result = await accounts.signInWithOidc(claims, oidc.organisationName, originOf(req))
        } catch (error) {
          deps.logger.warn({ err: error }, 'single sign-on callback failed')
        }
      }
      if (result.outcome === 'signed_in') {
        await startSession(req, result.userId, deps.clock.now())
        res.cookie(SIGNED_IN_MARKER, '1', { httpOnly: true, sameSite: 'lax', secure: deps.secureCookies })
        res.redirect(303, safeReturnTo(req))
        return
      }
      res.status(401).render('features/accounts/views/sign-in.njk', {
        pageTitle: 'Sign in',
        errors: [
          {
            text: 'Single sign-on did not confirm an account on this service. Ask your administrator to set up your account.',
            href: '#email',
          },
        ],
        sso: true,
        ssoOrganisation: oidc.organisationName,
      })
    })
  }

  return router
}

function safeReturnTo(req: Request): string {
  const target = req.session.returnTo
  delete req.session.returnTo
  // Only paths on this service: never an absolute or protocol-relative URL.
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') ? target : '/'
}

function messageFor(result: Exclude<SignInResult, { outcome: 'signed_in' }>): string {
  switch (result.outcome) {
    // A closed account is told the same as a wrong password, so nobody can learn which accounts exist.
    case 'wrong_details':
    case 'disabled':
      return 'Enter a correct email address and password'
    case 'throttled':
      return `There have been too many attempts to sign in. Wait ${String(result.retryAfterSeconds)} ${result.retryAfterSeconds === 1 ? 'second' : 'seconds'}, then try again`
  }
}

function fieldErrorsOf(errors: { text: string; href: string }[]): Record<string, { text: string }> {
  return Object.fromEntries(errors.map((e) => [e.href.slice(1), { text: e.text }]))
}
