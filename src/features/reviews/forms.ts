import { datesOf, fieldsById, formBinding, given } from '../../platform/http/form-commands.ts'
import { DecideReview, ExtendReviewPeriod, GiveMindedToNotice, RecordRepresentations, RequestReview } from './commands.ts'

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

/** The "minded to" notice page's fields (reg 7(2)), and the command they make. */
export const MINDED_TO_FORM = formBinding({
  schema: GiveMindedToNotice,
  read(form) {
    const dates = datesOf(form, { date: { prefix: 'mindedToOn', label: 'Date the applicant was notified' } })
    return { input: { date: dates.values['date'], reasons: given(form['mindedToReasons']) }, refusals: dates.refusals }
  },
  fieldId: fieldsById({ '': 'mindedToOn-day', date: 'mindedToOn-day', reasons: 'mindedToReasons' }),
})

/** The representations page's fields (reg 7(2)(b)), and the command they make. */
export const REPRESENTATIONS_FORM = formBinding({
  schema: RecordRepresentations,
  read(form) {
    const dates = datesOf(form, { receivedOn: { prefix: 'representationsOn', label: 'Date the representations were received' } })
    return {
      input: { receivedOn: dates.values['receivedOn'], means: given(form['means']), summary: given(form['representationsSummary']) },
      refusals: dates.refusals,
    }
  },
  fieldId: fieldsById({
    '': 'representationsOn-day',
    receivedOn: 'representationsOn-day',
    means: 'means',
    summary: 'representationsSummary',
  }),
})

/** The longer period page's fields (reg 9(1)), and the command they make. */
export const LONGER_PERIOD_FORM = formBinding({
  schema: ExtendReviewPeriod,
  read(form) {
    const dates = datesOf(form, {
      agreedOn: { prefix: 'agreedOn', label: 'Date the longer period was agreed in writing' },
      extendedTo: { prefix: 'extendedTo', label: 'End of the longer period' },
    })
    return { input: { agreedOn: dates.values['agreedOn'], extendedTo: dates.values['extendedTo'] }, refusals: dates.refusals }
  },
  fieldId: fieldsById({ '': 'agreedOn-day', agreedOn: 'agreedOn-day', extendedTo: 'extendedTo-day' }),
})
