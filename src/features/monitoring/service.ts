import type { Kysely } from 'kysely'
import type { Actor } from '../../db/actor.ts'
import type { DB } from '../../db/schema.ts'
import { monitoringActivityFromCasework, monitoringFromCasework } from '../../domain/monitoring/casework.ts'
import type { MonitoringActivity, MonitoringCase } from '../../domain/monitoring/record.ts'
import { recordAudit, SYSTEM_ORIGIN, type Origin, type SystemActor } from '../../platform/audit.ts'
import type { Clock } from '../../platform/clock.ts'
import { caseworkActivities, caseworkCases, districtsOf, importedActivities, importedCases, programmesLedBy } from './queries.ts'

/** Who may see a programme's monitoring data: its lead organisation's analysts and team managers. */
const PROGRAMME_TEAM = new Set(['analyst', 'team_manager'])

export interface ProgrammeData {
  programmes: { id: string; name: string }[]
  /** The districts asked for, in the platform's order of district names (all of them when none were). */
  districts: { id: string; name: string }[]
  cases: MonitoringCase[]
  activities: MonitoringActivity[]
}

/**
 * A programme's monitoring data, imported and recorded through casework alike, for the people who
 * evaluate it. Every read is audited; the data holds no names, but it is about people.
 */
export class MonitoringService {
  private readonly db: Kysely<DB>
  private readonly clock: Clock

  constructor(deps: { db: Kysely<DB>; clock: Clock }) {
    this.db = deps.db
    this.clock = deps.clock
  }

  /** The programmes the actor may see: those their organisation leads (all of them for the system). */
  async programmesFor(actor: Actor | SystemActor) {
    if (actor.kind !== 'system' && (actor.organisationId === null || !PROGRAMME_TEAM.has(actor.role))) return []
    return programmesLedBy(this.db, actor.kind === 'system' ? null : actor.organisationId)
  }

  async programmeData(
    actor: Actor | SystemActor,
    filter: { programmes: string[]; districts?: string[] },
    origin: Origin = SYSTEM_ORIGIN,
  ): Promise<ProgrammeData | { error: string }> {
    const visible = await this.programmesFor(actor)
    if (visible.length === 0) return { error: 'You may not see any programme’s monitoring data' }
    const unknown = filter.programmes.filter((name) => !visible.some((p) => p.name.toLowerCase() === name.toLowerCase()))
    if (unknown.length > 0) return { error: `No programme you may see is called ${unknown.map((n) => `"${n}"`).join(' or ')}` }
    const programmes =
      filter.programmes.length === 0
        ? visible
        : visible.filter((p) => filter.programmes.some((n) => n.toLowerCase() === p.name.toLowerCase()))

    const allDistricts = await districtsOf(this.db)
    const asked = filter.districts ?? []
    const wrong = asked.filter((d) => !allDistricts.some((a) => a.name.toLowerCase() === d.toLowerCase() || a.ons_code === d))
    if (wrong.length > 0) return { error: `No district is called ${wrong.map((d) => `"${d}"`).join(' or ')}` }
    const districts =
      asked.length === 0
        ? allDistricts
        : allDistricts.filter((a) => asked.some((d) => a.name.toLowerCase() === d.toLowerCase() || a.ons_code === d))
    const districtIds = asked.length === 0 ? null : districts.map((d) => d.id)

    const ids = programmes.map((p) => p.id)
    const imported = await importedCases(this.db, ids, districtIds)
    const recorded = (await caseworkCases(this.db, ids, districtIds)).map(monitoringFromCasework)
    const cases = [...imported, ...recorded]
    const inScope = new Set(cases.map((c) => c.caseRef))
    const activities = [
      ...(await importedActivities(this.db, ids)).filter((a) => districtIds === null || a.caseRef === null || inScope.has(a.caseRef)),
      ...(await caseworkActivities(this.db, ids))
        .map((a) =>
          monitoringActivityFromCasework({
            reference: a.reference,
            householdId: a.household_id,
            activity: a.activity,
            duty: a.duty,
            doneOn: a.done_on,
          }),
        )
        .filter((a) => a.caseRef !== null && inScope.has(a.caseRef)),
    ]
    await recordAudit(
      this.db,
      actor,
      {
        action: 'view',
        subjectType: 'monitoring_data',
        subjectId: ids.join(','),
        details: { programmes: programmes.map((p) => p.name), cases: cases.length },
      },
      origin,
      this.clock.now(),
    )
    return {
      programmes: programmes.map((p) => ({ id: p.id, name: p.name })),
      districts: districts.map((d) => ({ id: d.id, name: d.name })),
      cases,
      activities,
    }
  }
}
