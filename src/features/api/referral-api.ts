import { Router, type Response } from 'express'
import type { z } from 'zod'
import type { Actor } from '../../db/actor.ts'
import type { Origin } from '../../platform/audit.ts'
import { readCommand } from '../../platform/commands.ts'
import { originOf } from '../../platform/http/origin.ts'
import { ConvertReferral, LinkReferralToCase, SendReferralMessage, TakeReferralStep } from '../referrals/commands.ts'
import type { ConvertResult, ReferralService } from '../referrals/service.ts'
import type { ApiOperation } from './openapi.ts'
import {
  ApiError,
  ReceivedReferralView,
  ReferralAsSeen,
  ReferralList,
  ReferralStepRecorded,
  ReferralView,
  type ReferralViewBody,
} from './schemas.ts'

/**
 * A referral's life after it is made, for the systems on either side of it: the housing authority's
 * (a key issued to one of its officers) acknowledges, records contact and outcomes, closes, links the
 * referral to a case or opens one from it, and writes to the referrer; the referrer's (its
 * organisation's key, or an officer's) follows its referrals and writes back. Each command is the
 * referral page's own, read through the same schema and given to the same service method, which
 * decides who may give it.
 */

const NOT_FOUND = 'Your organisation has no referral with that id'

interface ReferralCommand<Body> {
  operation: Omit<ApiOperation, 'method' | 'responses' | 'requestBody'>
  body: z.ZodType<Body>
  run(referrals: ReferralService, actor: Actor, id: string, command: Body, origin: Origin): Promise<ConvertResult>
}
const referralCommand = <Body>(c: ReferralCommand<Body>) => c as unknown as ReferralCommand<unknown>

const COMMANDS: ReferralCommand<unknown>[] = [
  referralCommand({
    operation: {
      path: '/referrals/{id}/steps',
      summary: 'Acknowledge a referral, record contact or the outcome of the assessment, or close it',
      description:
        'For the housing authority referred to: a key issued to one of its officers. Send the `version` you read to be told (409) if someone changed the referral since; the referrer is told of each change of status.',
    },
    body: TakeReferralStep,
    run: (referrals, actor, id, step, origin) => referrals.takeStep(actor, id, step, origin),
  }),
  referralCommand({
    operation: {
      path: '/referrals/{id}/messages',
      summary: 'Write to the other side of a referral',
      description:
        'The housing authority to the referrer, or the referrer to the housing authority; a self-referral has no referrer to write to.',
    },
    body: SendReferralMessage,
    run: (referrals, actor, id, message, origin) => referrals.sendMessage(actor, id, message, origin),
  }),
  referralCommand({
    operation: {
      path: '/referrals/{id}/link',
      summary: 'Link a referral to one of your authority’s cases',
      description: 'When the person already has a case: the referral is then answered by that case rather than a new one.',
    },
    body: LinkReferralToCase,
    run: (referrals, actor, id, link, origin) => referrals.linkToCase(actor, id, link, origin),
  }),
  referralCommand({
    operation: {
      path: '/referrals/{id}/conversion',
      summary: 'Open a case from a referral',
      description:
        'Records the approach (the same body as `POST /cases`, under `approach`) with the key’s officer named on it, and links the referral to it, in one transaction.',
    },
    body: ConvertReferral,
    run: (referrals, actor, id, conversion, origin) => referrals.convert(actor, id, conversion, origin),
  }),
]

export const REFERRAL_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/referrals',
    summary: 'Your referrals',
    description:
      'With a referring organisation’s key: the referrals it made, newest first. With a key issued to a housing authority’s officer: the authority’s open referrals (its inbox), longest waiting first.',
    responses: {
      200: { description: 'The referrals', body: ReferralList },
      403: { description: 'A key that neither refers nor receives referrals', body: ApiError },
    },
  },
  {
    method: 'get',
    path: '/referrals/{id}',
    summary: 'A referral’s status and outcome',
    description:
      'The referring organisation’s own referrals (`Referral`); for a key issued to an officer of the housing authority referred to, the referral as received (`ReceivedReferral`), the read audited. Any other id answers 404, whether or not it exists.',
    responses: {
      200: {
        description: 'The referral: as made, to its referrer; as received, to the authority',
        body: ReferralAsSeen,
      },
      404: { description: 'No referral of yours has that id', body: ApiError },
    },
  },
  ...COMMANDS.map((c): ApiOperation => ({
    method: 'post',
    ...c.operation,
    requestBody: c.body,
    responses: {
      200: { description: 'Recorded; a case opened or linked is named', body: ReferralStepRecorded },
      403: { description: 'A key whose organisation or role may not give this command', body: ApiError },
      404: { description: NOT_FOUND, body: ApiError },
      409: { description: 'Someone else changed the referral since the version you sent', body: ApiError },
      422: { description: 'Every problem with the request at once, each with its path', body: ApiError },
    },
  })),
]

