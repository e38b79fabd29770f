import type { Kysely } from 'kysely'
import type { Actor } from '../../db/actor.ts'
import type { DB } from '../../db/schema.ts'
import type { MonitoringActivity, MonitoringCase } from '../../domain/monitoring/record.ts'
import { createEvaluationTally } from '../../domain/monitoring/report.ts'
import type { EvaluationReport } from '../../domain/monitoring/report-model.ts'
import { SYSTEM_ORIGIN, type Origin, type SystemActor } from '../../platform/audit.ts'
import type { Clock } from '../../platform/clock.ts'
import { districtsOf } from './queries.ts'
import type { ReportQuery } from './report-query.ts'
import type { MonitoringService } from './service.ts'

/**
 * Where the report's data comes from: the chosen programmes' cases one at a time, then their
 * activities. The tally keeps no case once counted, so a paged source keeps memory flat.
 */
export interface MonitoringSource {
  programmes: { name: string }[]
  districts: { name: string }[]
  cases(): AsyncIterable<MonitoringCase>
  activities(): AsyncIterable<MonitoringActivity>
}

/** Nobody on the programme's lead team: the page says "you cannot see this", not "bad filter". */
export class NoProgrammeError extends Error {}

/**
 * The programme evaluation report (spec/evaluation-report.md) for the people who evaluate a
 * programme: its lead organisation's analysts and team managers, or the system on the command line.
 */
export class EvaluationReportService {
  private readonly monitoring: MonitoringService
  private readonly db: Kysely<DB>
  private readonly clock: Clock

  constructor(deps: { monitoring: MonitoringService; db: Kysely<DB>; clock: Clock }) {
    this.monitoring = deps.monitoring
    this.db = deps.db
    this.clock = deps.clock
  }

  today() {
    return this.clock.today()
  }

  /** What the filters offer: the programmes the actor may see and every district the platform knows. */
  async choices(actor: Actor | SystemActor) {
    const programmes = await this.monitoring.programmesFor(actor)
    if (programmes.length === 0) throw new NoProgrammeError('You may not see any programme’s monitoring data')
    const districts = await districtsOf(this.db)
    return { programmes: programmes.map((p) => p.name), districts: districts.map((d) => d.name) }
  }

  /**
   * The seam for the paged feed: today the data comes whole from MonitoringService.programmeData
   * (which checks who is asking and audits the read) and is handed out one record at a time.
   */
  async source(actor: Actor | SystemActor, query: ReportQuery, origin: Origin): Promise<MonitoringSource | { error: string }> {
    const data = await this.monitoring.programmeData(actor, { programmes: query.programmes, districts: query.districts }, origin)
    if ('error' in data) return data
    return {
      programmes: data.programmes,
      districts: data.districts,
      // eslint-disable-next-line @typescript-eslint/require-await -- the paged feed will await its pages here
      cases: async function* () {
        yield* data.cases
      },
      // eslint-disable-next-line @typescript-eslint/require-await -- as above
      activities: async function* () {
        yield* data.activities
      },
    }
  }

  async report(
    actor: Actor | SystemActor,
    query: ReportQuery,
    origin: Origin = SYSTEM_ORIGIN,
  ): Promise<EvaluationReport | { error: string }> {
    if ((await this.monitoring.programmesFor(actor)).length === 0)
      throw new NoProgrammeError('You may not see any programme’s monitoring data')
    const source = await this.source(actor, query, origin)
    if ('error' in source) return source
    const tally = createEvaluationTally({
      asOf: query.asOf.toString(),
      filters: {
        programme: source.programmes.map((p) => p.name),
        from: query.from?.toString() ?? null,
        to: query.to?.toString() ?? null,
        districts: query.districts.length === 0 ? [] : source.districts.map((d) => d.name),
      },
      districts: source.districts,
    })
    for await (const c of source.cases()) tally.addCase(c)
    for await (const a of source.activities()) tally.addActivity(a)
    return tally.finish()
  }
}
