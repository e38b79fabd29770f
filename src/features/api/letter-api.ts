import { IssueEventLetter } from '../letters/commands.ts'
import { LettersView, LetterView } from './case-schemas.ts'
import { CASE_OFFICERS, command, type Command, type Reading } from './commands.ts'

/** The letters' command and readings: the same LettersService methods as the letters pages. */

/** Analysts read letters (the page lets them); only the officers running cases issue them. */
const READERS = [...CASE_OFFICERS, 'analyst'] as const

export const LETTER_COMMANDS: Command<unknown>[] = [
  command({
    operation: {
      path: '/cases/{reference}/letters',
      summary: 'Issue the letter for a decision that has none, or a corrected letter',
      description:
        'Letters are never changed: a correction is a new letter naming the one it corrects. The answer’s id is the new letter’s.',
    },
    body: IssueEventLetter,
    roles: CASE_OFFICERS,
    async run({ letters }, officer, reference, letter, origin) {
      const result = await letters.issueForEvent(officer, reference, letter, origin)
      return result.outcome === 'issued' ? { outcome: 'recorded', id: result.id } : result
    },
  }),
]

const summary = (l: {
  id: string
  kind: string
  title: string
  issued_on: string
  issued_at: Date
  issued_by_name: string | null
  review_request_by: string | null
  event_id: string | null
  replaces_letter_id: string | null
}) => ({
  id: l.id,
  kind: l.kind,
  title: l.title,
  issuedOn: l.issued_on,
  issuedAt: l.issued_at.toISOString(),
  issuedBy: l.issued_by_name,
  reviewRequestBy: l.review_request_by,
  eventId: l.event_id,
  replacesLetterId: l.replaces_letter_id,
})

export const LETTER_READINGS: Reading[] = [
  {
    operation: {
      path: '/cases/{reference}/letters',
      summary: 'The case’s letters and notices, latest first, and the decisions still without one',
    },
    response: LettersView,
    roles: READERS,
    async read({ letters }, officer, { reference = '' }) {
      const found = await letters.ofCase(officer, reference)
      return (
        found && {
          reference: found.reference,
          letters: found.letters.map(summary),
          withoutLetter: found.withoutLetter.map((e) => ({
            eventId: e.id,
            kind: e.kind,
            occurredOn: e.occurred_on,
            letterKind: e.letterKind ?? '',
            title: e.title,
          })),
        }
      )
    },
  },
  {
    operation: {
      path: '/cases/{reference}/letters/{id}',
      summary: 'One letter as issued: plain text and HTML',
      description: 'It holds the applicant’s personal details, so each read is recorded in the audit trail.',
    },
    response: LetterView,
    roles: READERS,
    async read({ letters }, officer, { reference = '', id = '' }, origin) {
      const letter = await letters.read(officer, reference, id, origin)
      return (
        letter && {
          ...summary(letter),
          reference: letter.reference,
          templateVersion: letter.template_version,
          decidedOn: letter.decided_on,
          text: letter.body_text,
          html: letter.body_html,
        }
      )
    },
  },
]