function errors(res: Response, status: number, list: { path: string; message: string }[]) {
  res.status(status).json({ errors: list })
}

export function toReferralView(referral: {
  id: string
  reference: string
  authority_code: string | null
  status: string
  outcome: string
  outcome_details: string | null
  received_at: Date
  changes: { status: string; outcome: string; details: string | null; changed_at: Date }[]
}): ReferralViewBody {
  return ReferralView.parse({
    id: referral.id,
    reference: referral.reference,
    localAuthority: referral.authority_code ?? '',
    status: referral.status,
    outcome: referral.outcome,
    outcomeDetails: referral.outcome_details,
    receivedAt: referral.received_at.toISOString(),
    history: referral.changes.map((c) => ({
      status: c.status,
      outcome: c.outcome,
      details: c.details,
      changedAt: c.changed_at.toISOString(),
    })),
  })
}

export function referralApiRoutes(deps: { referrals: ReferralService }): Router {
  const router = Router()
  const { referrals } = deps
  const actorOf = (res: Response): Actor => {
    const actor = res.locals.actor
    if (!actor) throw new Error('unauthenticated')
    return actor
  }

  router.get('/referrals', async (req, res) => {
    const actor = actorOf(res)
    const side = ({ caseworker: 'authority', team_manager: 'authority', referrer: 'referrer', api_client: 'referrer' } as const)[
      actor.role as 'caseworker'
    ] as 'authority' | 'referrer' | undefined
    if (!side) {
      errors(res, 403, [{ path: '', message: 'Your key neither refers people nor receives referrals' }])
      return
    }
    // The pages' own lists: the authority's inbox of open referrals, the referrer's every referral.
    const list = await referrals.list(actor, { open: side === 'authority' ? true : undefined }, originOf(req))
    res.json(
      ReferralList.parse({
        referrals: list.map((r) => ({
          id: r.id,
          reference: r.reference,
          status: r.status,
          outcome: r.outcome,
          reason: r.reason,
          receivedAt: r.received_at.toISOString(),
          referringOrganisation: r.referring_organisation_name,
        })),
      }),
    )
  })

  router.get('/referrals/:id', async (req, res) => {
    const found = await referrals.view(actorOf(res), req.params.id, originOf(req))
    if (!found) {
      errors(res, 404, [{ path: '', message: NOT_FOUND }])
      return
    }
    if (found.side === 'referrer') {
      res.json(toReferralView(found.referral))
      return
    }
    const r = found.referral
    res.json(
      ReceivedReferralView.parse({
        ...toReferralView(r),
        version: r.version,
        channel: r.channel,
        referringOrganisation: r.referring_organisation_name,
        person: {
          givenName: r.given_name,
          familyName: r.family_name,
          dateOfBirth: r.date_of_birth,
          phone: r.phone,
          email: r.email,
          preferredContact: r.preferred_contact,
          address:
            r.address_line1 === null && r.address_town === null && r.address_postcode === null
              ? null
              : { line1: r.address_line1, town: r.address_town, postcode: r.address_postcode },
        },
        reason: r.reason,
        expectedHomelessOn: r.expected_homeless_on,
        dischargeOrReleaseOn: r.discharge_or_release_on,
        household: r.adults === null ? null : { adults: r.adults, children: r.children ?? 0 },
        supportNeeds: r.support_needs,
        risks: r.risks,
        otherProfessionals: r.other_professionals,
        referrer:
          r.referrer_name === null
            ? null
            : { name: r.referrer_name, role: r.referrer_role, phone: r.referrer_phone, email: r.referrer_email },
        notes: r.notes,
        caseReference: r.case_reference,
      }),
    )
  })

  const expressPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1')
  for (const c of COMMANDS) {
    router.post(expressPath(c.operation.path), async (req, res) => {
      const actor = actorOf(res)
      const id = String(req.params['id'])
      const read = readCommand(c.body, req.body ?? {})
      if ('refusals' in read) {
        errors(res, 422, read.refusals)
        return
      }
      const result = await c.run(referrals, actor, id, read.command, originOf(req))
      switch (result.outcome) {
        case 'done':
          res.status(200).json(ReferralStepRecorded.parse({ id, caseReference: null }))
          return
        case 'opened':
          res.status(200).json(ReferralStepRecorded.parse({ id, caseReference: result.reference }))
          return
        case 'invalid':
          errors(res, 422, result.refusals)
          return
        case 'stale':
          errors(res, 409, [
            { path: 'version', message: 'Someone else has changed this referral since that version. Read it again first.' },
          ])
          return
        case 'not_allowed':
          errors(res, 403, [{ path: '', message: 'Your key’s organisation or role may not give this command' }])
          return
        case 'not_found':
          errors(res, 404, [{ path: '', message: NOT_FOUND }])
      }
    })
  }

  return router
}
