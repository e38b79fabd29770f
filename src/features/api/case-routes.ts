import { Router, type Response } from 'express'
import { originOf } from '../../platform/http/origin.ts'
import { readCommand } from '../../platform/commands.ts'
import * as caseCommands from '../casework/commands.ts'
import { DecideReview, ExtendReviewPeriod, GiveMindedToNotice, RecordRepresentations, RequestReview } from '../reviews/commands.ts'
import { ASSESSMENT_COMMANDS, ASSESSMENT_READINGS } from './assessment-api.ts'
import { CaseloadView, CaseView, OfficersView, Recorded, ReviewsView } from './case-schemas.ts'
import { CASE_OFFICERS, command, type Command, type Officer, type Reading, type Services } from './commands.ts'
import { HOUSEHOLD_COMMANDS, HOUSEHOLD_READINGS } from './household-api.ts'
import { LETTER_COMMANDS, LETTER_READINGS } from './letter-api.ts'
import type { ApiOperation } from './openapi.ts'
import { PLAN_COMMANDS, PLAN_READINGS } from './plan-api.ts'
import { ApiError } from './schemas.ts'

const COMMANDS: Command<unknown>[] = [
  command({
    operation: {
      path: '/cases',
      summary: 'Record a new approach',
      description: 'Opens a case at approach, with the key’s officer named on it.',
    },
    body: caseCommands.RecordApproach,
    async run({ casework }, officer, _reference, approach, origin) {
      const result = await casework.recordApproach(officer, approach, origin)
      return result.outcome === 'not_allowed' ? { outcome: 'forbidden' } : result
    },
  }),
  command({
    operation: {
      path: '/cases/{reference}/decisions',
      summary: 'Record a decision',
      description: 'A duty owed, ended or decided. An unlawful move for the case’s stage is refused with the reason.',
    },
    body: caseCommands.RecordDecision,
    run: ({ casework }, officer, reference, decision, origin) => casework.recordDecision(officer, reference, decision, origin),
  }),
  command({
    operation: { path: '/cases/{reference}/officer', summary: 'Name another officer (team managers)' },
    body: caseCommands.NameOfficer,
    async run({ casework }, officer, reference, named, origin) {
      if (officer.role !== 'team_manager') return { outcome: 'forbidden' }
      return casework.reassign(officer, reference, named, origin)
    },
  }),
  command({
    operation: { path: '/cases/{reference}/non-cooperation/warning', summary: 'Give a non-cooperation warning (s193B(3))' },
    body: caseCommands.GiveWarning,
    run: ({ nonCooperation }, officer, reference, warning, origin) => nonCooperation.warn(officer, reference, warning, origin),
  }),
  command({
    operation: {
      path: '/cases/{reference}/non-cooperation/notice',
      summary: 'Decide a non-cooperation notice (s193B(2))',
      description: 'Once the warning’s reasonable period has passed. A second, more senior officer must authorise it.',
    },
    body: caseCommands.DecideNotice,
    run: ({ nonCooperation }, officer, reference, notice, origin) => nonCooperation.decideNotice(officer, reference, notice, origin),
  }),
  command({
    operation: {
      path: '/cases/{reference}/non-cooperation/authorisation',
      summary: 'Authorise a non-cooperation notice',
      description: 'By an officer other than the one who decided it, and more senior.',
    },
    body: caseCommands.AuthoriseNotice,
    run: ({ nonCooperation }, officer, reference, authorisation, origin) =>
      nonCooperation.authorise(officer, reference, authorisation, origin),
  }),
  command({
    operation: {
      path: '/cases/{reference}/temporary-accommodation/placement',
      summary: 'Place the household in temporary accommodation',
      description: 'Interim accommodation (s188) at approach or under the relief duty; s193 under the main housing duty.',
    },
    body: caseCommands.PlaceInAccommodation,
    run: ({ accommodation }, officer, reference, placement, origin) => accommodation.place(officer, reference, placement, origin),
  }),
  command({
    operation: { path: '/cases/{reference}/temporary-accommodation/ending', summary: 'End the current temporary accommodation placement' },
    body: caseCommands.EndPlacement,
    run: ({ accommodation }, officer, reference, ending, origin) => accommodation.end(officer, reference, ending, origin),
  }),
  command({
    operation: {
      path: '/cases/{reference}/reviews',
      summary: 'Record a review request (s202)',
      description:
        'Within 21 days of notification unless a longer period was agreed in writing; the decision is due 3, 8, 10 or 12 weeks after.',
    },
    body: RequestReview,
    async run({ reviews }, officer, reference, request, origin) {
      const result = await reviews.requestReview(officer, reference, request, origin)
      return result.outcome === 'recorded' ? { outcome: 'recorded', id: result.reviewId } : result
    },
  }),
  command({
    operation: {
      path: '/cases/{reference}/reviews/{reviewId}/decision',
      summary: 'Record the decision on a review',
      description: 'By an officer senior to the original decision maker and not involved in it; or the applicant’s withdrawal.',
    },
    body: DecideReview,
    async run({ reviews }, officer, reference, decision, origin, params) {
      const result = await reviews.decideReview(officer, reference, params['reviewId'] ?? '', decision, origin)
      return result.outcome === 'recorded' ? { outcome: 'recorded', id: result.reviewId } : result
    },
  }),
  command({
    operation: {
      path: '/cases/{reference}/reviews/{reviewId}/minded-to-notice',
      summary: 'Record the reviewer’s “minded to” notice (reg 7(2))',
      description:
        'The reviewer found a deficiency or irregularity in the original decision, or in the way it was made, but is minded to decide against the applicant: by an officer who may decide the review, once. Its letter is issued with it.',
    },
    body: GiveMindedToNotice,
    async run({ reviews }, officer, reference, notice, origin, params) {
      const result = await reviews.giveMindedToNotice(officer, reference, params['reviewId'] ?? '', notice, origin)
      return result.outcome === 'recorded' ? { outcome: 'recorded', id: result.reviewId } : result
    },
  }),
  command({
    operation: {
      path: '/cases/{reference}/reviews/{reviewId}/representations',
      summary: 'Record the applicant’s representations (reg 7(2)(b))',
      description:
        'In answer to the “minded to” notice, once. A three-week review’s period starts again on the day they are received (reg 9(1)(a)).',
    },
    body: RecordRepresentations,
    async run({ reviews }, officer, reference, representations, origin, params) {
      const result = await reviews.recordRepresentations(officer, reference, params['reviewId'] ?? '', representations, origin)
      return result.outcome === 'recorded' ? { outcome: 'recorded', id: result.reviewId } : result
    },
  }),
  command({
    operation: {
      path: '/cases/{reference}/reviews/{reviewId}/longer-period',
      summary: 'Record a longer period for the decision, agreed in writing (reg 9(1))',
      description: 'It must end after the decision is now due; a later agreement replaces an earlier one.',
    },
    body: ExtendReviewPeriod,
    async run({ reviews }, officer, reference, extension, origin, params) {
      const result = await reviews.extendReviewPeriod(officer, reference, params['reviewId'] ?? '', extension, origin)
      return result.outcome === 'recorded' ? { outcome: 'recorded', id: result.reviewId } : result
    },
  }),
  ...HOUSEHOLD_COMMANDS,
  ...ASSESSMENT_COMMANDS,
  ...PLAN_COMMANDS,
  ...LETTER_COMMANDS,
]

