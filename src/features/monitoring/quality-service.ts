import type { Actor } from '../../db/actor.ts'
import { FLAG_KINDS, type FlagKind } from '../../domain/monitoring/flags.ts'
import { missingByField, missingByWorker, qualityFindings } from '../../domain/monitoring/quality.ts'
import type { MonitoringActivity, MonitoringCase } from '../../domain/monitoring/record.ts'
import { recordAudit, type Origin, type SystemActor } from '../../platform/audit.ts'
import type { ReviewFlag } from './commands.ts'
import {
  authorityById,
  caseIdsOf,
  deleteFlags,
  flagById,
  flagCounts,
  flagPage,
  insertFlags,
  managedFlags,
  markFlagReviewed,
  programmesIn,
  unmatchedActivities,
  updateFlag,
  type FlagRow,
  type FlagScope,
} from './quality-queries.ts'
import { ProgrammeWork, readAs } from './service.ts'
import { asSystem, type UnrecordedReason } from '../../db/modes.ts'
import { may } from '../../platform/permissions.ts'

const SYSTEM: SystemActor = { kind: 'system', organisationId: null, label: 'Data-quality checks' }
export const FLAGS_PER_PAGE = 100

/**
 * Raising, clearing and reviewing flags, and an authority team's view of its cases across programmes,
 * stay system work: the application role may only read flags (migration 0027), and the service checks
 * who asks (scopeOf, reviewable) and audits the work in the same transaction.
 */
const FLAG_WORK: UnrecordedReason = {
  reason: 'data-quality flags raised, cleared or reviewed for a programme or authority team',
  noRecordBecause: 'the service checks who asks and audits the work itself',
}

/** What the data-quality page is about: one programme (for its lead), or one authority's cases (for its own team). */
export type QualityScope =
  { kind: 'programme'; id: string; name: string } | { kind: 'authority'; id: string; name: string; onsCode: string | null }

export interface QualityRequest {
  programme?: string
  authority?: string
}

export type ScopeResult = { scope: QualityScope } | { choices: QualityScope[] } | { outcome: 'not_found' }

/**
 * The data-quality checks as people use them: raise flags from the checks (domain/monitoring/quality.ts)
 * on a programme's or an authority's monitoring data, list them, and let people mark them reviewed
 * with a reason so that the list shrinks as things are fixed. Every read and change is audited.
 */
export class QualityService extends ProgrammeWork {
  /** The programmes the actor leads and the authority they work for, whichever they may look after. */
  async choices(actor: Actor): Promise<QualityScope[]> {
    if (!may(actor.role, 'monitoring.read')) return []
    const programmes = (await this.monitoring.programmesFor(actor)).map((p) => ({ kind: 'programme' as const, id: p.id, name: p.name }))
    const organisationId = actor.organisationId
    const own = organisationId === null ? undefined : await readAs(this.db, actor, (db) => authorityById(db, organisationId))
    return [...programmes, ...(own ? [{ kind: 'authority' as const, id: own.id, name: own.name, onsCode: own.ons_code }] : [])]
  }

  /** The scope asked for, if the actor may look after it; with nothing asked, what they could choose. */
  async scopeOf(actor: Actor, request: QualityRequest): Promise<ScopeResult> {
    const choices = await this.choices(actor)
    const asked = request.programme ?? request.authority
    if (asked === undefined || asked === '') return { choices }
    const scope = choices.find((c) =>
      request.programme !== undefined
        ? c.kind === 'programme' && c.name.toLowerCase() === asked.toLowerCase()
        : c.kind === 'authority' && (c.onsCode === asked || c.name.toLowerCase() === asked.toLowerCase()),
    )
    return scope ? { scope } : { outcome: 'not_found' }
  }

