import { describe, expect, it } from 'vitest'
import { errorsOn, readForm } from '../../platform/http/form-commands.ts'
import { DECIDE_REVIEW_FORM, REQUEST_REVIEW_FORM } from './forms.ts'

const OFFICER = '6f1c2a4e-8b3d-4c5e-9f7a-1b2c3d4e5f60'
const request = {
  decision: 'relief_steps',
  originalDecisionBy: OFFICER,
  'notifiedOn-day': '2',
  'notifiedOn-month': '2',
  'notifiedOn-year': '2026',
  'receivedOn-day': '20',
  'receivedOn-month': '2',
  'receivedOn-year': '2026',
  'extendedInWritingTo-day': '',
  'extendedInWritingTo-month': '',
  'extendedInWritingTo-year': '',
  requestedBy: 'applicant',
  grounds: '  ',
}

describe('the review request form', () => {
  it('makes the command: dates from their parts, no longer period when it is left blank, the council reviewing by default', () => {
    expect(readForm(REQUEST_REVIEW_FORM, request)).toEqual({
      command: {
        decision: 'relief_steps',
        originalDecisionBy: OFFICER,
        notifiedOn: '2026-02-02',
        receivedOn: '2026-02-20',
        requestedBy: 'applicant',
        reviewer: 'authority',
      },
    })
  })

  it('names each field that is wrong at once, dates in the design system’s words, on today’s fields', () => {
    const read = readForm(REQUEST_REVIEW_FORM, {
      ...request,
      decision: '',
      originalDecisionBy: '',
      'notifiedOn-day': '',
      'notifiedOn-month': '',
      'notifiedOn-year': '',
      'receivedOn-month': '',
      'extendedInWritingTo-day': '31',
      'extendedInWritingTo-month': '2',
      'extendedInWritingTo-year': '2026',
      reviewer: '',
    })
    expect('refusals' in read && errorsOn(REQUEST_REVIEW_FORM, read.refusals)).toEqual([
      { href: '#receivedOn-day', text: 'Date the request was received must include a month' },
      { href: '#decision', text: 'Select the decision the applicant wants reviewed' },
      { href: '#notifiedOn-day', text: 'Enter the date the applicant was notified of the decision' },
      { href: '#extendedInWritingTo-day', text: 'End of the longer period agreed in writing must be a real date' },
      { href: '#reviewer', text: 'Select who carries out the review' },
      { href: '#originalDecisionBy', text: 'Select the officer who made the original decision' },
    ])
  })

  it('needs no officer for a decision in the timeline, which names who recorded it', () => {
    const read = readForm(REQUEST_REVIEW_FORM, { ...request, decision: 'event:abc', originalDecisionBy: '' })
    expect('command' in read && read.command.decision).toBe('event:abc')
  })

  it('refuses a joint review of a decision other than the local connection conditions', () => {
    const read = readForm(REQUEST_REVIEW_FORM, { ...request, reviewer: 'appointed_person' })
    expect('refusals' in read && errorsOn(REQUEST_REVIEW_FORM, read.refusals).map((e) => e.href)).toEqual(['#reviewer'])
  })
})

describe('the decision on review form', () => {
  const decision = { outcome: 'upheld', 'decidedOn-day': '2', 'decidedOn-month': '3', 'decidedOn-year': '2026', reasons: ' Reasonable. ' }

  it('makes the command', () => {
    expect(readForm(DECIDE_REVIEW_FORM, decision)).toEqual({ command: { outcome: 'upheld', date: '2026-03-02', reasons: 'Reasonable.' } })
  })

  it('needs reasons unless the applicant withdrew', () => {
    const missing = readForm(DECIDE_REVIEW_FORM, { ...decision, reasons: '' })
    expect('refusals' in missing && errorsOn(DECIDE_REVIEW_FORM, missing.refusals)).toEqual([
      { href: '#reasons', text: 'Enter the reasons for the decision on review' },
    ])
    expect(readForm(DECIDE_REVIEW_FORM, { ...decision, outcome: 'withdrawn', reasons: '' })).toEqual({
      command: { outcome: 'withdrawn', date: '2026-03-02' },
    })
  })

  it('names each field that is wrong at once', () => {
    const read = readForm(DECIDE_REVIEW_FORM, { 'decidedOn-day': '', 'decidedOn-month': '', 'decidedOn-year': '' })
    expect('refusals' in read && errorsOn(DECIDE_REVIEW_FORM, read.refusals)).toEqual([
      { href: '#outcome', text: 'Select the decision on review' },
      { href: '#decidedOn-day', text: 'Enter the date of the decision' },
      { href: '#reasons', text: 'Enter the reasons for the decision on review' },
    ])
  })
})
