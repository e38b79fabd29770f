import { z } from 'zod'
import { REFERRAL_OUTCOMES, REFERRAL_STATUSES } from '../../domain/referrals.ts'

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
