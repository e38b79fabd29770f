import type { Request, RequestHandler } from 'express'
import { csrfSync } from 'csrf-sync'

/**
 * The synchroniser-token pattern: a secret token kept in the session and written into every form,
 * checked on every unsafe request, before the request's body is read when it is an upload. Browser
 * tests read it from the form like a browser does.
 */
export function csrfProtection(): RequestHandler[] {
  const { csrfSynchronisedProtection, generateToken } = csrfSync({
    getTokenFromRequest: (req: Request) => {
      const body = req.body as Record<string, unknown> | undefined
      const fromBody = body?.['_csrf']
      if (typeof fromBody === 'string') return fromBody
      const fromHeader = req.get('x-csrf-token')
      if (fromHeader !== undefined) return fromHeader
      // An upload's body is checked only after the token: the upload form names it in its action URL.
      // Only there, so that no other link can carry the token into a browser's history or a Referer.
      const fromQuery = req.is('multipart/form-data') ? (req.query as Record<string, unknown>)['_csrf'] : undefined
      return typeof fromQuery === 'string' ? fromQuery : undefined
    },
  })
  // Made when a form asks for it, not for every request: a session is stored only once it holds
  // something, so a page without a form (a redirect, a 404, the privacy notice) stores none.
  const exposeToken: RequestHandler = (req, res, next) => {
    res.locals.csrfToken = () => generateToken(req)
    next()
  }
  return [csrfSynchronisedProtection, exposeToken]
}

export function isCsrfError(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'EBADCSRFTOKEN'
}
