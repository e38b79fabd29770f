import { describe, expect, it } from 'vitest'
import type { HomelessnessAnswers } from '../assessment.ts'
import { buildRecords, type CaseRow } from './build.ts'
import { quarterOf } from './quarter.ts'

/** A1's "of which: due to service of valid Section 21 Notice" (1.6 with the notice recorded in the assessment). */
describe('the section 21 flag of a case’s H-CLIC record', () => {
  const kase = (homelessness: HomelessnessAnswers): CaseRow => ({
    id: 'case-1',
    reference: 'BAS-2026-00001',
    stage: 'prevention',
    approached_on: '2026-02-01',
    prevention_started_on: '2026-02-01',
    relief_started_on: null,
    closed_on: null,
    assessed_on: '2026-02-01',
    answers: { homelessness },
    referring_body_type: null,
    referred: false,
    postcode: null,
  })
  const flagged = (homelessness: HomelessnessAnswers) =>
    buildRecords(
      {
        cases: [kase(homelessness)],
        people: [],
        decisions: [{ case_id: 'case-1', kind: 'accept_prevention_duty', occurred_on: '2026-02-01', details: {} }],
        activities: [],
        placements: [],
        reviews: [],
      },
      'E07000066',
      quarterOf(2026, 1),
    ).cases[0]?.section21

  it.each<[string, HomelessnessAnswers, boolean]>([
    ['a valid section 21 notice (s175(5))', { possessionNotice: 'section_21', noticeValidity: 'valid' }, true],
    ['one not yet checked', { possessionNotice: 'section_21', noticeValidity: 'not_checked' }, true],
    ['one recorded before validity was asked', { possessionNotice: 'section_21' }, true],
    [
      'one the officer found not valid: not a "valid Section 21 Notice"',
      { possessionNotice: 'section_21', noticeValidity: 'not_valid' },
      false,
    ],
    ['a section 8 notice', { possessionNotice: 'section_8', noticeValidity: 'valid' }, false],
  ])('%s', (_, homelessness, expected) => {
    expect(flagged(homelessness)).toBe(expected)
  })
})
