import { Router } from 'express'
import { requirePermission, requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import type { MonitoringService } from './service.ts'

/** Who works with monitoring data and evidence: an organisation's analysts and team managers. */
export const EVIDENCE_TEAM = requirePermission('monitoring.read')

/** Monitoring and evaluation: the programmes the user's organisation leads and what can be done with their data. */
export function monitoringRoutes(deps: { monitoring: MonitoringService }): Router {
  const router = Router()
  router.get('/monitoring', requireSignIn, EVIDENCE_TEAM, async (_req, res) => {
    const { actor } = signedIn(res)
    const programmes = await deps.monitoring.programmesFor(actor)
    res.render('features/monitoring/views/hub.njk', { pageTitle: 'Monitoring and evaluation', programmes })
  })
  return router
}
