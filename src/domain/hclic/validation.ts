import { LocalDate } from '@js-joda/core'
import type { CodeList } from './code-lists.ts'
import { SECTIONS, type Answer, type Question, type Section } from './mapping.ts'
import type { Quarter } from './quarter.ts'
import { applicantOf, type HclicCase, type HclicPerson, type HclicPlacement, type HclicReview } from './record.ts'

/**
 * The return checked before it is sent (research/hclic.md §1.6): every answer the return needs that a
 * case lacks, every coded answer the quarter's code lists do not accept, and the public validation
 * rules the record can express. Each finding names the page where an officer puts it right, so the
 * quarter's end holds no surprises. A case with findings stays in the return: it is listed, never dropped.
 */

export type Severity = 'error' | 'warning'

export interface Finding {
  caseReference: string
  /** The section's id in mapping.ts (main, people, prevention, ...). */
  section: string
  /** The question's number, e.g. '1.5'. */
  question: string
  severity: Severity
  /** Plain English, naming the question's wording. */
  message: string
  /** The page under the case where the officer fixes it: /cases/REFERENCE/... */
  fixAt: string
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "4 June 2017", as GOV.UK writes dates (the domain cannot reach the platform's formatter). */
function longDate(iso: string): string {
  const date = LocalDate.parse(iso)
  return `${String(date.dayOfMonth())} ${MONTHS[date.monthValue() - 1] ?? ''} ${String(date.year())}`
}

const plusDays = (iso: string, days: number) => LocalDate.parse(iso).plusDays(days).toString()

function located(number: string): { section: Section<unknown>; question: Question<unknown> } {
  for (const section of SECTIONS) {
    const question = section.questions.find((q) => q.number === number)
    if (question) return { section, question }
  }
  throw new Error(`no H-CLIC question ${number} in the mapping`)
}

const named = (question: Question<unknown>) => `${question.number} “${question.wording}”`

/** Which row of a repeating section a message is about; nothing for the sections with one row. */
function rowOf(section: Section<unknown>, subject: unknown, lists: readonly CodeList[]): string {
  switch (section.id) {
    case 'people':
    case 'support': {
      const person = subject as HclicPerson
      if (person.isApplicant) return ' for the main applicant'
      const label = lists.find((l) => l.id === 'relationship')?.values.find((v) => v.value === person.relationship)?.label
      return ` for a household member (${label ?? 'relationship not recorded'})`
    }
    case 'temporary_accommodation':
      return ` for the placement from ${longDate((subject as HclicPlacement).placedOn)}`
    case 'reviews':
      return ` for the review requested on ${longDate((subject as HclicReview).receivedOn)}`
    default:
      return ''
  }
}

/**
 * Unanswered is null or empty text. An empty list of support needs is an answer ("no support needs",
 * table A3), not a missing one; support needs not yet assessed are null.
 */
function unanswered(answer: Answer): boolean {
  return answer === null || answer === ''
}

/** A value is usable in a quarter when its validity overlaps the quarter (lists change at a quarter's start). */
function validIn(value: { validFrom: string; validTo: string | null }, quarter: Quarter): 'yes' | 'not_yet' | 'no_longer' {
  if (value.validFrom > quarter.lastDay.toString()) return 'not_yet'
  if (value.validTo !== null && value.validTo < quarter.firstDay.toString()) return 'no_longer'
  return 'yes'
}

function answersOf(
  record: HclicCase,
  quarter: Quarter,
  lists: readonly CodeList[],
  fixAt: (path: string) => string,
  finding: (f: Omit<Finding, 'caseReference'>) => void,
): void {
  for (const section of SECTIONS) {
    for (const subject of section.rows(record)) {
      for (const question of section.questions) {
        const answer = question.answer(subject, record)
        const where = { section: section.id, question: question.number, fixAt: fixAt(question.fixAt(subject, record)) }
        const row = rowOf(section, subject, lists)
        if (unanswered(answer)) {
          if (question.required(subject, record))
            finding({ ...where, severity: 'error', message: `${named(question)} is not answered${row}.` })
          continue
        }
        if (question.list === undefined || (question.kind !== 'code' && question.kind !== 'codes')) continue
        const list = lists.find((l) => l.id === question.list)
        if (!list) throw new Error(`no H-CLIC code list "${question.list}"`)
        for (const value of Array.isArray(answer) ? answer : [String(answer)]) {
          const known = list.values.find((v) => v.value === value)
          if (!known) {
            finding({
              ...where,
              severity: 'error',
              message: `${named(question)}${row} is “${value}”, which is not an answer the return’s list “${list.title}” accepts.`,
            })
            continue
          }
          const validity = validIn(known, quarter)
          if (validity === 'not_yet')
            finding({
              ...where,
              severity: 'error',
              message: `${named(question)}${row} is “${known.label}”, which the return accepts only from ${longDate(known.validFrom)}: it cannot be sent for ${quarter.label}.`,
            })
          else if (validity === 'no_longer' && known.validTo !== null)
            finding({
              ...where,
              severity: 'error',
              message: `${named(question)}${row} is “${known.label}”, which the return stopped accepting after ${longDate(known.validTo)}: choose one of the current answers.`,
            })
        }
      }
    }
  }
}

/** Accommodation that is not settled, or none at all: where a household that became homeless may be (ACCOM_PR). */
const UNSETTLED = new Set(['living_with_family', 'living_with_friends', 'other_or_not_known'])

/**
 * The relief duty's 56 days, counting its first day as day one. Where it ends by itself (s189B(4)), the
 * main duty decision follows and it ends on the 56th day at the latest; where a notice ends it because
 * 56 days have passed (s189B(7)(b)), the notice comes after the 56th day.
 */
const RELIEF_DAYS = 56
const ENDED_BY_ITSELF = 'moved_to_main_duty_decision'
const ENDED_BY_NOTICE_AFTER_56_DAYS = 'fifty_six_days_elapsed'
/** s202(3): a review must be asked for within 21 days of being notified of the decision. */
const REVIEW_DAYS = 21

/** The public rules (research/hclic.md §1.6), each reported against the question an officer corrects. */
function rulesOf(record: HclicCase, at: (number: string, subject: unknown) => Omit<Finding, 'caseReference' | 'severity' | 'message'>) {
  const found: Omit<Finding, 'caseReference'>[] = []
  const error = (number: string, subject: unknown, message: string) => found.push({ ...at(number, subject), severity: 'error', message })
  const applied = record.appliedOn
  const q = (number: string) => named(located(number).question)
  const { prevention, relief, mainDuty } = record

  if (!applicantOf(record))
    error('2.5', record.people[0] ?? record, `The household has no main applicant: ${q('2.5')} must say who the main applicant is.`)

  if (record.assessedOn !== null && record.assessedOn < applied)
    error(
      '1.5',
      record,
      `${q('1.5')}, ${longDate(record.assessedOn)}, is before ${q('1.22')}, ${longDate(applied)}: the assessment cannot come before the application.`,
    )

  for (const [period, number] of [
    [prevention, '4.2'],
    [relief, '5.2'],
  ] as const) {
    if (period && period.startedOn < applied)
      error(
        number,
        period,
        `${q(number)}, ${longDate(period.startedOn)}, is before ${q('1.22')}, ${longDate(applied)}: a duty cannot start before the application.`,
      )
  }

  if (prevention && relief) {
    if (prevention.endedOn === null)
      error(
        '4.5',
        prevention,
        `The relief duty started on ${longDate(relief.startedOn)} but ${q('4.5')} is not recorded: the prevention duty must end first.`,
      )
    else if (relief.startedOn < prevention.endedOn)
      error(
        '5.2',
        relief,
        `${q('5.2')}, ${longDate(relief.startedOn)}, is before ${q('4.5')}, ${longDate(prevention.endedOn)}: the relief duty cannot start while the prevention duty runs.`,
      )
  }

  // ACCOM_PR: a household that became homeless has no settled home to report; Locata's rule also
  // accepts the accommodation it was in at application (1.13).
  if (
    prevention?.endingGround === 'moved_to_relief' &&
    prevention.accommodationSecured !== null &&
    !UNSETTLED.has(prevention.accommodationSecured) &&
    prevention.accommodationSecured !== record.accommodationAtApplication
  )
    error(
      '4.8',
      prevention,
      `${q('4.8')} is a settled home, but the prevention duty ended because the household became homeless: record where they are staying (with family or friends, or other), or none.`,
    )

  for (const placement of record.placements) {
    if (placement.duty !== 's188') continue
    const placed = placement.placedOn
    const beforeAssessment = placed >= applied && (record.assessedOn === null || placed <= record.assessedOn)
    if (prevention && placed >= prevention.startedOn && (prevention.endedOn === null || placed < prevention.endedOn) && !beforeAssessment)
      error(
        '9.3',
        placement,
        `${q('9.3')}, ${longDate(placed)}, falls inside the prevention duty: interim accommodation (section 188) is entered before the assessment or after the prevention duty ends.`,
      )
    else if (prevention?.endingGround === 'suitable_accommodation_secured' && prevention.endedOn !== null && placed >= prevention.endedOn)
      error(
        '9.7',
        placement,
        `${q('9.7')} is interim accommodation (section 188), but the prevention duty succeeded on ${longDate(prevention.endedOn)}: a household placed after that needs a new application.`,
      )
  }

  if (relief?.endedOn) {
    const last = plusDays(relief.startedOn, RELIEF_DAYS - 1)
    if (relief.endingGround === ENDED_BY_ITSELF && relief.endedOn > last)
      error(
        '5.5',
        relief,
        `${q('5.5')}, ${longDate(relief.endedOn)}, is after the 56th day of the relief duty (${longDate(last)}), yet it ended by itself because 56 days elapsed.`,
      )
    if (relief.endingGround === ENDED_BY_NOTICE_AFTER_56_DAYS && relief.endedOn <= last)
      error(
        '5.5',
        relief,
        `${q('5.5')}, ${longDate(relief.endedOn)}, is within the relief duty’s 56 days (the 56th is ${longDate(last)}), yet a notice ended it because 56 days had passed (section 189B(7)(b)).`,
      )
  }

  if (mainDuty && relief) {
    if (relief.endedOn === null)
      error('5.5', relief, `The main duty decision was made on ${longDate(mainDuty.decidedOn)} but ${q('5.5')} is not recorded.`)
    else if (mainDuty.decidedOn < relief.endedOn)
      error(
        '7.1',
        mainDuty,
        `${q('7.1')}, ${longDate(mainDuty.decidedOn)}, is before ${q('5.5')}, ${longDate(relief.endedOn)}: the main duty is decided when the relief duty ends.`,
      )
  }

  if (record.partnerEmployment !== null && !record.people.some((p) => p.relationship === 'partner'))
    error(
      '1.23',
      record,
      `${q('1.23')} is recorded, but no partner or spouse is in the household: add the partner, or remove their employment status.`,
    )

  for (const review of record.reviews) {
    if (!review.notifiedOn) continue
    const deadline = plusDays(review.notifiedOn, REVIEW_DAYS - 1)
    const allowed = review.extendedInWritingTo && review.extendedInWritingTo > deadline ? review.extendedInWritingTo : deadline
    if (review.receivedOn > allowed)
      found.push({
        ...at('10.2', review),
        severity: 'warning',
        message: `${q('10.2')}, ${longDate(review.receivedOn)}, is more than 21 days after the decision was notified (${longDate(review.notifiedOn)}). Record the longer period if the council allowed it in writing.`,
      })
  }

  return found
}

function checkCase(record: HclicCase, quarter: Quarter, lists: readonly CodeList[]): Finding[] {
  const findings: Finding[] = []
  const caseReference = record.reference
  const fixAt = (path: string) => `/cases/${encodeURIComponent(caseReference)}${path}`
  answersOf(record, quarter, lists, fixAt, (f) => findings.push({ caseReference, ...f }))
  const at = (number: string, subject: unknown) => {
    const { section, question } = located(number)
    return { section: section.id, question: number, fixAt: fixAt(question.fixAt(subject, record)) }
  }
  for (const f of rulesOf(record, at)) findings.push({ caseReference, ...f })
  return findings
}

/**
 * Every finding for the cases entering a quarter's return, case by case in the order given. A case the
 * checks cannot read (a malformed date, say) is reported as such rather than left out.
 */
export function validateReturn(cases: readonly HclicCase[], quarter: Quarter, lists: readonly CodeList[]): Finding[] {
  return cases.flatMap((record) => {
    try {
      return checkCase(record, quarter, lists)
    } catch (cause) {
      return [
        {
          caseReference: record.reference,
          section: 'main',
          question: '1.1',
          severity: 'error' as const,
          message: `The case could not be checked (${cause instanceof Error ? cause.message : String(cause)}): correct its dates and check it again.`,
          fixAt: `/cases/${encodeURIComponent(record.reference)}`,
        },
      ]
    }
  })
}

/** The number of errors and warnings, for a run's summary. */
export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((f) => f.severity === 'error').length
  return { errors, warnings: findings.length - errors }
}
