import { formBinding, given } from '../../platform/http/form-commands.ts'
import { IssueEventLetter } from './commands.ts'

/** The letters pages' form, and the command it makes. */

/**
 * "Issue the letter" for one decision, on the list of letters (a decision without one) or on a letter
 * (a corrected one). Each decision has its own form, so every refusal is shown on that form's reasons box.
 */
export const issueLetterForm = (eventId: unknown) =>
  formBinding({
    schema: IssueEventLetter,
    read: (form) => ({
      input: {
        eventId: given(form['eventId']),
        replacesLetterId: given(form['replacesLetterId']),
        reasons: given(form['reasons']),
      },
    }),
    fieldId: () => `reasons-${typeof eventId === 'string' ? eventId : ''}`,
  })
