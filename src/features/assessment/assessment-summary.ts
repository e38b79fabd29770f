import { LocalDate } from '@js-joda/core'
import { ELIGIBILITY, HOMELESSNESS_STATUSES, section21MayBeInvalid, type Answers, type Section } from '../../domain/assessment.ts'
import {
  BENEFIT_CLAIMS,
  EMPLOYMENT_STATUSES,
  POSSESSION_NOTICE_TYPES,
  REASONS_FOR_LOSS_OF_HOME,
  RECORDED_ACCOMMODATION,
  SUPPORT_NEEDS,
} from '../../domain/code-lists.ts'
import { isStatutoryNotice, NOTICE_VALIDITY, ONLY_ACCOMMODATION } from '../../domain/possession-notices.ts'
import { formatDate } from '../../platform/formatting.ts'

/** The assessment's answers as the "Check your answers" page reads them: each question with its answer in words. */

export interface Row {
  question: string
  answer: string
}

const NOT_ANSWERED = 'Not answered'

function label(list: Record<string, string>, code: string | undefined): string {
  return code ? (list[code] ?? code) : NOT_ANSWERED
}

function date(value: string | undefined): string {
  return value ? formatDate(value) : NOT_ANSWERED
}

export function summaryOf(section: Section, answers: Answers, people: { id: string; given_name: string; family_name: string }[]): Row[] {
  switch (section) {
    case 'eligibility': {
      const a = answers.eligibility ?? {}
      return [
        { question: 'Eligible for assistance', answer: label(ELIGIBILITY, a.eligibility) },
        { question: 'Immigration status', answer: a.immigrationStatus ?? NOT_ANSWERED },
      ]
    }
    case 'homelessness': {
      const a = answers.homelessness ?? {}
      const rows = [{ question: 'Homeless or threatened', answer: label(HOMELESSNESS_STATUSES, a.status) }]
      if (a.status === 'homeless') rows.push({ question: 'Became homeless on', answer: date(a.homelessSince) })
      if (a.status === 'threatened_within_56_days')
        rows.push({ question: 'Expects to become homeless on', answer: date(a.expectedHomelessOn) })
      rows.push({ question: 'Notice served', answer: label(POSSESSION_NOTICE_TYPES, a.possessionNotice) })
      if (a.possessionNotice && a.possessionNotice !== 'none') {
        rows.push({ question: 'Notice served on', answer: date(a.noticeServedOn) })
        let expiry = date(a.noticeExpiresOn)
        if (
          a.possessionNotice === 'section_21' &&
          a.noticeServedOn &&
          a.noticeExpiresOn &&
          section21MayBeInvalid(LocalDate.parse(a.noticeServedOn), LocalDate.parse(a.noticeExpiresOn))
        )
          expiry += ' (less than two months after it was served: the notice may not be valid)'
        rows.push({ question: 'Notice expires on', answer: expiry })
      }
      if (isStatutoryNotice(a.possessionNotice)) {
        rows.push({ question: 'Notice valid', answer: label(NOTICE_VALIDITY, a.noticeValidity) })
        rows.push({ question: 'Only accommodation available', answer: label(ONLY_ACCOMMODATION, a.onlyAccommodation) })
      }
      return rows
    }
    case 'circumstances': {
      const a = answers.circumstances ?? {}
      return [
        { question: 'Last settled home', answer: label(RECORDED_ACCOMMODATION, a.lastSettledAccommodation) },
        { question: 'Main reason for the loss of the last settled home', answer: label(REASONS_FOR_LOSS_OF_HOME, a.reasonForLoss) },
        { question: 'Circumstances', answer: a.circumstances ?? NOT_ANSWERED },
      ]
    }
    case 'accommodation': {
      const a = answers.accommodation ?? {}
      return [
        { question: 'Accommodation at application', answer: label(RECORDED_ACCOMMODATION, a.accommodationAtApplication) },
        { question: 'Details', answer: a.details ?? NOT_ANSWERED },
      ]
    }
    case 'housing_needs': {
      const a = answers.housing_needs ?? {}
      return [
        { question: 'Bedrooms needed', answer: a.bedrooms === undefined ? NOT_ANSWERED : String(a.bedrooms) },
        { question: 'Accessibility', answer: a.accessibility ?? NOT_ANSWERED },
        { question: 'Location', answer: a.location ?? NOT_ANSWERED },
        { question: 'Other needs', answer: a.other ?? NOT_ANSWERED },
      ]
    }
    case 'support_needs': {
      const needs = answers.support_needs ?? {}
      return people.map((p) => {
        const list = needs[p.id]
        return {
          question: `${p.given_name} ${p.family_name}`,
          answer: list === undefined ? NOT_ANSWERED : list.length === 0 ? 'No support needs' : list.map((n) => SUPPORT_NEEDS[n]).join('; '),
        }
      })
    }
    case 'employment': {
      const a = answers.employment ?? {}
      const rows = [{ question: 'Applicant’s employment', answer: label(EMPLOYMENT_STATUSES, a.applicantEmployment) }]
      if (a.partnerEmployment) rows.push({ question: 'Partner’s employment', answer: label(EMPLOYMENT_STATUSES, a.partnerEmployment) })
      rows.push(
        { question: 'Benefits towards housing costs', answer: label(BENEFIT_CLAIMS, a.housingCostBenefits) },
        { question: 'Benefits towards other living costs', answer: label(BENEFIT_CLAIMS, a.livingCostBenefits) },
        { question: 'Benefits details', answer: a.benefitsDetails ?? NOT_ANSWERED },
      )
      return rows
    }
    case 'strengths': {
      const a = answers.strengths ?? {}
      return [
        { question: 'Skills and resources', answer: a.skills ?? NOT_ANSWERED },
        { question: 'Family, friends and networks', answer: a.networks ?? NOT_ANSWERED },
        { question: 'What has worked before', answer: a.whatHasWorked ?? NOT_ANSWERED },
        { question: 'What they want to achieve', answer: a.goals ?? NOT_ANSWERED },
      ]
    }
  }
}