/** The officers a command may name: the same list the pages offer in their choice of officer. */
const OFFICERS: Reading = {
  operation: {
    path: '/officers',
    summary: 'The officers of your organisation',
    description:
      'Active caseworkers and team managers, with the id and email address by which a command names one (`officerId`, `originalDecisionBy`). Only your own organisation’s.',
  },
  response: OfficersView,
  roles: CASE_OFFICERS,
  async read({ cases }, officer) {
    const officers = await cases.officers(officer)
    return (
      officers && {
        officers: officers.map((o) => ({ id: o.id, name: o.display_name, email: o.email, role: o.role })),
      }
    )
  },
}

/** The case's reviews, as its reviews page lists them. */
const REVIEWS: Reading = {
  operation: { path: '/cases/{reference}/reviews', summary: 'The case’s reviews (s202), each with when its decision is due' },
  response: ReviewsView,
  roles: CASE_OFFICERS,
  async read({ reviews }, officer, { reference = '' }, origin) {
    const found = await reviews.list(officer, reference, origin)
    return (
      found && {
        reference: found.found.reference,
        reviews: found.reviews.map((r) => ({
          id: r.id,
          decision: r.decision,
          decisionLabel: r.decisionLabel,
          caseEventId: r.case_event_id,
          notifiedOn: r.notified_on,
          receivedOn: r.received_on,
          reviewPeriodWeeks: r.weeks,
          decisionDueOn: r.decision_due_on,
          mindedToNotifiedOn: r.minded_to_notified_on,
          representationsReceivedOn: r.representations_received_on,
          representationsMeans: r.representations_means,
          longerPeriodAgreedOn: r.extension_agreed_on,
          longerPeriodTo: r.extended_to,
          outcome: r.outcome,
          decidedOn: r.decided_on,
        })),
      }
    )
  },
}

