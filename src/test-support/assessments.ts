import { SYSTEM_ORIGIN } from '../platform/audit.ts'
import type { Actor } from '../db/actor.ts'
import type { HomelessnessAnswers, Section } from '../domain/assessment.ts'
import type { AccommodationAtApplication } from '../domain/code-lists.ts'
import type { World } from './world.ts'

/**
 * Completes a case's assessment through the assessment service, as an officer would section by
 * section: the homelessness and accommodation answers given, the rest plain. What the case then records
 * (its risk and housing status) is casework's own doing.
 */
export async function completeAssessment(
  world: World,
  officer: Actor & { kind: 'user' },
  reference: string,
  answers: { homelessness: HomelessnessAnswers; accommodation: AccommodationAtApplication; assessedOn: string },
): Promise<void> {
  const service = world.services.assessment
  const people = await world.db
    .selectFrom('people')
    .innerJoin('cases', 'cases.household_id', 'people.household_id')
    .where('cases.reference', '=', reference)
    .select('people.id')
    .execute()
  let version = 0
  const saved = (result: Awaited<ReturnType<typeof service.complete>>, what: string) => {
    if (result.outcome !== 'recorded') throw new Error(`${reference}: could not save ${what}: ${JSON.stringify(result)}`)
    version++
  }
  const section = async (name: Section, command: Record<string, unknown>) => {
    saved(await service.saveSection(officer, reference, name, { ...command, version }, SYSTEM_ORIGIN), name)
  }
  await section('eligibility', { eligibility: 'eligible' })
  await section('homelessness', { possessionNotice: 'none', ...answers.homelessness })
  await section('circumstances', { reasonForLoss: 'other_or_not_known', circumstances: 'As the household told it.' })
  await section('accommodation', { accommodationAtApplication: answers.accommodation })
  await section('housing_needs', { bedrooms: 1 })
  await section('support_needs', { needs: Object.fromEntries(people.map((p) => [p.id, ['mental_health']])) })
  await section('employment', { applicantEmployment: 'part_time', housingCostBenefits: 'yes', livingCostBenefits: 'no' })
  await section('strengths', { skills: 'Keeps a budget' })
  saved(await service.complete(officer, reference, { date: answers.assessedOn, version }, SYSTEM_ORIGIN), 'the assessment')
}
