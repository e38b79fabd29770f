import type { Actor } from '../../db/actor.ts'
import { Service } from '../../platform/service.ts'
import { createEvaluationTally } from '../../domain/monitoring/report.ts'
import type { EvaluationReport } from '../../domain/monitoring/report-model.ts'
import { SYSTEM_ORIGIN, type Origin, type SystemActor } from '../../platform/audit.ts'
import type { Clock } from '../../platform/clock.ts'
import { districtsOf } from './queries.ts'
import type { ReportQuery } from './report-query.ts'
import { NO_PROGRAMME, readAs, type MonitoringService } from './service.ts'
import type { OwnerDb } from '../../db/modes.ts'

/** Nobody on the programme's lead team: the page says "you cannot see this", not "bad filter". */
export class NoProgrammeError extends Error {}

/**
 * The programme evaluation report (docs/evaluation-report.md) for the people who evaluate a
 * programme: its lead organisation's analysts and team managers, or the system on the command line.
 */
export class EvaluationReportService extends Service {
  private readonly monitoring: MonitoringService

  constructor(deps: { monitoring: MonitoringService; db: OwnerDb; clock: Clock }) {
    super(deps)
    this.monitoring = deps.monitoring
  }

  today() {
    return this.clock.today()
  }

  /** What the filters offer: the programmes the actor may see and every district the platform knows. */
  async choices(actor: Actor | SystemActor) {
    const programmes = await this.monitoring.programmesFor(actor)
    if (programmes.length === 0) throw new NoProgrammeError(NO_PROGRAMME)
    const districts = await readAs(this.db, actor, districtsOf)
    return { programmes: programmes.map((p) => p.name), districts: districts.map((d) => d.name) }
  }

  async report(
    actor: Actor | SystemActor,
    query: ReportQuery,
    origin: Origin = SYSTEM_ORIGIN,
  ): Promise<EvaluationReport | { error: string }> {
    // Read page by page: the tally keeps no case once counted, so memory stays flat at any size.
    const source = await this.monitoring.programmeFeed(actor, { programmes: query.programmes, districts: query.districts }, origin)
    if ('error' in source) {
      if (source.error === NO_PROGRAMME) throw new NoProgrammeError(source.error)
      return source
    }
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
    for await (const page of source.reportedCases()) for (const c of page) tally.addCase(c)
    tally.addUnmatchedActivities(await source.unmatchedActivities())
    return tally.finish()
  }
}
