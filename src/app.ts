import path from 'node:path'
import express, { type RequestHandler } from 'express'
import session from 'express-session'
import { accountRoutes } from './features/accounts/routes.ts'
import { apiRoutes } from './features/api/routes.ts'
import { assessmentRoutes } from './features/assessment/routes.ts'
import { auditRoutes } from './features/audit/routes.ts'
import { accommodationRoutes } from './features/casework/accommodation-routes.ts'
import { nonCooperationRoutes } from './features/casework/non-cooperation-routes.ts'
import { caseworkRoutes } from './features/casework/routes.ts'
import { letterRoutes } from './features/letters/routes.ts'
import { evaluationReportRoutes } from './features/monitoring/report-routes.ts'
import { hclicRoutes } from './features/hclic/routes.ts'
import { hclicTableRoutes } from './features/hclic/tables-routes.ts'
import { hclicValidationRoutes } from './features/hclic/validation-routes.ts'
import { monitoringRoutes } from './features/monitoring/routes.ts'
import { qualityRoutes } from './features/monitoring/quality-routes.ts'
import { performanceRoutes } from './features/monitoring/performance-routes.ts'
import { monitoringExportRoutes } from './features/monitoring/export-routes.ts'
import { monitoringImportRoutes, uploadLimitFor } from './features/monitoring/import-routes.ts'
import { monitoringUploadParser } from './features/monitoring/import-upload.ts'
import { homeRoutes } from './features/home/routes.ts'
import { outboxRoutes } from './features/outbox/routes.ts'
import { pageRoutes } from './features/pages/routes.ts'
import { planRoutes } from './features/plans/routes.ts'
import { referralRoutes } from './features/referrals/routes.ts'
import { reviewRoutes } from './features/reviews/routes.ts'
import { loadCurrentUser } from './platform/http/authentication.ts'
import { csrfProtection } from './platform/http/csrf.ts'
import { errorHandler, notFound } from './platform/http/errors.ts'
import { refuseUnstorableInput } from './platform/http/bad-input.ts'
import { securityHeaders } from './platform/http/security-headers.ts'
import { DatabaseSessionStore } from './platform/http/session-store.ts'
import { createViews } from './platform/views.ts'
import type { Services } from './services.ts'
import { ownerDb } from './db/modes.ts'

const root = path.resolve(import.meta.dirname, '..')

/** The one composition root: the whole web service, built from the services it is given. */
export function createApp(services: Services): express.Express {
  const { config, clock, logger } = services
  const production = config.environment === 'production'
  const app = express()
  app.disable('x-powered-by')
  // Forwarded headers only from the proxies the operator named: anyone can send X-Forwarded-For.
  app.set('trust proxy', config.trustedProxies.length > 0 ? config.trustedProxies : false)
  app.set('view engine', 'njk')
  createViews().express(app)
  app.locals.serviceOwner = config.serviceOwner

  app.use(requestLog(services))
  app.use(securityHeaders({ production }))

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' })
  })
  const staticOptions = { maxAge: production ? '1d' : 0, index: false }
  app.use('/build', express.static(path.join(root, 'public/build'), staticOptions))
  app.use('/assets', express.static(path.join(root, 'node_modules/govuk-frontend/dist/govuk/assets'), staticOptions))
  app.use('/assets', express.static(path.join(root, 'node_modules/@ministryofjustice/frontend/moj/assets'), staticOptions))
  app.get('/assets/govuk-frontend.min.js', (_req, res) => {
    res.sendFile(path.join(root, 'node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js'))
  })

  // Everything below is about people: no browser or proxy may keep a copy.
  app.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store')
    next()
  })

  // Partner systems: API keys, JSON in and out, no cookies.
  app.use('/api/v1', apiRoutes(services))

  // People: a session, CSRF protection on every form, the signed-in person.
  const store = new DatabaseSessionStore(ownerDb(services.database.db), clock, config.sessionIdleMinutes)
  app.use(
    session({
      name: 'upstream_session',
      secret: config.sessionSecret,
      store,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: production, maxAge: config.sessionIdleMinutes * 60_000 },
    }),
  )
  // The public self-referral form is small; anything bigger is not a person filling it in.
  app.use('/refer-yourself', express.urlencoded({ extended: false, limit: '20kb' }))
  app.use(express.urlencoded({ extended: false, limit: '200kb' }))
  app.use(refuseUnstorableInput())
  app.use(csrfProtection())
  app.use(loadCurrentUser(services.accounts, clock, config.sessionAbsoluteHours))
  // After the session, the CSRF token and the person are checked: nothing is written for anyone else.
  app.use(monitoringUploadParser(uploadLimitFor))

  app.use(pageRoutes())
  app.use(
    accountRoutes({
      accounts: services.accounts,
      oidc: services.oidc,
      secureCookies: production,
      logger,
      clock,
      sessions: store,
      sessionsPerPerson: config.sessionsPerPerson,
    }),
  )
  app.use(homeRoutes(services))
  app.use(caseworkRoutes(services))
  app.use(nonCooperationRoutes(services))
  app.use(accommodationRoutes(services))
  app.use(assessmentRoutes(services))
  app.use(planRoutes(services))
  app.use(letterRoutes(services))
  app.use(referralRoutes(services))
  app.use(hclicRoutes(services))
  app.use(hclicTableRoutes(services))
  app.use(hclicValidationRoutes(services))
  app.use(monitoringRoutes(services))
  app.use(qualityRoutes(services))
  app.use(performanceRoutes(services))
  app.use(evaluationReportRoutes(services))
  app.use(monitoringImportRoutes(services))
  app.use(monitoringExportRoutes(services))
  app.use(reviewRoutes(services))
  app.use(auditRoutes(services))
  app.use(outboxRoutes(services))

  app.use(notFound)
  app.use(errorHandler(logger))
  return app
}

/** One line per request: method, route pattern, status and time. No URLs, so nothing personal. */
function requestLog(services: Services): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint()
    res.on('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path
      services.logger.info(
        {
          method: req.method,
          route: route === undefined ? '(unmatched)' : `${req.baseUrl}${route}`,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      )
    })
    next()
  }
}
