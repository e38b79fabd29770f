import { z } from 'zod'
import { PREFERRED_CONTACT, REFERRAL_OUTCOMES, REFERRAL_REASONS, REFERRAL_STATUSES } from '../../domain/referrals.ts'

export const ApiError = z
  .object({
    errors: z.array(
      z.object({
        path: z
          .string()
          .meta({ description: 'Where the problem is, as a dotted path into the request body ("" for the request as a whole)' }),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'Errors' })

export const ReferralView = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    localAuthority: z.string().meta({ description: 'ONS code of the housing authority referred to' }),
    status: z.enum(REFERRAL_STATUSES),
    outcome: z.enum(REFERRAL_OUTCOMES),
    outcomeDetails: z.string().nullable(),
    receivedAt: z.iso.datetime(),
    history: z.array(
      z.object({
        status: z.enum(REFERRAL_STATUSES),
        outcome: z.enum(REFERRAL_OUTCOMES),
        details: z.string().nullable(),
        changedAt: z.iso.datetime(),
      }),
    ),
  })
  .meta({ id: 'Referral' })

export const ReferralReceipt = z
  .object({ id: z.uuid(), reference: z.string(), status: z.enum(REFERRAL_STATUSES), receivedAt: z.iso.datetime() })
  .meta({ id: 'ReferralReceipt' })

export type ReferralViewBody = z.infer<typeof ReferralView>

export const ReferralList = z
  .object({
    referrals: z.array(
      z.object({
        id: z.uuid(),
        reference: z.string(),
        status: z.enum(REFERRAL_STATUSES),
        outcome: z.enum(REFERRAL_OUTCOMES),
        reason: z.enum(REFERRAL_REASONS),
        receivedAt: z.iso.datetime(),
        referringOrganisation: z.string().nullable().meta({ description: 'null for a self-referral' }),
      }),
    ),
  })
  .meta({ id: 'ReferralList' })

const isoDate = z.iso.date().meta({ description: 'A calendar date, YYYY-MM-DD (Europe/London)' })

/** A referral as the housing authority referred to received it: what the referrer sent, and where it stands. */
export const ReceivedReferralView = ReferralView.extend({
  version: z.int().meta({ description: 'Send it with a step, so that a change made by someone else since answers 409' }),
  channel: z.enum(['web', 'api', 'self_referral']),
  referringOrganisation: z.string().nullable(),
  person: z.object({
    givenName: z.string(),
    familyName: z.string(),
    dateOfBirth: isoDate.nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    preferredContact: z.enum(PREFERRED_CONTACT),
    address: z.object({ line1: z.string().nullable(), town: z.string().nullable(), postcode: z.string().nullable() }).nullable(),
  }),
  reason: z.enum(REFERRAL_REASONS),
  expectedHomelessOn: isoDate.nullable(),
  dischargeOrReleaseOn: isoDate.nullable(),
  household: z.object({ adults: z.int(), children: z.int() }).nullable(),
  supportNeeds: z.array(z.string()),
  risks: z.string().nullable(),
  otherProfessionals: z.string().nullable(),
  referrer: z
    .object({ name: z.string(), role: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() })
    .nullable(),
  notes: z.string().nullable(),
  caseReference: z.string().nullable().meta({ description: 'The case opened from the referral, or linked to it' }),
}).meta({ id: 'ReceivedReferral' })

export const ReferralStepRecorded = z
  .object({
    id: z.uuid().meta({ description: 'The referral’s id' }),
    caseReference: z.string().nullable().meta({ description: 'The case opened from the referral or linked to it, by this command' }),
  })
  .meta({ id: 'ReferralStepRecorded' })

/** What `GET /referrals/{id}` answers: the referral as made, to its referrer; as received, to the authority referred to. */
export const ReferralAsSeen = z
  .union([ReferralView, ReceivedReferralView])
  .meta({ id: 'ReferralAsSeen', description: 'A `Referral` for the referrer, a `ReceivedReferral` for the housing authority referred to' })
