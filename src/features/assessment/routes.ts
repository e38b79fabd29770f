import { Router } from 'express'
import type { Clock } from '../../platform/clock.ts'
import { householdRoutes } from './household-routes.ts'
import type { HouseholdService } from './household-service.ts'

/** The household and the assessment (s189A) of a case. */
export function assessmentRoutes(deps: { household: HouseholdService; clock: Clock }): Router {
  const router = Router()
  router.use(householdRoutes(deps))
  return router
}
