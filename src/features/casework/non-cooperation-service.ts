import { LocalDate } from '@js-joda/core'
import { type Actor, type Scoped } from '../../db/actor.ts'
import type { Stage } from '../../domain/legal-status.ts'
import { mayAuthorise, mayDecideNotice, mayWarn, type Check, type Warning } from '../../domain/non-cooperation.ts'
import { DEFAULT_WARNING_PERIOD_DAYS, earliestNonCooperationNotice } from '../../domain/statutory-dates.ts'
import type { Origin } from '../../platform/audit.ts'
import { refused, type FoundCase, type Officer, type StepResult, type StepWork, CaseService } from '../case/kernel.ts'
import type { AuthoriseNotice, DecideNotice, GiveWarning } from './commands.ts'
import { currentWarning, insertWarning, recordNoticeAuthorised, recordNoticeDecision } from './queries.ts'

export type NonCooperationResult = StepResult

type Row = NonNullable<Awaited<ReturnType<typeof currentWarning>>>

/**
 * Non-cooperation on a case (s193B): a warning, then a notice decided by one officer and authorised
 * by a second. Each step is checked by the domain rules, kept in the case's timeline and audited.
 */
export class NonCooperationService extends CaseService {
  /** The case and where its non-cooperation process stands, for the page. */
  async view(actor: Actor, reference: string) {
    return this.cases.readCase(actor, reference, async (trx, found, officer) => {
      const row = await currentWarning(trx, found.id, found.stage)
      const warning = row ? toWarning(row) : undefined
      return {
        found,
        row,
        earliestNotice: warning ? earliestNonCooperationNotice(warning.warnedOn, warning.reasonablePeriodDays) : undefined,
        mayAuthorise: mayAuthorise(warning, officer).allowed,
        defaultPeriod: DEFAULT_WARNING_PERIOD_DAYS,
      }
    })
  }

  async warn(actor: Actor, reference: string, command: GiveWarning, origin: Origin): Promise<NonCooperationResult> {
    return this.step(actor, reference, origin, async (trx, officer, found, row) => {
      const warnedOn = LocalDate.parse(command.date)
      const check = mayWarn(
        found.stage as Stage,
        row ? toWarning(row) : undefined,
        warnedOn,
        LocalDate.parse(found.approached_on),
        this.clock.today(),
      )
      if (!check.allowed) return refused('date', check.reason)
      await insertWarning(trx, {
        caseId: found.id,
        authorityId: found.authority_id,
        providerId: found.provider_organisation_id,
        duty: found.stage,
        stepRefused: command.stepRefused,
        warnedOn: warnedOn.toString(),
        warnedBy: officer.userId,
        reasonablePeriodDays: command.reasonablePeriodDays,
      })
      return {
        event: 'non_cooperation_warning_given',
        on: warnedOn.toString(),
        details: { duty: found.stage, reasonablePeriodDays: command.reasonablePeriodDays },
      }
    })
  }

  async decideNotice(actor: Actor, reference: string, command: DecideNotice, origin: Origin): Promise<NonCooperationResult> {
    return this.step(actor, reference, origin, async (trx, officer, _found, row) => {
      const decidedOn = LocalDate.parse(command.date)
      const check: Check = mayDecideNotice(row ? toWarning(row) : undefined, decidedOn, this.clock.today())
      if (!check.allowed || !row) return refused('date', check.allowed ? 'There is no warning on this case' : check.reason)
      await recordNoticeDecision(trx, row.id, {
        decidedOn: decidedOn.toString(),
        decidedBy: officer.userId,
        role: officer.role,
        reasons: command.reasons,
      })
      return { event: 'non_cooperation_notice_decided', on: decidedOn.toString(), details: { duty: row.duty } }
    })
  }

  /** Authorises the case's notice: the command says nothing more, as the officer and the day are the step's own. */
  async authorise(actor: Actor, reference: string, _command: AuthoriseNotice, origin: Origin): Promise<NonCooperationResult> {
    return this.step(actor, reference, origin, async (trx, officer, _found, row) => {
      const check = mayAuthorise(row ? toWarning(row) : undefined, officer)
      if (!check.allowed || !row) return refused('', check.allowed ? 'There is no notice on this case' : check.reason)
      const today = this.clock.today().toString()
      await recordNoticeAuthorised(trx, row.id, today, officer.userId)
      return { event: 'non_cooperation_notice_authorised', on: today, details: { duty: row.duty } }
    })
  }

  /** One step of the process, with the case's current warning, as a case step: all or nothing, in the timeline and audited. */
  private async step(
    actor: Actor,
    reference: string,
    origin: Origin,
    work: (trx: Scoped, officer: Officer, found: FoundCase, row: Row | undefined) => Promise<StepWork<object>>,
  ): Promise<NonCooperationResult> {
    return this.cases.recordStep(actor, reference, origin, async (trx, officer, found) =>
      work(trx, officer, found, await currentWarning(trx, found.id, found.stage)),
    )
  }
}

export function toWarning(row: Row): Warning {
  return {
    warnedOn: LocalDate.parse(row.warned_on),
    reasonablePeriodDays: row.reasonable_period_days,
    decidedOn: row.notice_decided_on ? LocalDate.parse(row.notice_decided_on) : undefined,
    decidedBy: row.notice_decided_by
      ? { userId: row.notice_decided_by, role: row.notice_decided_by_role === 'team_manager' ? 'team_manager' : 'caseworker' }
      : undefined,
    authorisedBy: row.authorised_by ? { userId: row.authorised_by } : undefined,
  }
}