/** What the case's other pages show, as JSON. */
const READINGS: Reading[] = [OFFICERS, REVIEWS, ...HOUSEHOLD_READINGS, ...ASSESSMENT_READINGS, ...PLAN_READINGS, ...LETTER_READINGS]

const NOT_FOUND = 'Your organisation has no case with that reference'

export const CASE_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/cases',
    summary: 'Your caseload',
    description: 'The open cases on which the key’s officer is named, the most urgent statutory deadline first.',
    responses: { 200: { description: 'The caseload', body: CaseloadView }, 403: { description: 'Not an officer’s key', body: ApiError } },
  },
  {
    method: 'get',
    path: '/cases/{reference}',
    summary: 'A case: its stage, dates, what is due, household and timeline',
    description: 'Reading a case is recorded in the audit trail.',
    responses: {
      200: { description: 'The case', body: CaseView },
      403: { description: 'Not an officer’s key', body: ApiError },
      404: { description: NOT_FOUND, body: ApiError },
    },
  },
  ...READINGS.map((r): ApiOperation => {
    const responses: ApiOperation['responses'] = {
      200: { description: 'Found', body: r.response },
      403: { description: 'Not an officer’s key, or a role the page does not let in', body: ApiError },
    }
    // Only a reading of one case can find nothing.
    if (r.operation.path.startsWith('/cases/')) responses[404] = { description: NOT_FOUND, body: ApiError }
    return { method: 'get', ...r.operation, responses }
  }),
  ...COMMANDS.map((c): ApiOperation => ({
    method: 'post',
    ...c.operation,
    requestBody: c.body,
    responses: {
      [c.operation.path === '/cases' ? 201 : 200]: { description: 'Recorded', body: Recorded },
      403: { description: 'Not an officer’s key, or a command the officer’s role may not give', body: ApiError },
      404: { description: NOT_FOUND, body: ApiError },
      409: { description: 'Someone else changed the case since the version you sent', body: ApiError },
      422: { description: 'Every problem with the request at once, each with its path', body: ApiError },
    },
  })),
]

function errors(res: Response, status: number, list: { path: string; message: string }[]) {
  res.status(status).json({ errors: list })
}

/**
 * The case commands of the caseworker pages, for a council's or provider's case management system.
 * They need a key issued to a named officer (`api-key create --organisation NAME --person EMAIL`),
 * and act with exactly that officer's permissions, checks and audit trail.
 */
