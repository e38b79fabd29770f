import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { signedInAgent } from '../../test-support/browser.ts'
import { useWorld, type World } from '../../test-support/world.ts'

/** A view in the audit trail: what was viewed, and (for a case) which part of it. */
interface View {
  subject: string
  read?: string
}

/** The views the person has in the audit trail, each as subject and part read. */
async function viewsBy(world: World, userId: string): Promise<View[]> {
  const rows = await world.db
    .selectFrom('audit_events')
    .where('actor_user_id', '=', userId)
    .where('action', '=', 'view')
    .select(['subject_type', 'details'])
    .execute()
  return rows.map((r) => {
    const details = (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown> | null
    const read = details?.['read']
    return typeof read === 'string' ? { subject: r.subject_type, read } : { subject: r.subject_type }
  })
}

/**
 * Every page that shows a person's record writes an audit record of the read, in the read's own
 * transaction (issue 15: these pages read people's records with none).
 */
describe.each(testDatabaseKinds())('reads of people’s records are audited on $name', (kind) => {
  const current = useWorld(kind)

  async function applicantId(world: World) {
    const person = await world.db
      .selectFrom('people')
      .innerJoin('cases', 'cases.household_id', 'people.household_id')
      .where('cases.reference', '=', 'BAS-2026-00001')
      .where('people.is_applicant', '=', true)
      .select('people.id')
      .executeTakeFirstOrThrow()
    return person.id
  }

  it.each<{ page: string; path: (id: string) => string; view: (id: string) => View }>([
    {
      page: 'the household member page',
      path: (id: string) => `/cases/BAS-2026-00001/household/${id}`,
      view: (id: string) => ({ subject: 'case', read: `household_member:${id}` }),
    },
    {
      page: 'activities and contacts',
      path: () => '/cases/BAS-2026-00001/activities',
      view: () => ({ subject: 'case', read: 'activities_and_contacts' }),
    },
    {
      page: 'non-cooperation',
      path: () => '/cases/BAS-2026-00001/non-cooperation',
      view: () => ({ subject: 'case', read: 'non_cooperation' }),
    },
    {
      page: 'temporary accommodation',
      path: () => '/cases/BAS-2026-00001/temporary-accommodation',
      view: () => ({ subject: 'case', read: 'accommodation' }),
    },
    { page: 'the reviews', path: () => '/cases/BAS-2026-00001/reviews', view: () => ({ subject: 'case', read: 'reviews' }) },
    { page: 'the case list', path: () => '/cases', view: () => ({ subject: 'case_list' }) },
    { page: 'the referral list', path: () => '/referrals', view: () => ({ subject: 'referral_list' }) },
    { page: 'the finished referrals', path: () => '/referrals?show=finished', view: () => ({ subject: 'referral_list' }) },
  ])('$page', async ({ path, view }) => {
    const world = current()
    const id = await applicantId(world)
    const caseworker = await signedInAgent(world.app, world.users.basildonCaseworker.email)
    const expected = view(id)
    const count = async () =>
      (await viewsBy(world, world.users.basildonCaseworker.id)).filter((v) => v.subject === expected.subject && v.read === expected.read)
        .length
    const before = await count()
    const page = await caseworker.get(path(id))
    expect(page.status).toBe(200)
    expect(await count()).toBe(before + 1)
  })

  it('audits the team manager’s list of open cases, and not the team page’s counts', async () => {
    const world = current()
    const manager = await signedInAgent(world.app, world.users.basildonManager.email)
    const lists = async () => (await viewsBy(world, world.users.basildonManager.id)).filter((v) => v.subject === 'case_list').length
    const before = await lists()
    expect((await manager.get('/cases')).status).toBe(200)
    expect(await lists()).toBe(before + 1)
    expect((await manager.get('/')).status).toBe(200)
    expect(await lists()).toBe(before + 1)
  })
})
