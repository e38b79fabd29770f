import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express'
import type { Logger } from 'pino'
import { originOf } from '../../platform/http/origin.ts'
import { BadInputError, refuseUnstorableInput } from '../../platform/http/bad-input.ts'
import { requestProblem } from '../../platform/http/errors.ts'
import type { RateLimiter } from '../../platform/rate-limits.ts'
import type { ReferralIntake } from '../referrals/intake.ts'
import type { ReferralService } from '../referrals/service.ts'
import { readSubmission, SubmitReferral } from '../referrals/commands.ts'
import type { ApiKeyService } from './api-keys.ts'
import { CASE_OPERATIONS, caseApiRoutes } from './case-routes.ts'
import type { Services } from './commands.ts'
import { openApiDocument, type ApiOperation } from './openapi.ts'
import { REFERRAL_OPERATIONS, referralApiRoutes } from './referral-api.ts'
import { ApiError, ReferralReceipt } from './schemas.ts'

export const API_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'post',
    path: '/referrals',
    summary: 'Refer someone under the duty to refer (s213B)',
    description:
      'With the person’s consent, to the housing authority they chose. Send an `Idempotency-Key` header to retry safely: the same key and body answer with the same referral, never a second one; the same key with another body answers 409. Every problem with the body is listed at once (422); a referral without all three consents is refused and nothing about the person is kept.',
    requestBody: SubmitReferral,
    responses: {
      201: { description: 'Received', body: ReferralReceipt },
      200: { description: 'A retry with the same Idempotency-Key and body: the referral first made', body: ReferralReceipt },
      400: { description: 'The body is not JSON', body: ApiError },
      403: { description: 'The key’s organisation is not a referring body', body: ApiError },
      409: { description: 'The Idempotency-Key was used with a different body', body: ApiError },
      413: { description: 'The body is larger than 100 KB', body: ApiError },
      415: { description: 'The body is not sent as application/json', body: ApiError },
      422: { description: 'Every problem with the referral, each with its path in the body', body: ApiError },
    },
  },
  ...REFERRAL_OPERATIONS,
  ...CASE_OPERATIONS,
]

function apiError(status: number, message: string, path = ''): { status: number; body: { errors: { path: string; message: string }[] } } {
  return { status, body: { errors: [{ path, message }] } }
}

/** Partner systems authenticate with `Authorization: Bearer KEY`; there are no cookies, so no CSRF. */
function apiKeyAuthentication(apiKeys: ApiKeyService): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization') ?? ''
    const match = /^Bearer\s+(\S+)$/i.exec(header)
    const actor = match?.[1] ? await apiKeys.authenticate(match[1]) : undefined
    if (!actor) {
      const { status, body } = apiError(
        401,
        header === '' ? 'Send your organisation’s API key as "Authorization: Bearer KEY"' : 'That API key is not valid or has been revoked',
      )
      res.status(status).set('WWW-Authenticate', 'Bearer').json(body)
      return
    }
    res.locals.actor = actor
    next()
  }
}

/** Requests a partner's key may make: writes per minute and per day, reads per minute. */
export const API_KEY_LIMITS = { writesPerMinute: 60, writesPerDay: 2000, readsPerMinute: 600 } as const

/**
 * A partner's key cannot flood the service (a referral and its messages each send email and texts):
 * over a limit the request is answered 429 with the seconds to wait, before its body is read.
 */
function apiKeyLimits(limits: RateLimiter): RequestHandler {
  return async (req, res, next) => {
    const actor = res.locals.actor
    const keyId = actor?.kind === 'api_key' ? actor.apiKeyId : actor?.kind === 'user' ? actor.viaApiKeyId : undefined
    if (keyId === undefined) {
      next()
      return
    }
    const reading = req.method === 'GET' || req.method === 'HEAD'
    const bucket = limits.bucket(reading ? 'api-reads-by' : 'api-writes-by', keyId)
    const limited = await limits.take(
      reading
        ? [{ bucket, max: API_KEY_LIMITS.readsPerMinute, seconds: 60 }]
        : [
            { bucket, max: API_KEY_LIMITS.writesPerMinute, seconds: 60 },
            { bucket, max: API_KEY_LIMITS.writesPerDay, seconds: 86_400 },
          ],
    )
    if (limited) {
      const { status, body } = apiError(
        429,
        `This key has made too many requests; try again in ${String(limited.retryAfterSeconds)} seconds`,
      )
      res.status(status).set('Retry-After', String(limited.retryAfterSeconds)).json(body)
      return
    }
    next()
  }
}

