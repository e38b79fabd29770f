import { asActor, asActorStream, type Actor, type Scoped } from '../../db/actor.ts'
import { Service, type ServiceDeps } from '../../platform/service.ts'
import { monitoringFromCasework } from '../../domain/monitoring/casework.ts'
import type { MonitoringActivity, MonitoringCase } from '../../domain/monitoring/record.ts'
import { withPreventionActivities, type ReportedCase } from '../../domain/monitoring/report.ts'
import { recordAudit, SYSTEM_ORIGIN, type Origin, type SystemActor } from '../../platform/audit.ts'
import type { OwnerDb } from '../../db/modes.ts'
import {
  caseworkActivities,
  caseworkCases,
  districtsOf,
  importedActivities,
  importedCases,
  importedReportedCases,
  programmesLedBy,
  unmatchedImportedActivities,
} from './queries.ts'
import { may } from '../../platform/permissions.ts'
import { asSystem, asSystemStream, declarePurpose, type UnrecordedReason } from '../../db/modes.ts'

/** The refusal given to someone who may see no programme's monitoring data at all. */
export const NO_PROGRAMME = 'You may not see any programme’s monitoring data'

/**
 * A person's read of monitoring data runs as them, for the declared purpose 'programme_monitoring', under
 * the policies of migration 0027 (a programme's lead's analysts and team managers read its data, its
 * districts' casework included; an authority's own team its own cases'). Only the
 * command line, which is no one's request, reads as the system, once it has checked and audited the read.
 */
export const MONITORING_READ: UnrecordedReason = {
  reason: 'monitoring data for the command line',
  noRecordBecause: 'the service audits each read as the system actor',
}

/** One read of monitoring data in one transaction: as the person asking, or as the system. */
export function readAs<T>(db: OwnerDb, actor: Actor | SystemActor, work: (trx: Scoped) => Promise<T>): Promise<T> {
  if (actor.kind === 'system') return asSystem(db, MONITORING_READ, work)
  return asActor(db, actor, async (trx) => {
    await declarePurpose(trx, 'programme_monitoring')
    return work(trx)
  })
}

/** A read of monitoring data too large for one page, page by page in one read-only transaction. */
export function streamAs<T>(db: OwnerDb, actor: Actor | SystemActor, open: (trx: Scoped) => AsyncIterable<T>): AsyncGenerator<T> {
  if (actor.kind === 'system') return asSystemStream(db, MONITORING_READ, open)
  return asActorStream(db, actor, async function* (trx) {
    await declarePurpose(trx, 'programme_monitoring')
    yield* open(trx)
  })
}

export interface ProgrammeFilter {
  /** Programme names (any case); none is every programme the actor may see. */
  programmes: string[]
  /** District names or ONS codes; none is every district. */
  districts?: string[]
}

export interface ProgrammeFeed {
  programmes: { id: string; name: string }[]
  districts: { id: string; name: string }[]
  /** Every case, imported records first; each call reads afresh. */
  cases(): AsyncIterable<MonitoringCase>
  /** Every activity, after the cases; unmatched ones carry no case reference. */
  activities(): AsyncIterable<MonitoringActivity>
  /** What the evaluation report counts: every case, a page at a time, with its prevention activities' types. */
  reportedCases(): AsyncIterable<readonly ReportedCase[]>
  /** How many activities matched no case (in any district: they have none). */
  unmatchedActivities(): Promise<number>
}

export interface ProgrammeData {
  programmes: { id: string; name: string }[]
  /** The districts asked for, in the platform's order of district names (all of them when none were). */
  districts: { id: string; name: string }[]
  cases: MonitoringCase[]
  activities: MonitoringActivity[]
}

/** A programme's monitoring data for the people who evaluate it: its lead's analysts and team managers. */
export class MonitoringService extends Service {
  /** The programmes the actor may see: those their organisation leads (all of them for the system). */
  async programmesFor(actor: Actor | SystemActor) {
    if (actor.kind !== 'system' && (actor.organisationId === null || !may(actor.role, 'monitoring.read'))) return []
    const lead = actor.kind === 'system' ? null : actor.organisationId
    return readAs(this.db, actor, (db) => programmesLedBy(db, lead))
  }

