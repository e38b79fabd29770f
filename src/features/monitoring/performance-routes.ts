import { Router } from 'express'
import { requirePermission, requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import type { Clock } from '../../platform/clock.ts'
import { originOf } from '../../platform/http/origin.ts'
import { PERFORMANCE_PERIODS, performancePeriodOf, type PerformanceService } from './performance-service.ts'

/** The performance indicators page, for an authority's (or a lead's) team managers and analysts. */
export function performanceRoutes(deps: { performance: PerformanceService; clock: Clock }): Router {
  const router = Router()
  router.get('/performance', requireSignIn, requirePermission('performance.read'), async (req, res) => {
    const { actor } = signedIn(res)
    const period = performancePeriodOf(req.query['period'], deps.clock.today())
    const found = await deps.performance.indicators(actor, period, originOf(req))
    if (!found) throw new NotFoundError()
    res.render('features/monitoring/views/performance.njk', {
      pageTitle: 'Performance indicators',
      ...found,
      period,
      periods: Object.entries(PERFORMANCE_PERIODS).map(([value, p]) => ({ value, text: p.label, selected: value === period.key })),
    })
  })
  return router
}
