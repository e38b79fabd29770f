import { LocalDate } from '@js-joda/core'
import { type Actor } from '../../db/actor.ts'
import {
  SECTIONS,
  SECTION_ORDER,
  assessmentDateProblem,
  homelessnessProblems,
  householdSupportNeeds,
  incompleteSections,
  missingAnswers,
  riskAtAssessment,
  sectionStatus,
  type Answers,
  type HomelessnessAnswers,
  type HouseholdFacts,
  type Problem,
  type Section,
  type SupportNeedsAnswers,
} from '../../domain/assessment.ts'
import { recordAudit, type Origin } from '../../platform/audit.ts'
import { pathString, type Refusal } from '../../platform/commands.ts'
import { findCaseByReference } from '../case/queries.ts'
import type { LetterFacts } from '../../domain/letters.ts'
import { REASONS_FOR_LOSS_OF_HOME, SUPPORT_NEEDS } from '../../domain/code-lists.ts'
import type { CompleteAssessment, SectionCommand } from './commands.ts'
import { type StepResult, CaseService } from '../case/kernel.ts'
import { assessmentOf, replaceSupportNeeds, saveAssessment, summariseOnCase, supportNeedsOf } from './queries.ts'

export type AssessmentResult = StepResult

type Found = NonNullable<Awaited<ReturnType<typeof findCaseByReference>>>

/**
 * The assessment of a case (Housing Act 1996 s189A), section by section, then completed on a date.
 * Each save carries the version the officer read, so a second officer's save over the first is refused
 * rather than silently overwriting it. Completing the assessment brings the case's own summary (risk,
 * accommodation, reason for loss, support needs) in step, so caseloads and figures stay right.
 */
export class AssessmentService extends CaseService {
  /** The assessment as it stands, with each section's status. Reading it is audited. */
  async view(actor: Actor, reference: string, origin: Origin) {
    return this.cases.readCase(actor, reference, { recordedByWork: 'a view of the assessment' }, async (trx, found) => {
      const row = await assessmentOf(trx, found.id)
      const answers = answersOf(row, await supportNeedsOf(trx, found.id))
      const household = householdOf(found)
      await recordAudit(
        trx,
        actor,
        {
          action: 'view',
          subjectType: 'case_assessment',
          subjectId: found.id,
          subjectOrganisationId: found.authority_id,
          details: { reference },
        },
        origin,
        this.clock.now(),
      )
      return {
        found,
        answers,
        household,
        version: row?.version ?? 0,
        assessedOn: row?.assessed_on ?? null,
        sections: SECTION_ORDER.map((key) => ({ key, title: SECTIONS[key], status: sectionStatus(key, answers, household) })),
        incomplete: incompleteSections(answers, household),
      }
    })
  }

  /**
   * Saves a section as a whole. Whatever is given must fit today and the household; "Save and continue"
   * (`complete` not false) also needs every answer the section requires, while "Save and come back
   * later" keeps it in progress.
   */
  async saveSection<S extends Section>(
    actor: Actor,
    reference: string,
    section: S,
    command: SectionCommand<S>,
    origin: Origin,
  ): Promise<AssessmentResult> {
    return this.cases.recordStep(actor, reference, origin, async (trx, officer, found) => {
      const household = householdOf(found)
      const answers = sectionAnswers(section, command, household)
      const today = this.clock.today()
      const problems =
        section === 'homelessness' ? homelessnessProblems(answers as HomelessnessAnswers, today, threatJudgedOn(found) ?? today) : []
      if (command.complete !== false && problems.length === 0) problems.push(...missingAnswers(section, { [section]: answers }, household))
      if (problems.length > 0) return { refusals: refusalsOf(problems) }
      const owner = { caseId: found.id, authorityId: found.authority_id, providerId: found.provider_organisation_id }
      const changes = section === 'support_needs' ? { support_needs_saved: true } : { [section]: JSON.stringify(answers) }
      if (!(await saveAssessment(trx, owner, command.version, changes, officer.userId, this.clock.now()))) return 'conflict'
      if (section === 'support_needs') await replaceSupportNeeds(trx, owner, answers as SupportNeedsAnswers)
      return {
        event: 'assessment_section_saved',
        on: this.clock.today().toString(),
        details: { section },
        auditSubject: { type: 'case_assessment', id: found.id },
      }
    })
  }