export function apiRoutes(
  deps: Services & {
    apiKeys: ApiKeyService
    referrals: ReferralService
    referralIntake: ReferralIntake
    limits: RateLimiter
    logger: Logger
  },
): Router {
  const router = Router()
  const document = openApiDocument(API_OPERATIONS)

  router.get('/openapi.json', (_req, res) => {
    res.json(document)
  })

  // Who is asking comes first; then the type, before the body is read, so that a form or plain text is
  // told its type is wrong rather than that it is bad JSON.
  router.use(apiKeyAuthentication(deps.apiKeys))
  router.use(apiKeyLimits(deps.limits))
  router.post('/referrals', (req, res, next) => {
    if (req.is('application/json')) {
      next()
      return
    }
    const { status, body } = apiError(415, 'Send the referral as JSON, with "Content-Type: application/json"')
    res.status(status).json(body)
  })
  router.use(express.json({ limit: '100kb', type: () => true }))
  router.use(refuseUnstorableInput())

  router.post('/referrals', async (req, res) => {
    const actor = res.locals.actor
    if (!actor) throw new Error('unauthenticated')
    const result = await deps.referralIntake.submit(actor, readSubmission(req.body), {
      idempotencyKey: req.get('idempotency-key'),
      origin: originOf(req),
    })
    switch (result.outcome) {
      case 'created': {
        const { receipt } = result
        res
          .status(201)
          .location(`/api/v1/referrals/${receipt.id}`)
          .json(
            ReferralReceipt.parse({
              id: receipt.id,
              reference: receipt.reference,
              status: receipt.status,
              receivedAt: receipt.receivedAt.toISOString(),
            }),
          )
        return
      }
      case 'replayed': {
        const found = await deps.referrals.view(actor, result.referralId, originOf(req))
        if (!found) throw new Error('a replayed referral is the organisation’s own')
        const { referral } = found
        res.status(200).json(
          ReferralReceipt.parse({
            id: referral.id,
            reference: referral.reference,
            status: referral.status,
            receivedAt: referral.received_at.toISOString(),
          }),
        )
        return
      }
      case 'invalid':
        res.status(422).json({ errors: result.refusals })
        return
      case 'not_allowed':
        res.status(403).json(apiError(403, result.message).body)
        return
      case 'idempotency_conflict':
        res
          .status(409)
          .json(
            apiError(409, 'This Idempotency-Key was used for a different referral. Use a new key for a new referral', 'Idempotency-Key')
              .body,
          )
        return
      case 'throttled':
        res.status(429).set('Retry-After', String(result.retryAfterSeconds)).json(apiError(429, 'Too many referrals; try again later').body)
        return
    }
  })

  router.use(referralApiRoutes(deps))

  router.use(caseApiRoutes(deps))

  router.use((_req, res) => {
    const { status, body } = apiError(404, 'There is no such API endpoint. See /api/v1/openapi.json')
    res.status(status).json(body)
  })

  const jsonErrors: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    const e = error as { type?: string; status?: number }
    if (e.type === 'entity.parse.failed') {
      const { status, body } = apiError(400, 'The request body is not a valid JSON object')
      res.status(status).json(body)
      return
    }
    if (e.type === 'entity.too.large') {
      const { status, body } = apiError(413, 'The request body is larger than 100 KB')
      res.status(status).json(body)
      return
    }
    if (error instanceof BadInputError) {
      const { status, body } = apiError(400, error.message, error.path)
      res.status(status).json(body)
      return
    }
    const refused = requestProblem(error)
    if (refused) {
      const { status, body } = apiError(refused.status, refused.message)
      res.status(status).json(body)
      return
    }
    deps.logger.error({ err: error }, 'API request failed')
    const { status, body } = apiError(500, 'Something went wrong on our side. Nothing was changed; try again later')
    res.status(status).json(body)
  }
  router.use(jsonErrors)

  return router
}