  /** The page: flags by kind, missing fields by field and by worker, and one page of flags. */
  async overview(actor: Actor, scope: QualityScope, options: { reviewed: boolean; page: number }, origin: Origin) {
    const parts = await this.partsOf(actor, scope, origin)
    const cases = parts.flatMap((p) => p.cases)
    const where = flagScopeOf(scope)
    const counts = await readAs(this.db, actor, (db) => flagCounts(db, where))
    const total = counts.reduce((n, c) => n + (options.reviewed ? c.open + c.reviewed : c.open), 0)
    const pages = Math.max(1, Math.ceil(total / FLAGS_PER_PAGE))
    const page = Math.min(Math.max(1, options.page), pages)
    const flags = await readAs(this.db, actor, (db) =>
      flagPage(db, where, { reviewed: options.reviewed, offset: (page - 1) * FLAGS_PER_PAGE, limit: FLAGS_PER_PAGE }),
    )
    const led = await this.ledProgrammes(actor)
    await readAs(this.db, actor, (db) =>
      recordAudit(
        db,
        actor,
        { action: 'view', subjectType: 'data_quality', subjectId: scope.id, details: { scope: scope.kind, cases: cases.length, page } },
        origin,
        this.clock.now(),
      ),
    )
    return {
      cases: cases.length,
      /** For a programme: the day it began, which the checks judge its dates against (null: not recorded). */
      programmeStartsOn: scope.kind === 'programme' ? (parts[0]?.startsOn ?? null) : undefined,
      summary: (Object.keys(FLAG_KINDS) as FlagKind[])
        .map((kind) => ({ kind, label: FLAG_KINDS[kind], open: 0, reviewed: 0, ...counts.find((c) => c.kind === kind) }))
        .filter((row) => row.open + row.reviewed > 0),
      byField: missingByField(cases),
      byWorker: missingByWorker(cases),
      flags: flags.map((f) => ({
        ...f,
        label: (FLAG_KINDS as Record<string, string | undefined>)[f.kind] ?? f.kind,
        reviewable: f.programme_id !== null && led.has(f.programme_id),
      })),
      total,
      page,
      pages,
    }
  }

  /**
   * Checks the data again: raises the flags found that are not stored yet, removes the unreviewed
   * ones that no longer hold, and leaves reviewed ones as people left them, all in one transaction.
   */
  async refresh(actor: Actor, scope: QualityScope, origin: Origin) {
    const asOf = this.clock.today().toString()
    const now = this.clock.now()
    const work: { programmeId: string; rows: FlagRow[] }[] = []
    for (const part of await this.partsOf(actor, scope, origin)) {
      const ids = await asSystem(this.db, FLAG_WORK, (db) => caseIdsOf(db, part.programmeId))
      // Unmatched activities are the programme's, not an authority's: only a programme-wide check raises them.
      const unmatched =
        part.authorityId === null ? await asSystem(this.db, FLAG_WORK, (db) => unmatchedActivities(db, part.programmeId)) : []
      const activities: MonitoringActivity[] = [...part.activities.filter((a) => a.caseRef !== null), ...unmatched]
      const rows: FlagRow[] = []
      for (const f of qualityFindings({ cases: part.cases, activities, asOf, programmeStartsOn: part.startsOn })) {
        const found = f.caseRef === null ? undefined : ids.get(f.caseRef)
        const activity = f.activityIndex === null ? undefined : unmatched[f.activityIndex - (activities.length - unmatched.length)]
        if (f.caseRef !== null && !found) continue
        if (f.activityIndex !== null && !activity) continue
        rows.push({
          programme_id: part.programmeId,
          authority_id: found?.authorityId ?? (activity ? null : part.authorityId),
          case_id: found?.id ?? null,
          activity_id: activity?.id ?? null,
          kind: f.kind,
          field: f.field,
          message: f.message,
        })
      }
      work.push({ programmeId: part.programmeId, rows })
    }

    return asSystem(this.db, FLAG_WORK, async (trx) => {
      let raised = 0
      let cleared = 0
      for (const { programmeId, rows } of work) {
        const authorityId = scope.kind === 'authority' ? scope.id : null
        const existing = new Map((await managedFlags(trx, programmeId, authorityId)).map((f) => [keyOf(f), f]))
        const fresh = rows.filter((r) => !existing.has(keyOf(r)))
        await insertFlags(trx, fresh, now)
        raised += fresh.length
        const wanted = new Map(rows.map((r) => [keyOf(r), r]))
        const gone = [...existing].filter(([key, f]) => f.reviewed_at === null && !wanted.has(key)).map(([, f]) => f.id)
        await deleteFlags(trx, gone)
        cleared += gone.length
        for (const [key, f] of existing) {
          const row = wanted.get(key)
          if (row && f.reviewed_at === null && (row.message !== f.message || row.authority_id !== f.authority_id))
            await updateFlag(trx, f.id, { message: row.message, authority_id: row.authority_id })
        }
      }
      await recordAudit(
        trx,
        actor,
        { action: 'check', subjectType: 'data_quality', subjectId: scope.id, details: { scope: scope.kind, raised, cleared } },
        origin,
        now,
      )
      return { raised, cleared }
    })
  }

