import { z } from 'zod'

/** The monitoring commands: one schema each, read by the monitoring pages. */

export const MAX_REASON_LENGTH = 1000

/** A data-quality flag marked as reviewed: why it has been dealt with, or can stand. */
export const ReviewFlag = z.object({
  reason: z
    .string({ error: 'Enter why this flag has been dealt with or can stand' })
    .trim()
    .min(1, 'Enter why this flag has been dealt with or can stand')
    .max(MAX_REASON_LENGTH, `The reason must be ${String(MAX_REASON_LENGTH)} characters or fewer`),
})
export type ReviewFlag = z.output<typeof ReviewFlag>
