import { z } from 'zod'

export const ApiError = z
  .object({
    errors: z.array(
      z.object({
        path: z.string().meta({ description: 'Where the problem is, as a dotted path into the request body ("" for the request as a whole)' }),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'Errors' })

export const REFERRAL_STATUSES = ['received', 'acknowledged', 'contacted', 'assessed', 'closed'] as const
export const REFERRAL_OUTCOMES = [
  'pending',
  'prevention_duty_accepted',
  'relief_duty_accepted',
  'main_duty_accepted',
  'not_homeless_or_threatened',
  'no_contact',
  'withdrawn',
  'rejected_no_local_connection',
  'rejected_intentionally_homeless',
  'rejected_other',
] as const

export const ReferralView = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    localAuthority: z.string().meta({ description: 'ONS code of the housing authority referred to' }),
    status: z.enum(REFERRAL_STATUSES),
    outcome: z.enum(REFERRAL_OUTCOMES),
    outcomeDetails: z.string().nullable(),
    receivedAt: z.iso.datetime(),
    history: z.array(z.object({ status: z.enum(REFERRAL_STATUSES), outcome: z.enum(REFERRAL_OUTCOMES), changedAt: z.iso.datetime() })),
  })
  .meta({ id: 'Referral' })

export type ReferralViewBody = z.infer<typeof ReferralView>
