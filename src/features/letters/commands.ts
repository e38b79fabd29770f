import { z } from 'zod'

/** The letters' command: issuing the letter for a decision that has none, or a corrected one. */

export const REASONS_LIMIT = 5000

export const IssueEventLetter = z
  .object({
    eventId: z
      .uuid({ error: 'Select a decision that needs a letter' })
      .meta({ description: 'The timeline event (a decision, warning or notice) the letter is for' }),
    replacesLetterId: z
      .uuid({ error: 'The letter to correct is not a letter for this decision' })
      .optional()
      .meta({ description: 'To issue a corrected letter: the letter it corrects' }),
    reasons: z
      .string()
      .trim()
      .max(REASONS_LIMIT, `The reasons must be ${String(REASONS_LIMIT)} characters or fewer`)
      .optional()
      .meta({ description: 'The officer’s reasons, added to the letter' }),
  })
  .meta({ id: 'LetterRequest' })
export type IssueEventLetter = z.output<typeof IssueEventLetter>
