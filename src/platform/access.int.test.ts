import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Router } from 'express'
import { asActor, type Actor } from '../db/actor.ts'
import { declarePurpose } from '../db/modes.ts'
import { LocalDate } from '@js-joda/core'
import { parseQuarter } from '../domain/hclic/quarter.ts'
import { testDatabaseKinds } from '../db/testing.ts'
import { signedInAgent } from '../test-support/browser.ts'
import { createWorld, type World } from '../test-support/world.ts'

interface ApiErrors {
  errors: { path?: string; message: string }[]
}

/**
 * The line between organisations, tried from every side: pages, the API, and the database itself with
 * queries that forget to say whose records they want.
 */
describe.each(testDatabaseKinds())('who can see what, on $name', (kind) => {
  let world: World
  let hospitalKey: string
  let prisonKey: string
  const system = { kind: 'system' as const, organisationId: null, label: 'test' }

  beforeAll(async () => {
    world = await createWorld(kind)
    hospitalKey = (await world.services.apiKeys.create('Princess Alexandra Hospital NHS Trust', system)).key
    prisonKey = (await world.services.apiKeys.create('HMP Chelmsford', system)).key
  })
  afterAll(async () => {
    await world.close()
  })

  function actorFor(user: { id: string }, organisationId: string, role: Extract<Actor, { kind: 'user' }>['role']): Actor {
    return { kind: 'user', userId: user.id, organisationId, role, label: 'test' }
  }

  describe('through pages', () => {
    it('shows a caseworker their own authority’s case and not another authority’s', async () => {
      const agent = await signedInAgent(world.app, world.users.basildonCaseworker.email)
      expect((await agent.get('/cases/BAS-2026-00001')).status).toBe(200)
      const other = await agent.get('/cases/HAR-2026-00001')
      expect(other.status).toBe(404)
      expect(other.text).not.toContain('Kirsty')
    })

    it('shows a provider’s mentor the case they hold in another authority, and nothing else there', async () => {
      const agent = await signedInAgent(world.app, world.users.phoenixMentor.email)
      const own = await agent.get('/cases/HAR-2026-00002')
      expect(own.status).toBe(200)
      expect(own.text).toContain('Maya')
      expect((await agent.get('/cases/HAR-2026-00001')).status).toBe(404)
      expect((await agent.get('/cases/BAS-2026-00001')).status).toBe(404)
    })

    it('shows the authority’s staff a case its provider holds, with the provider’s mentor as named officer', async () => {
      const agent = await signedInAgent(world.app, world.users.harlowCaseworker.email)
      const page = await agent.get('/cases/HAR-2026-00002')
      expect(page.status).toBe(200)
      expect(page.text).toContain('Leah Price (Phoenix Futures)')
    })

    it('keeps referrers out of casework entirely', async () => {
      const agent = await signedInAgent(world.app, world.users.hospitalReferrer.email)
      expect((await agent.get('/cases')).status).toBe(403)
      expect((await agent.get('/cases/BAS-2026-00001')).status).toBe(403)
    })

    it('shows a referrer their organisation’s referrals only', async () => {
      const agent = await signedInAgent(world.app, world.users.hospitalReferrer.email)
      expect((await agent.get(`/referrals/${world.ids.hospitalReferralToBasildon}`)).status).toBe(200)
      expect((await agent.get(`/referrals/${world.ids.prisonReferralToHarlow}`)).status).toBe(404)
      const list = await agent.get('/referrals')
      expect(list.text).toContain('REF-AAAA01')
      expect(list.text).not.toContain('REF-AAAA02')
    })

    it('shows an authority the referrals made to it and not those made to another', async () => {
      const agent = await signedInAgent(world.app, world.users.basildonCaseworker.email)
      expect((await agent.get(`/referrals/${world.ids.hospitalReferralToBasildon}`)).status).toBe(200)
      expect((await agent.get(`/referrals/${world.ids.prisonReferralToHarlow}`)).status).toBe(404)
    })

    it('keeps the audit trail to administrators, and to their own organisation', async () => {
      const caseworker = await signedInAgent(world.app, world.users.basildonCaseworker.email)
      expect((await caseworker.get('/admin/audit')).status).toBe(403)
      await caseworker.get('/cases/BAS-2026-00001')
      const basildonAdmin = await signedInAgent(world.app, world.users.basildonAdmin.email)
      expect((await basildonAdmin.get('/admin/audit?action=view')).text).toContain('BAS-2026-00001')
      const harlowAdmin = await signedInAgent(world.app, world.users.harlowAdmin.email)
      expect((await harlowAdmin.get('/admin/audit?action=view')).text).not.toContain('BAS-2026-00001')
    })
  })

  describe('through the API', () => {
    it('answers 401 without a key or with a wrong one', async () => {
      const none = await request(world.app).get(`/api/v1/referrals/${world.ids.hospitalReferralToBasildon}`)
      expect(none.status).toBe(401)
      expect((none.body as ApiErrors).errors[0]?.message).toContain('Authorization: Bearer')
      const wrong = await request(world.app)
        .get(`/api/v1/referrals/${world.ids.hospitalReferralToBasildon}`)
        .set('Authorization', 'Bearer upk_not-a-key')
      expect(wrong.status).toBe(401)
    })

    it('gives a referring organisation its own referral and not another’s', async () => {
      const own = await request(world.app)
        .get(`/api/v1/referrals/${world.ids.hospitalReferralToBasildon}`)
        .set('Authorization', `Bearer ${hospitalKey}`)
      expect(own.status).toBe(200)
      expect(own.body).toMatchObject({ reference: 'REF-AAAA01', status: 'received', outcome: 'pending', localAuthority: 'E07000066' })
      const other = await request(world.app)
        .get(`/api/v1/referrals/${world.ids.prisonReferralToHarlow}`)
        .set('Authorization', `Bearer ${hospitalKey}`)
      expect(other.status).toBe(404)
      const theirs = await request(world.app)
        .get(`/api/v1/referrals/${world.ids.prisonReferralToHarlow}`)
        .set('Authorization', `Bearer ${prisonKey}`)
      expect(theirs.status).toBe(200)
    })

    it('publishes its OpenAPI document to anyone', async () => {
      const response = await request(world.app).get('/api/v1/openapi.json')
      expect(response.status).toBe(200)
      expect((response.body as { openapi: string }).openapi).toBe('3.1.0')
    })

    it('answers malformed ids and unknown endpoints with JSON errors', async () => {
      const bad = await request(world.app).get('/api/v1/referrals/not-a-uuid').set('Authorization', `Bearer ${hospitalKey}`)
      expect(bad.status).toBe(404)
      const unknown = await request(world.app).get('/api/v1/nothing-here').set('Authorization', `Bearer ${hospitalKey}`)
      expect(unknown.status).toBe(404)
      expect((unknown.body as ApiErrors).errors[0]?.message).toContain('openapi.json')
    })
  })

  describe('in the database, whatever the query says', () => {
    it('returns only the actor’s organisation’s cases to a query with no WHERE clause', async () => {
      const rows = await asActor(world.db, actorFor(world.users.basildonCaseworker, world.ids.basildon, 'caseworker'), (trx) =>
        trx.selectFrom('cases').select('reference').execute(),
      )
      expect(rows.map((r) => r.reference)).toEqual(['BAS-2026-00001'])
      const people = await asActor(world.db, actorFor(world.users.basildonCaseworker, world.ids.basildon, 'caseworker'), (trx) =>
        trx.selectFrom('people').select('given_name').execute(),
      )
      expect(people.map((p) => p.given_name)).toEqual(['Jade'])
    })

    it('gives a provider only the cases it holds, across authorities', async () => {
      const rows = await asActor(world.db, actorFor(world.users.phoenixMentor, world.ids.phoenix, 'caseworker'), (trx) =>
        trx.selectFrom('cases').select('reference').execute(),
      )
      expect(rows.map((r) => r.reference)).toEqual(['HAR-2026-00002'])
    })

    it('gives a referrer no cases and only its own referrals', async () => {
      const actor = actorFor(world.users.hospitalReferrer, world.ids.hospital, 'referrer')
      expect(await asActor(world.db, actor, (trx) => trx.selectFrom('cases').select('id').execute())).toEqual([])
      const referrals = await asActor(world.db, actor, (trx) => trx.selectFrom('referrals').select('reference').execute())
      expect(referrals.map((r) => r.reference)).toEqual(['REF-AAAA01'])
    })

    it('silently changes nothing when an update reaches for another authority’s case', async () => {
      const actor = actorFor(world.users.basildonCaseworker, world.ids.basildon, 'caseworker')
      const result = await asActor(world.db, actor, (trx) =>
        trx.updateTable('cases').set({ stage: 'closed' }).where('id', '=', world.ids.harlowCase).executeTakeFirst(),
      )
      expect(Number(result.numUpdatedRows)).toBe(0)
      const harlowCase = await world.db.selectFrom('cases').select('stage').where('id', '=', world.ids.harlowCase).executeTakeFirstOrThrow()
      expect(harlowCase.stage).toBe('prevention')
    })

    it('refuses to write a case into another authority, or to move one there', async () => {
      const actor = actorFor(world.users.basildonCaseworker, world.ids.basildon, 'caseworker')
      await expect(
        asActor(world.db, actor, async (trx) => {
          const household = await trx.selectFrom('households').select('id').executeTakeFirstOrThrow()
          await trx
            .insertInto('cases')
            .values({
              reference: 'X-1',
              authority_id: world.ids.harlow,
              officer_id: world.users.basildonCaseworker.id,
              household_id: household.id,
              approached_on: '2026-03-01',
              approach_channel: 'phone',
              stage: 'approach',
            })
            .execute()
        }),
      ).rejects.toThrow(/row-level security/)
      await expect(
        asActor(world.db, actor, (trx) =>
          trx.updateTable('cases').set({ authority_id: world.ids.harlow }).where('id', '=', world.ids.basildonCase).execute(),
        ),
      ).rejects.toThrow(/row-level security/)
    })

    it('does not let an analyst change cases, though they can read them', async () => {
      const actor = actorFor(world.users.basildonAnalyst, world.ids.basildon, 'analyst')
      expect(await asActor(world.db, actor, (trx) => trx.selectFrom('cases').select('id').execute())).toHaveLength(1)
      const result = await asActor(world.db, actor, (trx) => trx.updateTable('cases').set({ stage: 'closed' }).executeTakeFirst())
      expect(Number(result.numUpdatedRows)).toBe(0)
    })

    it('keeps the audit trail append-only, even for the database owner', async () => {
      const actor = actorFor(world.users.basildonAdmin, world.ids.basildon, 'administrator')
      await expect(asActor(world.db, actor, (trx) => trx.updateTable('audit_events').set({ action: 'x' }).execute())).rejects.toThrow()
      await expect(asActor(world.db, actor, (trx) => trx.deleteFrom('audit_events').execute())).rejects.toThrow()
      await expect(world.db.updateTable('audit_events').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/)
      await expect(world.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/)
    })

    it('does not let one organisation write audit entries in another’s name', async () => {
      const actor = actorFor(world.users.basildonAdmin, world.ids.basildon, 'administrator')
      await expect(
        asActor(world.db, actor, (trx) =>
          trx
            .insertInto('audit_events')
            .values({
              occurred_at: new Date('2026-03-01T00:00:00Z'),
              actor_label: 'forged',
              actor_organisation_id: world.ids.harlow,
              action: 'view',
              subject_type: 'case',
              details: '{}',
            })
            .execute(),
        ),
      ).rejects.toThrow(/row-level security/)
    })
  })

  describe('the statutory return and monitoring', () => {
    it('refuses one authority’s data team the return of another', async () => {
      const quarter = parseQuarter('2025-Q4')
      if ('error' in quarter) throw new Error(quarter.error)
      const analyst = actorFor(world.users.basildonAnalyst, world.ids.basildon, 'analyst')
      expect(await world.services.hclic.quarterReturn(analyst, 'E07000073', quarter.quarter)).toEqual({
        error: 'Only the data team of Harlow Council may prepare its return',
      })
      expect('error' in (await world.services.hclic.quarterReturn(analyst, 'E07000066', quarter.quarter))).toBe(false)
    })

    it('opens the personal-details file to the data team only for the audited return, and only their own authority’s', async () => {
      const people = await world.db.selectFrom('people').select(['id', 'household_id', 'authority_id']).execute()
      for (const p of people)
        await world.db
          .insertInto('person_sensitive_details')
          .values({
            person_id: p.id,
            household_id: p.household_id,
            authority_id: p.authority_id,
            ethnic_group: 'white_british',
            updated_at: new Date('2026-03-01T10:00:00Z'),
            updated_by: world.users.basildonManager.id,
          })
          .onConflict((oc) => oc.column('person_id').doNothing())
          .execute()
      const analyst = actorFor(world.users.basildonAnalyst, world.ids.basildon, 'analyst')
      const read = (purpose: boolean) =>
        asActor(world.db, analyst, async (trx) => {
          if (purpose) await declarePurpose(trx, 'statutory_return')
          return trx.selectFrom('person_sensitive_details').select('authority_id').execute()
        })
      expect(await read(false)).toEqual([])
      const forReturn = await read(true)
      expect(forReturn.length).toBeGreaterThan(0)
      expect(new Set(forReturn.map((r) => r.authority_id))).toEqual(new Set([world.ids.basildon]))
    })

    it('shows another organisation’s staff no programme’s monitoring data they do not lead', async () => {
      const caseworker = actorFor(world.users.harlowCaseworker, world.ids.harlow, 'caseworker')
      expect(await world.services.monitoring.programmesFor(caseworker)).toEqual([])
      const agent = await signedInAgent(world.app, world.users.harlowCaseworker.email)
      for (const path of ['/monitoring', '/reports/evaluation', '/monitoring/export', '/monitoring/quality', '/hclic', '/performance'])
        expect({ path, status: (await agent.get(path)).status }).toEqual({ path, status: 403 })
    })
  })

  describe('every route', () => {
    /**
     * Where each route's cross-organisation case is. A new route fails the last test until it is listed
     * here with the test that shows one organisation cannot reach another's records through it.
     */
    const CASES: [RegExp, string][] = [
      [/^(GET|POST) \/api\/v1\/(cases|referrals)\b/, 'through the API; and every case page below, which the API shares services with'],
      [/^GET \/api\/v1\/(health|openapi\.json)$/, 'public: holds no organisation’s records'],
      [/^GET \/api\/v1\/officers$/, 'api/every-command.int.test.ts: each organisation’s key lists its own officers and no other’s'],
      [/^GET \/cases\/:reference\b/, 'refuses every case page for another authority’s case (below)'],
      [/^POST \/cases\/:reference\b/, 'in the database: a write reaching another authority’s case changes nothing or is refused'],
      [/^(GET|POST) \/cases(\/new)?$/, 'shows a caseworker their own authority’s case and not another authority’s'],
      [/^(GET|POST) \/referrals\b/, 'shows an authority the referrals made to it and not those made to another; a referrer its own'],
      [/^(GET|POST) \/refer-yourself$/, 'public: a self-referral names its authority and reads nothing back'],
      [/^(GET|POST) \/hclic\b/, 'refuses one authority’s data team the return of another'],
      [/^(GET|POST) \/(monitoring|reports\/evaluation|performance)\b/, 'shows another organisation’s staff no programme’s monitoring data'],
      [/^GET \/admin\/(audit|outbox)\b/, 'keeps the audit trail to administrators, and to their own organisation'],
      [
        /^(GET|POST) \/(health|assets\/.*|cookies|privacy|accessibility|sign-in|sign-out|signed-out|)$/,
        'public or the person’s own session',
      ],
      [
        /^(GET|POST) \/account\/sessions\b/,
        'accounts/sessions.int.test.ts: lists only the person’s own sessions and cannot end another person’s',
      ],
    ]

    function routesOf(stack: Router['stack'], prefix = ''): string[] {
      return stack.flatMap((layer) => {
        const route = layer.route as unknown as { path: string; methods: Record<string, boolean> } | undefined
        if (route) return Object.keys(route.methods).map((m) => `${m.toUpperCase()} ${prefix}${route.path}`)
        const inner = (layer.handle as Partial<Router>).stack
        if (!inner) return []
        const mounted = (layer as unknown as { match(path: string): boolean }).match('/no-such-path') ? prefix : `${prefix}/api/v1`
        return routesOf(inner, mounted)
      })
    }

    it('refuses every case page for another authority’s case, naming no one on it', async () => {
      const agent = await signedInAgent(world.app, world.users.basildonCaseworker.email)
      const pages = routesOf((world.app as unknown as { router: Router }).router.stack).filter((r) => r.startsWith('GET /cases/:reference'))
      expect(pages.length).toBeGreaterThan(10)
      for (const route of pages) {
        const path = route
          .slice(4)
          .replace(':reference', 'HAR-2026-00001')
          .replace(/:[a-zA-Z]+/g, '00000000-0000-0000-0000-000000000000')
        const page = await agent.get(path)
        // 404 where the page finds no such case; 403 where the role may not use the page at all.
        expect({ path, refused: [403, 404].includes(page.status), named: page.text.includes('Kirsty') }).toEqual({
          path,
          refused: true,
          named: false,
        })
      }
    })

    it('lists a cross-organisation case for every route of the app', () => {
      const routes = routesOf((world.app as unknown as { router: Router }).router.stack)
      expect(routes.length).toBeGreaterThan(100)
      const uncovered = routes.filter((route) => !CASES.some(([pattern]) => pattern.test(route)))
      expect(uncovered).toEqual([])
    })
  })
  describe('a programme’s monitoring data, under row-level security', () => {
    const asOf = LocalDate.parse('2026-06-30')
    let basildonProgramme: string
    let harlowAnalyst: Actor
    let basildonAnalyst: Actor

    beforeAll(async () => {
      const db = world.db
      const programme = async (name: string, lead: string, district: string, officer: string) => {
        const id = (
          await db.insertInto('programmes').values({ name, lead_organisation_id: lead }).returning('id').executeTakeFirstOrThrow()
        ).id
        const importId = (
          await db
            .insertInto('monitoring_imports')
            .values({
              programme_id: id,
              imported_at: new Date('2026-06-01T09:00:00Z'),
              imported_by: 'test',
              source: 'test',
              cases: 1,
              activities: 1,
              warnings: 0,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id
        const household = (await db.insertInto('households').values({ authority_id: district }).returning('id').executeTakeFirstOrThrow())
          .id
        const caseId = (
          await db
            .insertInto('cases')
            .values({
              reference: `MON-${name.slice(0, 3).toUpperCase()}-1`,
              authority_id: district,
              officer_id: officer,
              household_id: household,
              programme_id: id,
              approached_on: '2026-03-01',
              approach_channel: 'phone',
              stage: 'prevention',
              imported_from_monitoring: true,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id
        await db
          .insertInto('monitoring_records')
          .values({
            case_id: caseId,
            programme_id: id,
            authority_id: district,
            import_id: importId,
            case_ref: `${name}-1`,
            referral_date: '2026-03-01',
          })
          .execute()
        await db
          .insertInto('monitoring_activities')
          .values({
            programme_id: id,
            import_id: importId,
            case_id: caseId,
            case_ref: `${name}-1`,
            activity_type: 'advice',
            stage: 'prevention',
          })
          .execute()
        await db
          .insertInto('data_quality_flags')
          .values({
            programme_id: id,
            authority_id: district,
            case_id: caseId,
            kind: 'missing_value',
            field: 'outcome',
            message: 'No outcome',
            raised_at: new Date('2026-06-01T09:00:00Z'),
          })
          .execute()
        return id
      }
      basildonProgramme = await programme('Basildon Pathways', world.ids.basildon, world.ids.basildon, world.users.basildonCaseworker.id)
      await programme('Harlow Pathways', world.ids.harlow, world.ids.harlow, world.users.harlowCaseworker.id)
      const analyst = (
        await db
          .insertInto('users')
          .values({ organisation_id: world.ids.harlow, role: 'analyst', email: 'an@harlow.test', display_name: 'Hana Analyst' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
      harlowAnalyst = actorFor({ id: analyst }, world.ids.harlow, 'analyst')
      basildonAnalyst = actorFor(world.users.basildonAnalyst, world.ids.basildon, 'analyst')
    })

    const tables = async (actor: Actor) =>
      asActor(world.db, actor, async (trx) => ({
        programmes: (await trx.selectFrom('monitoring_imports').select('programme_id').execute()).map((r) => r.programme_id),
        records: (await trx.selectFrom('monitoring_records').select('case_ref').execute()).map((r) => r.case_ref),
        activities: (await trx.selectFrom('monitoring_activities').select('case_ref').execute()).map((r) => r.case_ref),
        flags: (await trx.selectFrom('data_quality_flags').select('programme_id').execute()).map((r) => r.programme_id),
        importedCases: (await trx.selectFrom('cases').where('imported_from_monitoring', '=', true).select('reference').execute()).map(
          (r) => r.reference,
        ),
      }))

    it('gives another programme’s lead’s analyst none of this programme’s report, flags or export', async () => {
      const report = await world.services.evaluationReport.report(harlowAnalyst, {
        programmes: ['Basildon Pathways'],
        districts: [],
        from: null,
        to: null,
        asOf,
      })
      expect(report).toEqual({ error: 'No programme you may see is called "Basildon Pathways"' })
      expect(await world.services.monitoringExport.open(harlowAnalyst, 'Basildon Pathways', 'cases')).toEqual({
        error: 'No programme you may see is called "Basildon Pathways"',
      })
      expect((await world.services.quality.choices(harlowAnalyst)).map((c) => c.name)).not.toContain('Basildon Pathways')
      expect(await world.services.quality.reviewable(harlowAnalyst, await flagOf(basildonProgramme))).toBeUndefined()
      const seen = await tables(harlowAnalyst)
      expect(seen.records).toEqual(['Harlow Pathways-1'])
      expect(seen.activities).toEqual(['Harlow Pathways-1'])
      expect(seen.programmes).not.toContain(basildonProgramme)
      expect(seen.flags).not.toContain(basildonProgramme)
      expect(seen.importedCases).toEqual(['MON-HAR-1'])
    })

    it('gives the programme lead’s analyst the programme’s data, through the services and the database', async () => {
      const data = await world.services.monitoring.programmeData(basildonAnalyst, { programmes: ['Basildon Pathways'] })
      if ('error' in data) throw new Error(data.error)
      expect(data.cases.map((c) => c.caseRef)).toEqual(['Basildon Pathways-1'])
      expect(data.activities.map((a) => a.caseRef)).toEqual(['Basildon Pathways-1'])
      const report = await world.services.evaluationReport.report(basildonAnalyst, {
        programmes: ['Basildon Pathways'],
        districts: [],
        from: null,
        to: null,
        asOf,
      })
      if ('error' in report) throw new Error(report.error)
      expect(report.filters.programme).toEqual(['Basildon Pathways'])
      const exported = await world.services.monitoringExport.open(basildonAnalyst, 'Basildon Pathways', 'cases')
      if ('error' in exported) throw new Error(exported.error)
      let csv = ''
      for await (const chunk of exported.stream) csv += String(chunk)
      expect(csv).toContain('Basildon Pathways-1')
      expect(csv).not.toContain('Harlow Pathways-1')
      expect(await world.services.quality.reviewable(basildonAnalyst, await flagOf(basildonProgramme))).toBeDefined()
      const seen = await tables(basildonAnalyst)
      expect(seen.records).toEqual(['Basildon Pathways-1'])
      expect(seen.activities).toEqual(['Basildon Pathways-1'])
      expect(seen.programmes).toEqual([basildonProgramme])
      expect(seen.flags).toEqual([basildonProgramme])
      expect(seen.importedCases).toEqual(['MON-BAS-1'])
    })

    it('gives a programme’s lead its districts’ casework for monitoring alone, never as a case to open', async () => {
      const db = world.db
      const programme = (
        await db
          .insertInto('programmes')
          .values({ name: 'Harlow-led Partnership', lead_organisation_id: world.ids.harlow })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
      const household = (
        await db.insertInto('households').values({ authority_id: world.ids.basildon }).returning('id').executeTakeFirstOrThrow()
      ).id
      await db
        .insertInto('people')
        .values({
          household_id: household,
          authority_id: world.ids.basildon,
          is_applicant: true,
          given_name: 'Petra',
          family_name: 'Partnership',
          date_of_birth: '1990-02-01',
          sex: 'female',
        })
        .execute()
      await db
        .insertInto('cases')
        .values({
          reference: 'BAS-PART-1',
          authority_id: world.ids.basildon,
          officer_id: world.users.basildonCaseworker.id,
          household_id: household,
          programme_id: programme,
          approached_on: '2026-03-02',
          approach_channel: 'phone',
          stage: 'prevention',
        })
        .execute()

      const data = await world.services.monitoring.programmeData(harlowAnalyst, { programmes: ['Harlow-led Partnership'] })
      if ('error' in data) throw new Error(data.error)
      expect(data.cases.map((c) => [c.caseRef, c.district, c.applicantSex, c.applicantAge])).toEqual([
        ['BAS-PART-1', 'Basildon Borough Council', 'female', 36],
      ])

      // Without the declared purpose (a case page, a search) the lead reaches none of the district's records.
      const unpurposed = await asActor(db, harlowAnalyst, async (trx) => ({
        cases: await trx.selectFrom('cases').where('reference', '=', 'BAS-PART-1').select('id').execute(),
        people: await trx.selectFrom('people').where('household_id', '=', household).select('id').execute(),
      }))
      expect(unpurposed).toEqual({ cases: [], people: [] })
      // Nor through the pages: the case is not found for the lead's analyst.
      expect(await world.services.cases.isHeld(harlowAnalyst, 'BAS-PART-1')).toBe(false)
    })

    const flagOf = async (programmeId: string) =>
      (await world.db.selectFrom('data_quality_flags').where('programme_id', '=', programmeId).select('id').executeTakeFirstOrThrow()).id
  })
})
