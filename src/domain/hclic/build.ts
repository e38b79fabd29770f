import { LocalDate } from '@js-joda/core'
import type { Answers } from '../assessment.ts'
import { hclicAccommodation } from '../code-lists.ts'
import { reliefPeriodEnds } from '../statutory-dates.ts'
import { ageOn } from './mapping.ts'
import type { Quarter } from './quarter.ts'
import type { HclicCase, HclicDutyPeriod, HclicPersonalDetails } from './record.ts'

/**
 * Builds each case's H-CLIC record from what casework recorded: the case and its decisions (timeline
 * events), the assessment's answers, the household and its personal details, activities, placements
 * and reviews. Pure: features/hclic/queries.ts reads the rows.
 */

export interface CaseRow {
  id: string
  reference: string
  stage: string
  approached_on: string
  prevention_started_on: string | null
  relief_started_on: string | null
  closed_on: string | null
  assessed_on: string | null
  answers: Answers
  referring_body_type: string | null
  referred: boolean
  postcode: string | null
}

export interface PersonRow {
  case_id: string
  id: string
  is_applicant: boolean
  relationship_to_applicant: string | null
  given_name: string
  family_name: string
  date_of_birth: string | null
  sex: string | null
  ethnic_group: string | null
  nationality: string | null
  sexual_orientation: string | null
  gender_same_as_at_birth: string | null
  support_needs: string[] | null
}

export interface DecisionRow {
  case_id: string
  kind: string
  occurred_on: string
  details: Record<string, unknown>
}

export interface ActivityRow {
  case_id: string
  activity: string
  duty: string
  done_on: string
}

export interface PlacementRow {
  case_id: string
  duty: string
  accommodation_type: string
  bedrooms: number | null
  in_another_district: boolean
  placed_on: string
  ended_on: string | null
}

export interface ReviewRow {
  case_id: string
  decision: string
  received_on: string
  decided_on: string | null
  outcome: string | null
  notified_on: string
  extended_in_writing_to: string | null
}

export interface CaseRows {
  cases: CaseRow[]
  people: PersonRow[]
  decisions: DecisionRow[]
  activities: ActivityRow[]
  placements: PlacementRow[]
  reviews: ReviewRow[]
}

function byCase<T extends { case_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>()
  for (const row of rows) {
    const list = grouped.get(row.case_id)
    if (list) list.push(row)
    else grouped.set(row.case_id, [row])
  }
  return grouped
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)