export function caseApiRoutes(services: Services): Router {
  const router = Router()

  const officerOf = (res: Response): Officer | undefined => {
    const actor = res.locals.actor
    if (actor?.kind === 'user') return actor
    errors(res, 403, [
      { path: '', message: 'Case commands need an API key issued to a named officer: api-key create --organisation NAME --person EMAIL' },
    ])
    return undefined
  }

  router.get('/cases', async (req, res) => {
    const officer = officerOf(res)
    if (!officer) return
    const cases = await services.casework.caseload(officer, originOf(req))
    res.json(
      CaseloadView.parse({
        cases: cases.map((c) => ({
          reference: c.reference,
          stage: c.stage,
          approachedOn: c.approached_on,
          applicant: `${c.given_name} ${c.family_name}`,
          nextDeadline: c.nextDeadline
            ? { what: c.nextDeadline.what, due: c.nextDeadline.due.toString(), daysLeft: c.nextDeadline.daysLeft }
            : null,
        })),
      }),
    )
  })

  router.get('/cases/:reference', async (req, res) => {
    const officer = officerOf(res)
    if (!officer) return
    const found = await services.casework.viewCase(officer, req.params.reference, originOf(req))
    if (!found) {
      errors(res, 404, [{ path: '', message: NOT_FOUND }])
      return
    }
    res.json(
      CaseView.parse({
        reference: found.reference,
        version: found.version,
        stage: found.stage,
        authority: found.authority_name,
        provider: found.provider_name,
        namedOfficer: found.officer_name,
        approachedOn: found.approached_on,
        preventionStartedOn: found.prevention_started_on,
        reliefStartedOn: found.relief_started_on,
        mainDutyStartedOn: found.main_duty_started_on,
        closedOn: found.closed_on,
        outcome: found.outcome,
        priorityNeed: found.priority_need,
        intentionality: found.intentionality,
        emergencies: found.emergencies,
        household: found.people.map((p) => ({
          givenName: p.given_name,
          familyName: p.family_name,
          relationship: p.is_applicant ? 'applicant' : (p.relationship_to_applicant ?? 'other'),
          dateOfBirth: p.date_of_birth,
        })),
        deadlines: found.deadlines.map((d) => ({ what: d.what, due: d.due.toString(), daysLeft: d.daysLeft })),
        decisionsAvailable: found.decisions,
        timeline: found.events.map((e) => ({ id: e.id, kind: e.kind, label: e.label, occurredOn: e.occurred_on, details: e.details })),
      }),
    )
  })

  const forbidden = (res: Response) => {
    errors(res, 403, [{ path: '', message: 'Your role may not give this command' }])
  }
  const expressPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1')

  for (const r of READINGS) {
    router.get(expressPath(r.operation.path), async (req, res) => {
      const officer = officerOf(res)
      if (!officer) return
      if (!r.roles.includes(officer.role)) {
        errors(res, 403, [{ path: '', message: 'Your role may not read this' }])
        return
      }
      const found = await r.read(services, officer, req.params as Record<string, string>, originOf(req))
      if (found === undefined) errors(res, 404, [{ path: '', message: NOT_FOUND }])
      else res.json(r.response.parse(found))
    })
  }

  for (const c of COMMANDS) {
    router.post(expressPath(c.operation.path), async (req, res) => {
      const officer = officerOf(res)
      if (!officer) return
      if (c.roles && !c.roles.includes(officer.role)) {
        forbidden(res)
        return
      }
      const reference = String(req.params['reference'] ?? '')
      // A case the caller may not see answers 404 whatever the body says, as the pages do.
      if (req.params['reference'] !== undefined && !(await services.cases.isHeld(officer, reference))) {
        errors(res, 404, [{ path: '', message: NOT_FOUND }])
        return
      }
      const read = readCommand(c.body, req.body ?? {})
      if ('refusals' in read) {
        errors(res, 422, read.refusals)
        return
      }
      const result = await c.run(services, officer, reference, read.command, originOf(req), req.params as Record<string, string>)
      switch (result.outcome) {
        case 'recorded':
          res
            .status(c.operation.path === '/cases' ? 201 : 200)
            .json(Recorded.parse({ reference: result.reference ?? reference, stage: result.stage, id: result.id }))
          return
        case 'invalid':
          errors(res, 422, result.refusals ?? [])
          return
        case 'conflict':
          errors(res, 409, [
            {
              path: 'version',
              message: c.conflict ?? 'Someone else has changed this case since that version. Read it again, then decide.',
            },
          ])
          return
        case 'forbidden':
          forbidden(res)
          return
        default:
          errors(res, 404, [{ path: '', message: NOT_FOUND }])
      }
    })
  }

  return router
}