  /** Completes the assessment on the date given, once every section is complete. */
  async complete(actor: Actor, reference: string, command: CompleteAssessment, origin: Origin): Promise<AssessmentResult> {
    return this.cases.recordStep(actor, reference, origin, async (trx, officer, found) => {
      const row = await assessmentOf(trx, found.id)
      const answers = answersOf(row, await supportNeedsOf(trx, found.id))
      const refusals: Refusal[] = incompleteSections(answers, householdOf(found)).map((section) => ({
        path: `sections.${section}`,
        message: `Complete the section “${SECTIONS[section]}”`,
      }))
      const date = LocalDate.parse(command.date)
      const problem = assessmentDateProblem(date, LocalDate.parse(found.approached_on), this.clock.today())
      if (problem) refusals.push({ path: 'date', message: problem })
      if (refusals.length > 0) return { refusals }
      if (!row) return 'conflict'
      const now = this.clock.now()
      const owner = { caseId: found.id, authorityId: found.authority_id, providerId: found.provider_organisation_id }
      const on = date.toString()
      if (!(await saveAssessment(trx, owner, command.version, { assessed_on: on, completed_by: officer.userId }, officer.userId, now)))
        return 'conflict'
      const risk = riskAtAssessment(answers.homelessness ?? {}, date)
      await summariseOnCase(
        trx,
        found.id,
        {
          housingStatus: answers.accommodation?.accommodationAtApplication ?? null,
          riskAtAssessment: risk,
          reasonForLossOfHome: answers.circumstances?.reasonForLoss ?? null,
          supportNeeds: householdSupportNeeds(answers.support_needs ?? {}),
        },
        now,
      )
      return {
        event: 'assessment_completed',
        on,
        details: { risk, eligibility: answers.eligibility?.eligibility, possessionNotice: answers.homelessness?.possessionNotice },
        auditSubject: { type: 'case_assessment', id: found.id },
        // The applicant is told in writing what the assessment found (s189A(3)).
        letter: { kind: 'assessment_notification', facts: assessmentLetterFacts(answers, on) },
      }
    })
  }
}

/**
 * A section's command as the answers it stores: only what was said (no blanks), support needs only for
 * the household's own members, and a partner's employment only when there is a partner.
 */
function sectionAnswers<S extends Section>(section: S, command: SectionCommand<S>, household: HouseholdFacts): Answers[S] {
  if (section === 'support_needs') {
    const { needs } = command as SectionCommand<'support_needs'>
    return Object.fromEntries(Object.entries(needs).filter(([id]) => household.personIds.includes(id)))
  }
  const answers = Object.entries(command).filter(
    ([key, value]) =>
      key !== 'complete' &&
      key !== 'version' &&
      value !== undefined &&
      value !== '' &&
      !(key === 'partnerEmployment' && !household.hasPartner),
  )
  return Object.fromEntries(answers)
}

/** The domain's problems at the command's paths: `homelessSince-day` is homelessSince, `needs-ID` is needs.ID. */
function refusalsOf(problems: readonly Problem[]): Refusal[] {
  const refusals: Refusal[] = []
  for (const problem of problems) {
    const path = problem.field.startsWith('needs-')
      ? pathString(['needs', problem.field.slice('needs-'.length)])
      : problem.field.replace(/-day$/, '')
    // One problem a field: the first is the one to put right first.
    if (!refusals.some((r) => r.path === path)) refusals.push({ path, message: problem.message })
  }
  return refusals
}

/**
 * The day the threat was decided on (s175(4)-(5)), once it has been: the prevention duty's decision, or
 * the decision that the household was not threatened. A section saved after the decision is judged as
 * things stood on that day.
 */
function threatJudgedOn(found: Found): LocalDate | undefined {
  if (found.prevention_started_on) return LocalDate.parse(found.prevention_started_on)
  if (found.outcome === 'not_homeless_or_threatened' && found.closed_on) return LocalDate.parse(found.closed_on)
  return undefined
}

function householdOf(found: Found): HouseholdFacts {
  return {
    personIds: found.people.map((p) => p.id),
    hasPartner: found.people.some((p) => p.relationship_to_applicant === 'partner'),
  }
}

function answersOf(row: Awaited<ReturnType<typeof assessmentOf>>, needs: { person_id: string; needs: string[] }[]): Answers {
  if (!row) return {}
  const answers: Record<string, unknown> = {}
  for (const column of [
    'eligibility',
    'homelessness',
    'circumstances',
    'accommodation',
    'housing_needs',
    'employment',
    'strengths',
  ] as const)
    if (row[column] !== null) answers[column] = row[column]
  if (row.support_needs_saved) answers['support_needs'] = Object.fromEntries(needs.map((n) => [n.person_id, n.needs]))
  return answers
}

/** What the assessment found, in the applicant's letter's words: labels, never codes. */
function assessmentLetterFacts(answers: Answers, on: string): LetterFacts {
  const needs = answers.housing_needs ?? {}
  const reason = answers.circumstances?.reasonForLoss
  return {
    decidedOn: on,
    circumstances: reason ? REASONS_FOR_LOSS_OF_HOME[reason] : undefined,
    housingNeeds: [
      needs.bedrooms === undefined ? undefined : `${String(needs.bedrooms)} ${needs.bedrooms === 1 ? 'bedroom' : 'bedrooms'}`,
      needs.accessibility,
      needs.location,
      needs.other,
    ].filter((n): n is string => typeof n === 'string' && n.trim() !== ''),
    supportNeeds: householdSupportNeeds(answers.support_needs ?? {}).map((need) => SUPPORT_NEEDS[need]),
  }
}