export function buildRecords(
  rows: CaseRows,
  authorityCode: string,
  quarter: Quarter,
): { cases: HclicCase[]; personalDetails: HclicPersonalDetails[] } {
  const people = byCase(rows.people)
  const decisions = byCase(rows.decisions)
  const activities = byCase(rows.activities)
  const placements = byCase(rows.placements)
  const reviews = byCase(rows.reviews)
  const personalDetails: HclicPersonalDetails[] = []

  const cases = rows.cases.map((c): HclicCase => {
    const applied = LocalDate.parse(c.approached_on)
    const events = (decisions.get(c.id) ?? []).sort((a, b) => a.occurred_on.localeCompare(b.occurred_on))
    const first = (kind: string) => events.find((e) => e.kind === kind)
    const done = (activities.get(c.id) ?? []).sort((a, b) => a.done_on.localeCompare(b.done_on))
    const duty = (
      name: 'prevention' | 'relief',
      startedOn: string | null,
      ending: { kind: string; ground: (e: DecisionRow) => string | null; on?: (e: DecisionRow) => string }[],
    ): HclicDutyPeriod | null => {
      if (startedOn === null) return null
      const end = ending.map((e) => ({ event: first(e.kind), how: e })).find((e) => e.event !== undefined)
      return {
        startedOn,
        endedOn: end?.event ? (end.how.on?.(end.event) ?? end.event.occurred_on) : null,
        endingGround: end?.event ? end.how.ground(end.event) : null,
        accommodationSecured: end?.event ? text(end.event.details['accommodationSecured']) : null,
        activities: done.filter((a) => a.duty === name).map((a) => a.activity),
      }
    }
    const initial = first('accept_prevention_duty')
      ? 'prevention'
      : first('accept_relief_duty')
        ? 'relief'
        : first('no_duty_owed')
          ? 'no_duty'
          : null
    const mainDecision = first('main_duty_decision')
    const mainEnd = first('end_main_duty')
    const household = (people.get(c.id) ?? []).sort((a, b) => Number(b.is_applicant) - Number(a.is_applicant))
    for (const p of household)
      personalDetails.push({
        personId: p.id,
        givenName: p.given_name,
        familyName: p.family_name,
        dateOfBirth: p.date_of_birth,
        postcode: p.is_applicant ? c.postcode : null,
      })
    const { answers } = c
    return {
      caseId: c.id,
      reference: c.reference,
      authorityCode,
      stage: c.stage,
      appliedOn: c.approached_on,
      assessedOn: c.assessed_on,
      eligibility: answers.eligibility?.eligibility ?? null,
      initialDuty: initial,
      noDutyReason: text(first('no_duty_owed')?.details['reason']),
      // A1 counts a *valid* section 21 notice: one the officer has found invalid is not one.
      section21:
        initial === 'prevention' &&
        answers.homelessness?.possessionNotice === 'section_21' &&
        answers.homelessness.noticeValidity !== 'not_valid',
      applicantEmployment: answers.employment?.applicantEmployment ?? null,
      partnerEmployment: answers.employment?.partnerEmployment ?? null,
      housingCostBenefits: answers.employment?.housingCostBenefits ?? null,
      livingCostBenefits: answers.employment?.livingCostBenefits ?? null,
      // The assessment tells supported housing from hostels; the return has them as one category.
      accommodationAtApplication: hclicAccommodation(answers.accommodation?.accommodationAtApplication ?? null),
      lastSettledAccommodation: hclicAccommodation(answers.circumstances?.lastSettledAccommodation ?? null),
      reasonForLoss: answers.circumstances?.reasonForLoss ?? null,
      referred: c.referred,
      referringBodyType: c.referring_body_type,
      people: household.map((p) => ({
        personId: p.id,
        isApplicant: p.is_applicant,
        relationship: p.relationship_to_applicant,
        sex: p.sex,
        dateOfBirth: p.date_of_birth,
        ageAtApplication: ageOn(p.date_of_birth, applied),
        ageAtQuarterEnd: ageOn(p.date_of_birth, quarter.lastDay),
        ethnicGroup: p.ethnic_group,
        nationality: p.nationality,
        sexualOrientation: p.sexual_orientation,
        genderSameAsAtBirth: p.gender_same_as_at_birth,
        supportNeeds: p.support_needs,
      })),
      prevention: duty('prevention', c.prevention_started_on, [
        { kind: 'end_prevention_duty', ground: (e) => text(e.details['ground']) },
        { kind: 'became_homeless', ground: () => 'moved_to_relief' },
      ]),
      relief: duty('relief', c.relief_started_on, [
        { kind: 'end_relief_duty', ground: (e) => text(e.details['ground']) },
        {
          // In priority need and not intentionally homeless, the relief duty ends by itself after its 56
          // days (s189B(4)); otherwise the main duty decision's letter is the notice that ends it, on the
          // ground that 56 days have passed (s189B(5), (7)(b)). A decision recorded before the findings
          // were is taken to follow the automatic end, as it always was.
          kind: 'main_duty_decision',
          ground: (e) => (e.details['reliefEnded'] === 'by_notice' ? 'fifty_six_days_elapsed' : 'moved_to_main_duty_decision'),
          on: (e) =>
            e.details['reliefEnded'] === 'by_notice'
              ? e.occurred_on
              : c.relief_started_on
                ? reliefPeriodEnds(LocalDate.parse(c.relief_started_on)).toString()
                : c.approached_on,
        },
      ]),
      mainDuty: mainDecision
        ? {
            decidedOn: mainDecision.occurred_on,
            owed: mainDecision.details['owed'] === true,
            priorityNeed: text(mainDecision.details['priorityNeed']),
            intentionality: text(mainDecision.details['intentionality']),
            endedOn: mainEnd?.occurred_on ?? null,
            endingGround: mainEnd ? text(mainEnd.details['ground']) : null,
          }
        : null,
      placements: (placements.get(c.id) ?? [])
        .sort((a, b) => a.placed_on.localeCompare(b.placed_on))
        .map((p) => ({
          duty: p.duty,
          accommodationType: p.accommodation_type,
          bedrooms: p.bedrooms,
          inAnotherDistrict: p.in_another_district,
          placedOn: p.placed_on,
          endedOn: p.ended_on,
        })),
      reviews: (reviews.get(c.id) ?? [])
        .sort((a, b) => a.received_on.localeCompare(b.received_on))
        .map((r) => ({
          decision: r.decision,
          receivedOn: r.received_on,
          decidedOn: r.decided_on,
          outcome: r.outcome,
          notifiedOn: r.notified_on,
          extendedInWritingTo: r.extended_in_writing_to,
        })),
      closedOn: c.closed_on,
    }
  })
  return { cases, personalDetails }
}