  /**
   * A programme's monitoring data, imported and recorded through casework alike, for the people who
   * evaluate it, as a feed read page by page: a million-case programme never sits in memory. The read
   * is audited once, when the feed is opened; the data holds no names, but it is about people.
   */
  async programmeFeed(
    actor: Actor | SystemActor,
    filter: ProgrammeFilter,
    origin: Origin = SYSTEM_ORIGIN,
  ): Promise<ProgrammeFeed | { error: string }> {
    const visible = await this.programmesFor(actor)
    if (visible.length === 0) return { error: NO_PROGRAMME }
    const named = (p: { name: string }, name: string) => p.name.toLowerCase() === name.toLowerCase()
    const unknown = filter.programmes.filter((name) => !visible.some((p) => named(p, name)))
    if (unknown.length > 0) return { error: `No programme you may see is called ${unknown.map((n) => `"${n}"`).join(' or ')}` }
    const programmes = filter.programmes.length === 0 ? visible : visible.filter((p) => filter.programmes.some((n) => named(p, n)))

    const allDistricts = await readAs(this.db, actor, districtsOf)
    const asked = filter.districts ?? []
    const isDistrict = (a: { name: string; ons_code: string | null }, d: string) => named(a, d) || a.ons_code === d
    const wrong = asked.filter((d) => !allDistricts.some((a) => isDistrict(a, d)))
    if (wrong.length > 0) return { error: `No district is called ${wrong.map((d) => `"${d}"`).join(' or ')}` }
    const districts = asked.length === 0 ? allDistricts : allDistricts.filter((a) => asked.some((d) => isDistrict(a, d)))
    const districtIds = asked.length === 0 ? null : districts.map((d) => d.id)

    const ids = programmes.map((p) => p.id)
    await readAs(this.db, actor, (db) =>
      recordAudit(
        db,
        actor,
        {
          action: 'view',
          subjectType: 'monitoring_data',
          subjectId: ids.join(','),
          details: { programmes: programmes.map((p) => p.name) },
        },
        origin,
        this.clock.now(),
      ),
    )
    const owner = this.db
    const read = <T>(open: (db: Scoped) => AsyncIterable<T>) => streamAs(owner, actor, open)
    const once = <T>(work: (db: Scoped) => Promise<T>) => readAs(owner, actor, work)
    return {
      programmes: programmes.map((p) => ({ id: p.id, name: p.name })),
      districts: districts.map((d) => ({ id: d.id, name: d.name })),
      async *cases() {
        yield* read((db) => importedCases(db, ids, districtIds))
        for (const c of await once((db) => caseworkCases(db, ids, districtIds))) yield monitoringFromCasework(c)
      },
      async *activities() {
        yield* read((db) => importedActivities(db, ids, districtIds))
        yield* await once((db) => caseworkActivities(db, ids, districtIds))
      },
      async *reportedCases() {
        yield* read((db) => importedReportedCases(db, ids, districtIds))
        const cases = (await once((db) => caseworkCases(db, ids, districtIds))).map(monitoringFromCasework)
        yield withPreventionActivities(cases, await once((db) => caseworkActivities(db, ids, districtIds))).cases
      },
      unmatchedActivities: () => once((db) => unmatchedImportedActivities(db, ids)),
    }
  }

  /** The whole of a programme's data at once: for small programmes, checks and tests. */
  async programmeData(
    actor: Actor | SystemActor,
    filter: ProgrammeFilter,
    origin: Origin = SYSTEM_ORIGIN,
  ): Promise<ProgrammeData | { error: string }> {
    const feed = await this.programmeFeed(actor, filter, origin)
    if ('error' in feed) return feed
    const cases: MonitoringCase[] = []
    for await (const c of feed.cases()) cases.push(c)
    const activities: MonitoringActivity[] = []
    for await (const a of feed.activities()) activities.push(a)
    return { programmes: feed.programmes, districts: feed.districts, cases, activities }
  }
}

/** A service over a programme's monitoring data: its import, export and data quality. */
export abstract class ProgrammeWork extends Service {
  protected readonly monitoring: MonitoringService

  constructor(deps: ServiceDeps & { monitoring: MonitoringService }) {
    super(deps)
    this.monitoring = deps.monitoring
  }
}