  /**
   * The flag, if it is one the actor may review: only the lead of the flag's programme may say a flag
   * has been dealt with, as the flags undermine the programme's figures, which the lead answers for.
   * An authority's own team sees its cases' flags in every programme it takes part in (its own scope),
   * but one of a programme led by another organisation (a district's cases in its county's programme)
   * is the lead's to review; a programme the authority leads itself is among its choices as a programme.
   */
  async reviewable(actor: Actor, flagId: string) {
    if (!/^[0-9a-f-]{36}$/i.test(flagId) || actor.kind !== 'user') return undefined
    const flag = await readAs(this.db, actor, (db) => flagById(db, flagId))
    if (!flag) return undefined
    return flag.programme_id !== null && (await this.ledProgrammes(actor)).has(flag.programme_id) ? flag : undefined
  }

  /** The ids of the programmes the actor's organisation leads, whose flags they may review. */
  private async ledProgrammes(actor: Actor): Promise<Set<string>> {
    return new Set((await this.monitoring.programmesFor(actor)).map((p) => p.id))
  }

  /** Marks a flag reviewed, with the reason; one reviewed already stays as it was. */
  async markReviewed(
    actor: Actor,
    flagId: string,
    command: ReviewFlag,
    origin: Origin,
  ): Promise<{ outcome: 'done' } | { outcome: 'not_found' }> {
    const flag = await this.reviewable(actor, flagId)
    if (!flag || actor.kind !== 'user') return { outcome: 'not_found' }
    if (flag.reviewed_at !== null) return { outcome: 'done' }
    await asSystem(this.db, FLAG_WORK, async (trx) => {
      const now = this.clock.now()
      await markFlagReviewed(trx, flagId, { by: actor.userId, at: now, reason: command.reason })
      await recordAudit(
        trx,
        actor,
        { action: 'review', subjectType: 'data_quality_flag', subjectId: flagId, subjectOrganisationId: flag.authority_id },
        origin,
        now,
      )
    })
    return { outcome: 'done' }
  }

  /** The scope's data: the programme's as its lead sees it, or an authority's cases in each programme it takes part in. */
  private async partsOf(
    actor: Actor,
    scope: QualityScope,
    origin: Origin,
  ): Promise<
    {
      programmeId: string
      startsOn: string | null
      authorityId: string | null
      cases: MonitoringCase[]
      activities: MonitoringActivity[]
    }[]
  > {
    if (scope.kind === 'programme') {
      const data = await this.monitoring.programmeData(actor, { programmes: [scope.name] }, origin)
      if ('error' in data) throw new Error(data.error)
      const startsOn = (await this.monitoring.programmesFor(actor)).find((p) => p.id === scope.id)?.starts_on ?? null
      return [{ programmeId: scope.id, startsOn, authorityId: null, cases: data.cases, activities: data.activities }]
    }
    // The authority's own team may not see the programmes' data as a whole, only their own cases in it:
    // read as the system, bound to the authority, the actor having been checked (scopeOf) and audited by the caller.
    const parts = []
    for (const programme of await asSystem(this.db, FLAG_WORK, (db) => programmesIn(db, scope.id))) {
      const data = await this.monitoring.programmeData(SYSTEM, { programmes: [programme.name], districts: [scope.onsCode ?? scope.name] })
      if ('error' in data) throw new Error(data.error)
      parts.push({
        programmeId: programme.id,
        startsOn: programme.starts_on,
        authorityId: scope.id,
        cases: data.cases,
        activities: data.activities,
      })
    }
    return parts
  }
}

function flagScopeOf(scope: QualityScope): FlagScope {
  return scope.kind === 'programme' ? { programmeId: scope.id } : { authorityId: scope.id }
}

/** A flag is one kind on one record and field; a finding about a whole data set is also its authority's (or the programme's). */
function keyOf(f: { kind: string; case_id: string | null; activity_id: string | null; field: string | null; authority_id: string | null }) {
  const record = f.case_id ?? (f.activity_id === null ? `set:${f.authority_id ?? ''}` : `activity:${f.activity_id}`)
  return `${f.kind}|${record}|${f.field ?? ''}`
}
