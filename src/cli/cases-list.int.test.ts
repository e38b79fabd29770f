import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../db/testing.ts'
import type { SystemActor } from '../platform/audit.ts'
import { RefusedError } from '../platform/refused.ts'
import { signedInAgent } from '../test-support/browser.ts'
import { useWorld, type World } from '../test-support/world.ts'
import { COMMANDS } from './commands.ts'

const system: SystemActor = { kind: 'system', organisationId: null, label: 'test' }
const casesList = COMMANDS.find((c) => c.name === 'cases list')

/**
 * `cases list --as EMAIL` lists exactly what that person's case list page shows them, for every role:
 * the command and the page read the one list, as the person, under row-level security. Basildon has
 * two open cases, one named to its caseworker and one to its team manager; Harlow has its own, and a
 * provider's mentor holds one of Harlow's.
 */
describe.each(testDatabaseKinds())('cases list --as, on $name', (kind) => {
  const current = useWorld(kind)

  async function managersCase(world: World) {
    const found = await world.db.selectFrom('cases').where('reference', '=', 'BAS-2026-00002').select('id').executeTakeFirst()
    if (found) return
    const household = (
      await world.db.insertInto('households').values({ authority_id: world.ids.basildon }).returning('id').executeTakeFirstOrThrow()
    ).id
    await world.db
      .insertInto('people')
      .values({ household_id: household, authority_id: world.ids.basildon, is_applicant: true, given_name: 'Rosa', family_name: 'Lind' })
      .execute()
    await world.db
      .insertInto('cases')
      .values({
        reference: 'BAS-2026-00002',
        authority_id: world.ids.basildon,
        officer_id: world.users.basildonManager.id,
        household_id: household,
        approached_on: '2026-02-10',
        approach_channel: 'in_person',
        stage: 'prevention',
      })
      .execute()
  }

  /** What the command prints as that person: the references listed, or why it refused. */
  async function command(email: string): Promise<string[] | { refused: string }> {
    if (!casesList) throw new Error('no cases list command')
    const out: string[] = []
    try {
      await casesList.run(
        { as: email },
        { services: current().services, actor: system, out: (line) => out.push(line), err: () => undefined },
      )
    } catch (error) {
      if (error instanceof RefusedError) return { refused: error.message }
      throw error
    }
    return out.filter((line) => line.includes('\t')).map((line) => line.split('\t')[0] ?? '')
  }

  /** What the person's case list page shows: the references on it, or its status when it refuses them. */
  async function page(email: string): Promise<string[] | number> {
    const response = await (await signedInAgent(current().app, email)).get('/cases')
    if (response.status !== 200) return response.status
    return [...new Set(response.text.match(/\b[A-Z]{3}-\d{4}-\d{5}\b/g) ?? [])]
  }

  it.each([
    ['a caseworker: their own caseload', 'basildonCaseworker', ['BAS-2026-00001']],
    ['a team leader: the authority’s open cases', 'basildonManager', ['BAS-2026-00001', 'BAS-2026-00002']],
    ['an analyst: the authority’s open cases', 'basildonAnalyst', ['BAS-2026-00001', 'BAS-2026-00002']],
    ['another authority’s caseworker: theirs alone', 'harlowCaseworker', ['HAR-2026-00001']],
    ['a provider’s mentor: the case they hold in another authority', 'phoenixMentor', ['HAR-2026-00002']],
  ] as const)('lists for %s what their page shows', async (_who, user, expected) => {
    await managersCase(current())
    const email = current().users[user].email
    const listed = await command(email)
    expect(Array.isArray(listed) ? [...listed].sort() : listed).toEqual(expected)
    const shown = await page(email)
    expect(Array.isArray(shown) ? [...shown].sort() : shown).toEqual(expected)
  })

  it.each([
    ['an administrator', 'basildonAdmin', 'Dan Reeves is an administrator: their pages show no cases, so none are listed'],
    ['another authority’s administrator', 'harlowAdmin', 'Grace Okafor is an administrator: their pages show no cases, so none are listed'],
    ['a referrer', 'hospitalReferrer', 'Ana Nurse is a referrer: their pages show no cases, so none are listed'],
  ] as const)('lists no case for %s, whose case list page refuses them', async (_who, user, message) => {
    await managersCase(current())
    const email = current().users[user].email
    expect(await command(email)).toEqual({ refused: message })
    expect(await page(email)).toBe(403)
  })
})
