import type { World } from './world.ts'

/**
 * A personalised housing plan on the world's Basildon case (BAS-2026-00001), or on another Basildon case
 * a test made, made and agreed on 5 February 2026: an applicant's step a non-cooperation warning can be
 * about, a council's step it cannot. Written straight to the database, as the plan pages have their own tests.
 */
export async function agreedPlanOnBasildonCase(
  world: World,
  caseId: string = world.ids.basildonCase,
): Promise<{ applicantStep: string; councilStep: string }> {
  const { db, ids, users } = world
  const existing = await db.selectFrom('housing_plans').select('id').where('case_id', '=', caseId).executeTakeFirst()
  const plan =
    existing ??
    (await db
      .insertInto('housing_plans')
      .values({
        case_id: caseId,
        authority_id: ids.basildon,
        made_on: '2026-02-05',
        made_by: users.basildonCaseworker.id,
        agreement: 'agreed',
        agreement_recorded_on: '2026-02-05',
        next_review_on: '2026-03-05',
        updated_at: new Date('2026-02-05T10:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow())
  const step = async (position: number, owner: 'applicant' | 'council', text: string) => {
    const found = await db
      .selectFrom('housing_plan_steps')
      .select('id')
      .where('plan_id', '=', plan.id)
      .where('position', '=', position)
      .executeTakeFirst()
    if (found) return found.id
    return (
      await db
        .insertInto('housing_plan_steps')
        .values({
          plan_id: plan.id,
          case_id: caseId,
          authority_id: ids.basildon,
          position,
          owner,
          owner_name: owner === 'council' ? 'Priya Shah' : null,
          text,
          due_on: '2026-02-20',
          status: 'not_started',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  }
  return {
    applicantStep: await step(1, 'applicant', 'Attend the viewing arranged with the landlord'),
    councilStep: await step(2, 'council', 'Negotiate with the landlord'),
  }
}
