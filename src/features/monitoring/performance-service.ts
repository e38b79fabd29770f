import { LocalTime, ZonedDateTime, type LocalDate } from '@js-joda/core'
import { Service } from '../../platform/service.ts'
import type { Transaction } from 'kysely'
import { asActor, type Actor } from '../../db/actor.ts'
import type { DB } from '../../db/schema.ts'
import { performanceIndicators, type Performance } from '../../domain/monitoring/kpis.ts'
import { officerIntervals } from '../../domain/officer-history.ts'
import { WorkingCalendar } from '../../domain/working-days.ts'
import { recordAudit, type Origin } from '../../platform/audit.ts'
import { LONDON, londonDateOf, type Clock } from '../../platform/clock.ts'
import { authoritiesFor, kpiCases, kpiReferrals } from './performance-queries.ts'
import { asSystem, type OwnerDb, type UnrecordedReason } from '../../db/modes.ts'
import { may } from '../../platform/permissions.ts'

/** The periods the indicators can be seen for: whole calendar months up to today. */
export const PERFORMANCE_PERIODS = {
  last_3_months: { label: 'The last 3 months', months: 3 },
  last_6_months: { label: 'The last 6 months', months: 6 },
  last_12_months: { label: 'The last 12 months', months: 12 },
} as const
export type PerformancePeriod = keyof typeof PERFORMANCE_PERIODS

/** Read as the system for the authorities found, and audited as the indicators are shown. */
const LEAD_FIGURES: UnrecordedReason = { reason: "a programme lead's indicators", noRecordBecause: 'audited as the indicators are shown' }

export function performancePeriodOf(value: unknown, today: LocalDate) {
  const key: PerformancePeriod = typeof value === 'string' && value in PERFORMANCE_PERIODS ? (value as PerformancePeriod) : 'last_12_months'
  const { label, months } = PERFORMANCE_PERIODS[key]
  return { key, label, from: today.withDayOfMonth(1).minusMonths(months - 1), to: today }
}

/**
 * The performance indicators for the managers and analysts of an authority, or of every authority a
 * lead organisation (a county, a programme's lead) looks after. Figures and officers' names only,
 * never a household; the read is audited.
 */
export class PerformanceService extends Service {
  private readonly calendar: WorkingCalendar

  constructor(deps: { db: OwnerDb; clock: Clock; calendar?: WorkingCalendar }) {
    super(deps)
    this.calendar = deps.calendar ?? new WorkingCalendar()
  }

  async indicators(
    actor: Actor,
    period: { from: LocalDate; to: LocalDate },
    origin: Origin,
  ): Promise<{ authorities: { id: string; name: string }[]; performance: Performance } | undefined> {
    if (actor.kind !== 'user' || !may(actor.role, 'performance.read')) return undefined
    const organisationId = actor.organisationId
    // A lead's authorities are found through the programme's cases, which the lead may not read itself.
    const authorities = await asSystem(this.db, LEAD_FIGURES, (db) => authoritiesFor(db, organisationId))
    if (authorities.length === 0) return undefined
    const ids = authorities.map((a) => a.id)
    const from = period.from.toString()
    const read = async (db: Transaction<DB>) => ({
      cases: await kpiCases(db, ids, from),
      referrals: await kpiReferrals(db, ids, startOfDay(period.from), startOfDay(period.to.plusDays(1))),
    })
    // An authority's own team reads through its own connection, so row-level security has the last word;
    // a lead's figures span authorities it may not read case by case, so are read as the system for those found above.
    const own = ids.length === 1 && ids[0] === actor.organisationId
    const { cases, referrals } = own ? await asActor(this.db, actor, read) : await asSystem(this.db, LEAD_FIGURES, read)
    const performance = performanceIndicators({
      cases: cases.map((c) => ({
        authority: c.authority,
        worker: c.worker,
        officers: officerIntervals(
          { openedOn: c.approached_on, officer: c.worker },
          (c.reassignments ?? []).map((r) => ({ on: r.on, from: r.from ?? '', to: r.to ?? '' })),
        ),
        approachedOn: c.approached_on,
        stage: c.stage,
        preventionStartedOn: c.prevention_started_on,
        reliefStartedOn: c.relief_started_on,
        closedOn: c.closed_on,
        outcome: c.outcome,
        riskAtAssessment: c.risk_at_assessment,
        hasPlan: Boolean(c.has_plan),
        planReviewDue: c.plan_review_due ?? null,
        reviewDecisionsDue: c.review_decisions_due ?? [],
      })),
      referrals: referrals.map((r) => ({
        authority: r.authority,
        receivedOn: londonDateOf(r.received_at).toString(),
        contactedOn: r.first_contact_at === null ? null : londonDateOf(r.first_contact_at).toString(),
      })),
      from,
      to: period.to.toString(),
      today: this.clock.today().toString(),
      calendar: this.calendar,
    })
    await asActor(this.db, actor, (trx) =>
      recordAudit(
        trx,
        actor,
        { action: 'view', subjectType: 'performance_indicators', subjectId: ids.join(','), details: { from, to: period.to.toString() } },
        origin,
        this.clock.now(),
      ),
    )
    return { authorities, performance }
  }
}

function startOfDay(date: LocalDate): Date {
  return new Date(ZonedDateTime.of(date, LocalTime.MIDNIGHT, LONDON).toInstant().toEpochMilli())
}
