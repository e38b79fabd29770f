import { LocalDate } from '@js-joda/core'
import { asActor, type Actor, type Scoped } from '../../db/actor.ts'
import type { Stage } from '../../domain/legal-status.ts'
import { mayAuthorise, mayDecideNotice, mayWarn, type Check, type Warning } from '../../domain/non-cooperation.ts'
import { DEFAULT_WARNING_PERIOD_DAYS, earliestNonCooperationNotice } from '../../domain/statutory-dates.ts'
import type { Origin } from '../../platform/audit.ts'
import type { Clock } from '../../platform/clock.ts'
import { parseDateInput } from '../../platform/date-input.ts'
import { asOfficer, recordCaseStep, type FoundCase, type Officer, type StepResult, type StepWork } from './case-step.ts'
import { type FormError, formText } from '../../platform/forms.ts'
import { currentWarning, findCaseByReference, insertWarning, recordNoticeAuthorised, recordNoticeDecision } from './queries.ts'
import type { OwnerDb } from '../../db/modes.ts'

export type NonCooperationResult = StepResult

type Row = NonNullable<Awaited<ReturnType<typeof currentWarning>>>

const TEXT_LIMIT = 2000

/**
 * Non-cooperation on a case (s193B): a warning, then a notice decided by one officer and authorised
 * by a second. Each step is checked by the domain rules, kept in the case's timeline and audited.
 */
export class NonCooperationService {
  private readonly db: OwnerDb
  private readonly clock: Clock

  constructor(deps: { db: OwnerDb; clock: Clock }) {
    this.db = deps.db
    this.clock = deps.clock
  }

  /** The case and where its non-cooperation process stands, for the page. */
  async view(actor: Actor, reference: string) {
    const officer = asOfficer(actor)
    if (!officer) return undefined
    return asActor(this.db, actor, async (trx) => {
      const found = await findCaseByReference(trx, officer.organisationId, reference)
      if (!found) return undefined
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

  async warn(actor: Actor, reference: string, form: Record<string, unknown>, origin: Origin): Promise<NonCooperationResult> {
    return this.step(actor, reference, origin, async (trx, officer, found, row) => {
      const errors: FormError[] = []
      const step = formText(form['stepRefused'])
      if (!step) errors.push({ href: '#step-refused', text: 'Enter the step the applicant has refused to take' })
      else if (step.length > TEXT_LIMIT)
        errors.push({ href: '#step-refused', text: `The step must be ${String(TEXT_LIMIT)} characters or fewer` })
      const period = formText(form['reasonablePeriodDays'])
      const days = /^\d{1,2}$/.test(period) ? Number(period) : NaN
      if (!(days >= 1 && days <= 90))
        errors.push({ href: '#reasonable-period', text: 'Enter the reasonable period as a whole number of days from 1 to 90' })
      const date = parseDateInput({ day: form['day'], month: form['month'], year: form['year'] }, 'Date of the warning')
      if ('error' in date) errors.push({ href: '#warned-on-day', text: date.error })
      if (errors.length > 0 || 'error' in date) return { errors }
      const check = mayWarn(
        found.stage as Stage,
        row ? toWarning(row) : undefined,
        date.date,
        LocalDate.parse(found.approached_on),
        this.clock.today(),
      )
      if (!check.allowed) return { errors: [{ href: '#warned-on-day', text: check.reason }] }
      await insertWarning(trx, {
        caseId: found.id,
        authorityId: found.authority_id,
        providerId: found.provider_organisation_id,
        duty: found.stage,
        stepRefused: step,
        warnedOn: date.date.toString(),
        warnedBy: officer.userId,
        reasonablePeriodDays: days,
      })
      return {
        event: 'non_cooperation_warning_given',
        on: date.date.toString(),
        details: { duty: found.stage, reasonablePeriodDays: days },
      }
    })
  }

  async decideNotice(actor: Actor, reference: string, form: Record<string, unknown>, origin: Origin): Promise<NonCooperationResult> {
    return this.step(actor, reference, origin, async (trx, officer, _found, row) => {
      const errors: FormError[] = []
      const reasons = formText(form['reasons'])
      if (!reasons)
        errors.push({
          href: '#reasons',
          text: 'Enter why the notice is given: the step refused, and why the refusal was deliberate and unreasonable',
        })
      else if (reasons.length > TEXT_LIMIT)
        errors.push({ href: '#reasons', text: `The reasons must be ${String(TEXT_LIMIT)} characters or fewer` })
      const date = parseDateInput({ day: form['day'], month: form['month'], year: form['year'] }, 'Date of the decision')
      if ('error' in date) errors.push({ href: '#decided-on-day', text: date.error })
      if (errors.length > 0 || 'error' in date) return { errors }
      const check: Check = mayDecideNotice(row ? toWarning(row) : undefined, date.date, this.clock.today())
      if (!check.allowed || !row)
        return { errors: [{ href: '#decided-on-day', text: check.allowed ? 'There is no warning on this case' : check.reason }] }
      await recordNoticeDecision(trx, row.id, { decidedOn: date.date.toString(), decidedBy: officer.userId, role: officer.role, reasons })
      return { event: 'non_cooperation_notice_decided', on: date.date.toString(), details: { duty: row.duty } }
    })
  }

  async authorise(actor: Actor, reference: string, origin: Origin): Promise<NonCooperationResult> {
    return this.step(actor, reference, origin, async (trx, officer, _found, row) => {
      const check = mayAuthorise(row ? toWarning(row) : undefined, officer)
      if (!check.allowed || !row)
        return { errors: [{ href: '#authorise', text: check.allowed ? 'There is no notice on this case' : check.reason }] }
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
    return recordCaseStep({ db: this.db, clock: this.clock }, actor, reference, origin, async (trx, officer, found) =>
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
