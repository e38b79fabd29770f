import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { Logger } from 'pino'
import { ForbiddenError } from './authentication.ts'
import { isCsrfError } from './csrf.ts'
import { BadInputError } from './bad-input.ts'

export class NotFoundError extends Error {
  constructor(message = 'Page not found') {
    super(message)
    this.name = 'NotFoundError'
  }
}

export const notFound: RequestHandler = (_req, _res, next) => {
  next(new NotFoundError())
}

const NOTHING_SAVED = 'Nothing was saved. Go back, check what you entered and try again.'

/**
 * What the request's parsers (body, path, encoding) refused, as a 4xx and a sentence: they mark such
 * errors with a status under 500 and `expose`, and none of them is the service's fault.
 */
export function requestProblem(error: unknown): { status: number; message: string } | undefined {
  const e = error as { status?: unknown; expose?: unknown; type?: unknown } | null
  if (typeof e?.status !== 'number' || e.status < 400 || e.status >= 500 || e.expose === false) return undefined
  const messages: Record<string, string> = {
    'charset.unsupported': 'The text was sent in a character set other than UTF-8.',
    'encoding.unsupported': 'The request was compressed in a way this service does not read.',
    'parameters.too.many': 'The form had more fields than any form of this service.',
    'entity.parse.failed': 'The request body could not be read.',
    'request.aborted': 'The request ended before all of it arrived.',
    'request.size.invalid': 'The request was shorter or longer than it said it was.',
  }
  const known = typeof e.type === 'string' ? messages[e.type] : undefined
  return {
    status: e.status,
    message: known ?? (e.status === 400 ? 'The address or what was sent could not be read.' : 'The request could not be read.'),
  }
}

interface ErrorPage {
  status: number
  title: string
  paragraphs: string[]
}

function pageFor(error: unknown): ErrorPage {
  if (error instanceof NotFoundError) {
    return {
      status: 404,
      title: 'Page not found',
      paragraphs: [
        'If you typed the web address, check it is correct.',
        'If you pasted the web address, check you copied the entire address.',
        'If the address is right, the record may have been moved, or you may not have access to it.',
      ],
    }
  }
  if (error instanceof ForbiddenError) {
    return {
      status: 403,
      title: 'You cannot see this page',
      paragraphs: [error.message, 'If you think you should have access, ask your manager or your organisation’s administrator.'],
    }
  }
  if (isCsrfError(error)) {
    return {
      status: 403,
      title: 'Your form could not be sent',
      paragraphs: [
        'The form was out of date or did not come from this service, so nothing was saved.',
        'Go back, reload the page and try again.',
      ],
    }
  }
  if ((error as { type?: string }).type === 'entity.too.large') {
    return { status: 413, title: 'What you sent is too large', paragraphs: ['Nothing was saved. Make the text shorter and try again.'] }
  }
  if (error instanceof BadInputError) {
    return { status: 400, title: 'What you sent could not be used', paragraphs: [`${error.message}.`, NOTHING_SAVED] }
  }
  const refused = requestProblem(error)
  if (refused) return { status: refused.status, title: 'What you sent could not be read', paragraphs: [refused.message, NOTHING_SAVED] }
  return {
    status: 500,
    title: 'Sorry, there is a problem with the service',
    paragraphs: [
      'Try again later.',
      'Anything you had already saved is safe. If you were part-way through a form, what you had not yet saved was not saved.',
    ],
  }
}

/**
 * Turns every error into a GOV.UK-style page (or a JSON error under /api), never a stack trace.
 * Unexpected errors are logged with the request id so they can be found, and nothing personal.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error)
      return
    }
    const page = pageFor(error)
    if (page.status >= 500)
      logger.error(
        { err: error, method: req.method, route: (req.route as { path?: string } | undefined)?.path ?? req.path },
        'request failed',
      )
    res.status(page.status)
    if (req.path.startsWith('/api/')) {
      res.json({ errors: [{ path: '', message: page.title }] })
      return
    }
    res.render('error.njk', { pageTitle: page.title, paragraphs: page.paragraphs, status: page.status })
  }
}
