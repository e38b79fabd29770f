import { datesOf, fieldsById, formBinding, given } from '../../platform/http/form-commands.ts'
import { DecideReview, RequestReview } from './commands.ts'

/** The review pages' forms: how each one's fields make its command, and which field each refusal is about. */

/** The "Record a review request" page's fields, and the command they make. */
export const REQUEST_REVIEW_FORM = formBinding({
  schema: RequestReview,
  read(form) {
    const dates = datesOf(form, {
      notifiedOn: { prefix: 'notifiedOn', label: 'Date the applicant was notified of the decision' },
      receivedOn: { prefix: 'receivedOn', label: 'Date the request was received' },
      extendedInWritingTo: { prefix: 'extendedInWritingTo', label: 'End of the longer period agreed in writing' },
    })
    return {
      input: {
        decision: given(form['decision']),
        originalDecisionBy: given(form['originalDecisionBy']),
        notifiedOn: dates.values['notifiedOn'],
        receivedOn: dates.values['receivedOn'],
        extendedInWritingTo: dates.values['extendedInWritingTo'],
        requestedBy: given(form['requestedBy']),
        grounds: given(form['grounds']),
        // A form without the question (most reviews are the council's own) is reviewed by the council; a blank answer is not.
        reviewer: form['reviewer'] === undefined ? 'authority' : given(form['reviewer']),
      },
      refusals: dates.refusals,
    }
  },
  fieldId: fieldsById({
    '': 'decision',
    decision: 'decision',
    originalDecisionBy: 'originalDecisionBy',
    notifiedOn: 'notifiedOn-day',
    receivedOn: 'receivedOn-day',
    extendedInWritingTo: 'extendedInWritingTo-day',
    requestedBy: 'requestedBy',
    grounds: 'grounds',
    reviewer: 'reviewer',
  }),
})

/** The review page's "Record the decision on review" fields, and the command they make. */
export const DECIDE_REVIEW_FORM = formBinding({
  schema: DecideReview,
  read(form) {
    const dates = datesOf(form, { date: { prefix: 'decidedOn', label: 'Date of the decision' } })
    return {
      input: { outcome: given(form['outcome']), date: dates.values['date'], reasons: given(form['reasons']) },
      refusals: dates.refusals,
    }
  },
  fieldId: fieldsById({ '': 'outcome', outcome: 'outcome', date: 'decidedOn-day', reasons: 'reasons' }),
})
