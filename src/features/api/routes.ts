import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express'
import type { Logger } from 'pino'
import { originOf } from '../accounts/routes.ts'
import type { ReferralService } from '../referrals/service.ts'
import type { ApiKeyService } from './api-keys.ts'
import { CASE_OPERATIONS, caseApiRoutes } from './case-routes.ts'
import type { Services } from './commands.ts'
import { openApiDocument, type ApiOperation } from './openapi.ts'
import { ApiError, ReferralView, type ReferralViewBody } from './schemas.ts'

export const API_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/referrals/{id}',
    summary: 'A referral’s status and outcome',
    description: 'Only the referring organisation’s own referrals; any other id answers 404, whether or not it exists.',
    responses: {
      200: { description: 'The referral', body: ReferralView },
      404: { description: 'No referral of yours has that id', body: ApiError },
    },
  },
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

export function toReferralView(referral: {
  id: string
  reference: string
  authority_code: string | null
  status: string
  outcome: string
  outcome_details: string | null
  received_at: Date
  changes: { status: string; outcome: string; changed_at: Date }[]
}): ReferralViewBody {
  return ReferralView.parse({
    id: referral.id,
    reference: referral.reference,
    localAuthority: referral.authority_code ?? '',
    status: referral.status,
    outcome: referral.outcome,
    outcomeDetails: referral.outcome_details,
    receivedAt: referral.received_at.toISOString(),
    history: referral.changes.map((c) => ({ status: c.status, outcome: c.outcome, changedAt: c.changed_at.toISOString() })),
  })
}

export function apiRoutes(
  deps: Services & {
    apiKeys: ApiKeyService
    referrals: ReferralService
    logger: Logger
  },
): Router {
  const router = Router()
  const document = openApiDocument(API_OPERATIONS)

  router.get('/openapi.json', (_req, res) => {
    res.json(document)
  })

  router.use(express.json({ limit: '100kb', type: () => true }))
  router.use(apiKeyAuthentication(deps.apiKeys))

  router.get('/referrals/:id', async (req, res) => {
    const actor = res.locals.actor
    if (!actor) throw new Error('unauthenticated')
    const referral = await deps.referrals.view(actor, req.params.id, originOf(req))
    if (!referral) {
      const { status, body } = apiError(404, 'Your organisation has no referral with that id')
      res.status(status).json(body)
      return
    }
    res.json(toReferralView(referral))
  })

  router.use(caseApiRoutes(deps))

  router.use((_req, res) => {
    const { status, body } = apiError(404, 'There is no such API endpoint. See /api/v1/openapi.json')
    res.status(status).json(body)
  })

  const jsonErrors: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    const e = error as { type?: string; status?: number }
    if (e.type === 'entity.parse.failed') {
      const { status, body } = apiError(400, 'The request body is not valid JSON')
      res.status(status).json(body)
      return
    }
    if (e.type === 'entity.too.large') {
      const { status, body } = apiError(413, 'The request body is larger than 100 KB')
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
