import type { z } from 'zod'
import type { Actor, StaffRole } from '../../db/actor.ts'
import type { Origin } from '../../platform/audit.ts'
import type { HouseholdService } from '../assessment/household-service.ts'
import type { AssessmentService } from '../assessment/service.ts'
import type { AccommodationService } from '../casework/accommodation-service.ts'
import type { Refusal } from '../../platform/commands.ts'
import type { NonCooperationService } from '../casework/non-cooperation-service.ts'
import type { CaseworkService } from '../casework/service.ts'
import type { CaseKernel } from '../case/kernel.ts'
import type { LettersService } from '../letters/service.ts'
import type { PlanService } from '../plans/service.ts'
import type { ReviewService } from '../reviews/service.ts'
import type { ApiOperation } from './openapi.ts'

/** The case commands' building blocks, shared by the modules that describe each feature's commands. */

export type Officer = Extract<Actor, { kind: 'user' }>
export interface Services {
  cases: CaseKernel
  accommodation: AccommodationService
  reviews: ReviewService
  casework: CaseworkService
  nonCooperation: NonCooperationService
  household: HouseholdService
  assessment: AssessmentService
  plans: PlanService
  letters: LettersService
}
export interface Result {
  outcome: string
  refusals?: Refusal[]
  reference?: string
  stage?: string
  id?: string
}

/** The officers who run cases: the roles the casework pages let in. */
export const CASE_OFFICERS: readonly StaffRole[] = ['caseworker', 'team_manager']

/**
 * A case command: its JSON body is the command itself, read through the same schema as the caseworker
 * page's form, and the service's refusals come back at the body's paths.
 */
export interface Command<Body> {
  operation: Omit<ApiOperation, 'method' | 'responses' | 'requestBody'>
  body: z.ZodType<Body>
  /** The roles the page lets give the command; any other answers 403, as the page does. */
  roles?: readonly StaffRole[]
  /** What a 409 says, when the version sent is of something other than the case. */
  conflict?: string
  run(
    services: Services,
    officer: Officer,
    reference: string,
    command: Body,
    origin: Origin,
    params: Record<string, string | undefined>,
  ): Promise<Result>
}

export const command = <Body>(c: Command<Body>) => c as unknown as Command<unknown>

/**
 * A case reading: what the caseworker page shows, as JSON, through the page's own service method (so a
 * read of personal details is audited exactly as the page audits it). `undefined` answers 404.
 */
export interface Reading {
  operation: { path: string; summary: string; description?: string }
  response: z.ZodType
  roles: readonly StaffRole[]
  read(services: Services, officer: Officer, params: Record<string, string>, origin: Origin): Promise<unknown>
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
