import type { Transaction } from 'kysely'
import { asActor, type Actor } from '../../db/actor.ts'
import type { DB } from '../../db/schema.ts'
import { DUPLICATE_WINDOW_DAYS, resemblances } from '../../domain/referral-duplicates.ts'
import { referralFigures, type ReferralFigures } from '../../domain/referral-figures.ts'
import { responseAgainstTarget } from '../../domain/referral-response.ts'
import {
  ASSESSED_OUTCOMES,
  CLOSING_OUTCOMES,
  decisionsOfCase,
  nextReferralState,
  outcomeSuggestedByStage,
  type ReferralAction,
  type ReferralOutcome,
  type ReferralStatus,
} from '../../domain/referrals.ts'
import { WorkingCalendar } from '../../domain/working-days.ts'
import { recordAudit, type Origin } from '../../platform/audit.ts'
import { londonDateOf, type Clock } from '../../platform/clock.ts'
import { queueMessages, type Notifier } from '../../platform/notify.ts'
import type { Refusal } from '../../platform/commands.ts'
import type { CaseworkService } from '../casework/service.ts'
import type { ConvertReferral, LinkReferralToCase, SaveReferralSettings, SendReferralMessage, TakeReferralStep } from './commands.ts'
import { messageNotice, outcomeToReferrer } from './notifications.ts'
import {
  addMessage,
  addStatusChange,
  authoritiesLedBy,
  caseIdByReference,
  duplicateCandidates,
  findReferral,
  firstContacts,
  referralGroups,
  referralSettingsOf,
  referralsOfOrganisation,
  updateReferralSettings,
  updateReferralState,
  type FoundReferral,
} from './queries.ts'
import { asSystem, type OwnerDb } from '../../db/modes.ts'
import { eventsOfCase } from '../case/queries.ts'
import { may } from '../../platform/permissions.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Referring organisations see their own referrals; housing authority staff see those made to them. */
function sideOf(actor: Actor): 'referrer' | 'authority' | undefined {
  if (actor.role === 'referrer' || actor.role === 'api_client') return 'referrer'
  if (actor.role === 'caseworker' || actor.role === 'team_manager') return 'authority'
  return undefined
}

export type StepResult =
  | { outcome: 'done' }
  | { outcome: 'invalid'; refusals: Refusal[] }
  | { outcome: 'stale' }
  | { outcome: 'not_found' }
  | { outcome: 'not_allowed' }

export type ConvertResult = StepResult | { outcome: 'opened'; reference: string }

function refused(path: string, message: string): { outcome: 'invalid'; refusals: Refusal[] } {
  return { outcome: 'invalid', refusals: [{ path, message }] }
}

class StaleReferral extends Error {}

/**
 * The housing authority's side of the duty to refer: the inbox, each referral's steps to an outcome,
 * messages with the referrer, conversion into an approach, and the figures. The referrer's side reads
 * status, outcome and messages, and nothing of any case.
 */
export class ReferralService {
  private readonly db: OwnerDb
  private readonly clock: Clock
  private readonly notifier: Notifier
  private readonly casework: CaseworkService
  readonly calendar: WorkingCalendar

  constructor(deps: { db: OwnerDb; clock: Clock; notifier: Notifier; casework: CaseworkService; calendar?: WorkingCalendar }) {
    this.db = deps.db
    this.clock = deps.clock
    this.notifier = deps.notifier
    this.casework = deps.casework
    this.calendar = deps.calendar ?? new WorkingCalendar()
  }

  /** The inbox (authority) or the organisation's referrals (referrer), each with its wait against the target. */
  async list(actor: Actor, options: { limit?: number; open?: boolean }, origin: Origin) {
    const side = sideOf(actor)
    if (side === undefined || actor.organisationId === null) return []
    // The list shows the people referred: its read is audited in the same transaction, naming each referral.
    const rows = await asActor(this.db, actor, async (trx) => {
      const rows = await referralsOfOrganisation(trx, actor.organisationId, side, { limit: options.limit ?? 200, open: options.open })
      await recordAudit(
        trx,
        actor,
        {
          action: 'view',
          subjectType: 'referral_list',
          subjectOrganisationId: actor.organisationId,
          details: { referrals: rows.map((r) => r.id) },
        },
        origin,
        this.clock.now(),
      )
      return rows
    })
    const today = this.clock.today()
    return rows.map((r) => {
      const responded = r.acknowledged_at ?? r.first_contact_at
      const firstResponse =
        r.acknowledged_at && r.first_contact_at && r.first_contact_at < r.acknowledged_at ? r.first_contact_at : responded
      return {
        ...r,
        response: responseAgainstTarget(
          this.calendar,
          londonDateOf(r.received_at),
          firstResponse ? londonDateOf(firstResponse) : null,
          r.target_working_days,
          today,
        ),
      }
    })
  }

  /**
   * One referral, audited as a view of a person's record. The authority also sees how long it has waited,
   * likely duplicates and the outcome its case suggests. Undefined when it is not the actor's to see.
   */
  async view(actor: Actor, id: string, origin: Origin) {
    const side = sideOf(actor)
    if (side === undefined || actor.organisationId === null || !UUID.test(id)) return undefined
    return asActor(this.db, actor, async (trx) => {
      const referral = await findReferral(trx, actor.organisationId, id)
      if (!referral) return undefined
      await recordAudit(
        trx,
        actor,
        {
          action: 'view',
          subjectType: 'referral',
          subjectId: referral.id,
          subjectOrganisationId: referral.authority_id,
          details: { reference: referral.reference },
        },
        origin,
        this.clock.now(),
      )
      if (side === 'referrer') return { side, referral, authority: undefined }
      const since = new Date(referral.received_at.getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000)
      const candidates = await duplicateCandidates(trx, referral, since)
      const person = personOf(referral)
      const duplicates = {
        referrals: candidates.referrals
          .map((r) => ({ ...r, reasons: resemblances(person, personOf(r)) }))
          .filter((r) => r.reasons.length > 0),
        cases: candidates.cases
          .map((c) => ({
            ...c,
            reasons: resemblances(person, { givenName: c.given_name, familyName: c.family_name, dateOfBirth: c.date_of_birth }),
          }))
          .filter((c) => c.reasons.length > 0 && c.reference !== referral.case_reference),
      }
      const responded = [referral.acknowledged_at, referral.first_contact_at]
        .filter((d): d is Date => d !== null)
        .sort((a, b) => a.getTime() - b.getTime())[0]
      return {
        side,
        referral,
        authority: {
          duplicates,
          response: responseAgainstTarget(
            this.calendar,
            londonDateOf(referral.received_at),
            responded ? londonDateOf(responded) : null,
            referral.target_working_days,
            this.clock.today(),
          ),
          suggestedOutcome: referral.case_stage ? outcomeSuggestedByStage(referral.case_stage) : undefined,
        },
      }
    })
  }

  /** Acknowledge, record contact, record the outcome or close: one step, checked against the version seen. */
  async takeStep(actor: Actor, id: string, command: TakeReferralStep, origin: Origin): Promise<StepResult> {
    if (sideOf(actor) !== 'authority' || actor.kind !== 'user' || !UUID.test(id)) return { outcome: 'not_allowed' }
    const action: ReferralAction =
      command.action === 'record_outcome' || command.action === 'close'
        ? { kind: command.action, outcome: command.outcome ?? 'pending', details: blankAsNull(command.details) }
        : { kind: command.action }
    return this.step(actor, id, command.version, origin, action)
  }

  private async step(
    actor: Actor,
    id: string,
    version: number | undefined,
    origin: Origin,
    action: ReferralAction,
    caseId?: string,
  ): Promise<StepResult> {
    const result = await asActor(this.db, actor, async (trx) => {
      const referral = await findReferral(trx, actor.organisationId ?? '', id)
      if (referral?.authority_id !== actor.organisationId) return { outcome: 'not_found' as const }
      const moved = await this.move(trx, actor, referral, version, origin, action, caseId)
      return moved
    })
    if (result.outcome === 'done') this.notifier.deliverSoon()
    return result
  }

  /** The step itself, inside the caller's transaction: state, history, audit and the referrer's message. */
  private async move(
    trx: Parameters<Parameters<typeof asActor>[2]>[0],
    actor: Actor,
    referral: FoundReferral,
    version: number | undefined,
    origin: Origin,
    action: ReferralAction,
    caseId?: string,
  ): Promise<StepResult> {
    if (version !== undefined && version !== referral.version) return { outcome: 'stale' }
    // A closing reason may rest on what the person's case has decided; without a case, nothing is decided.
    const decided = action.kind === 'close' && referral.case_id ? decisionsOfCase(await eventsOfCase(trx, referral.case_id)) : undefined
    const next = nextReferralState(
      { status: referral.status as ReferralStatus, outcome: referral.outcome as ReferralOutcome, converted: referral.case_id !== null },
      action,
      decided,
    )
    if ('refused' in next) return refused(next.field, next.refused)
    const now = this.clock.now()
    const details = 'details' in action ? action.details : null
    const outcomeDetails = details ?? referral.outcome_details
    const updated = await updateReferralState(trx, {
      id: referral.id,
      version: referral.version,
      status: next.state.status,
      outcome: next.state.outcome,
      outcomeDetails,
      at: now,
      acknowledged: action.kind === 'acknowledge',
      firstContact: next.firstContact,
      caseId,
    })
    if (!updated) return { outcome: 'stale' }
    if (next.state.status !== referral.status || next.state.outcome !== referral.outcome)
      await addStatusChange(trx, referral, { status: next.state.status, outcome: next.state.outcome, details, at: now })
    await recordAudit(
      trx,
      actor,
      {
        action: 'update',
        subjectType: 'referral',
        subjectId: referral.id,
        subjectOrganisationId: referral.authority_id,
        details: { reference: referral.reference, step: action.kind, status: next.state.status, outcome: next.state.outcome },
      },
      origin,
      now,
    )
    if (referral.referrer_email && next.state.status !== referral.status)
      await queueMessages(trx, [outcomeToReferrer(refOf(referral), referral.referrer_email, next.state.status, next.state.outcome)], now)
    return { outcome: 'done' }
  }

  /** A message to the other side; the referrer may write only about its own organisation's referrals. */
  async sendMessage(actor: Actor, id: string, command: SendReferralMessage, origin: Origin): Promise<StepResult> {
    const side = sideOf(actor)
    if (side === undefined || actor.organisationId === null || !UUID.test(id)) return { outcome: 'not_allowed' }
    const body = command.message
    const result = await asActor(this.db, actor, async (trx): Promise<StepResult> => {
      const referral = await findReferral(trx, actor.organisationId, id)
      if (!referral) return { outcome: 'not_found' }
      const mine =
        side === 'authority' ? referral.authority_id === actor.organisationId : referral.referring_organisation_id === actor.organisationId
      if (!mine) return { outcome: 'not_found' }
      if (referral.referring_organisation_id === null) return refused('message', 'A self-referral has no referrer to write to')
      const now = this.clock.now()
      await addMessage(trx, {
        referralId: referral.id,
        authorityId: referral.authority_id,
        referringOrganisationId: referral.referring_organisation_id,
        fromSide: side,
        authorUserId: actor.kind === 'user' ? actor.userId : null,
        authorLabel: actor.label,
        body,
        at: now,
      })
      await recordAudit(
        trx,
        actor,
        {
          action: 'create',
          subjectType: 'referral_message',
          subjectId: referral.id,
          subjectOrganisationId: referral.authority_id,
          details: { reference: referral.reference },
        },
        origin,
        now,
      )
      const to =
        side === 'authority' ? referral.referrer_email : (await referralSettingsOf(trx, referral.authority_id)).referral_contact_email
      if (to)
        await queueMessages(
          trx,
          [
            messageNotice(
              refOf(referral),
              to,
              side === 'authority' ? referral.authority_name : (referral.referring_organisation_name ?? 'The referrer'),
            ),
          ],
          now,
        )
      return { outcome: 'done' }
    })
    if (result.outcome === 'done') this.notifier.deliverSoon()
    return result
  }

  /** The approach form's values, carried over from the referral. */
  approachFormOf(referral: FoundReferral): Record<string, unknown> {
    const today = this.clock.today()
    const [year = '', month = '', day = ''] = referral.date_of_birth?.split('-') ?? []
    const emergencies: string[] = []
    const leaving = referral.discharge_or_release_on
    if (leaving && referral.reason !== 'at_risk_later') {
      if (['hospital', 'emergency_department', 'urgent_treatment_centre'].includes(referral.referring_organisation_type ?? ''))
        emergencies.push('hospital_discharge')
      if (
        ['prison', 'youth_offender_institution', 'secure_training_centre', 'secure_college'].includes(
          referral.referring_organisation_type ?? '',
        )
      )
        emergencies.push('release_from_custody')
    }
    return {
      givenName: referral.given_name,
      familyName: referral.family_name,
      dobDay: day && String(Number(day)),
      dobMonth: month && String(Number(month)),
      dobYear: year,
      approachedDay: String(today.dayOfMonth()),
      approachedMonth: String(today.monthValue()),
      approachedYear: String(today.year()),
      // A self-referral came through the online form; anyone else's, from the organisation that referred.
      channel: referral.referring_organisation_id ? 'referral' : 'email',
      referralRoute: referral.referring_organisation_id ? 'partner_referral' : 'self_referral',
      emergencies,
    }
  }

  /** Opens an approach from the referral, its details carried over and the two linked, in one transaction. */
  async convert(actor: Actor, id: string, command: ConvertReferral, origin: Origin): Promise<ConvertResult> {
    if (sideOf(actor) !== 'authority' || actor.kind !== 'user' || !UUID.test(id)) return { outcome: 'not_allowed' }
    const referral = await asActor(this.db, actor, (trx) => findReferral(trx, actor.organisationId, id))
    if (referral?.authority_id !== actor.organisationId) return { outcome: 'not_found' }
    try {
      const result = await this.casework.recordApproach(actor, command.approach, origin, {
        supportNeeds: referral.support_needs,
        details: { referral: referral.reference },
        opened: async (trx, created) => {
          const moved = await this.move(trx, actor, referral, command.version, origin, { kind: 'convert' }, created.caseId)
          if (moved.outcome !== 'done') throw new StaleReferral()
        },
      })
      if (result.outcome === 'not_allowed') return { outcome: 'not_allowed' }
      // The approach's refusals are about the command's approach.
      if (result.outcome === 'invalid')
        return {
          outcome: 'invalid',
          refusals: result.refusals.map((r) => ({ ...r, path: r.path === '' ? 'approach' : `approach.${r.path}` })),
        }
      this.notifier.deliverSoon()
      return { outcome: 'opened', reference: result.reference }
    } catch (error) {
      if (error instanceof StaleReferral) return { outcome: 'stale' }
      throw error
    }
  }

  /** The referral is about someone the authority already has a case for: link it rather than open another. */
  async linkToCase(actor: Actor, id: string, command: LinkReferralToCase, origin: Origin): Promise<ConvertResult> {
    if (sideOf(actor) !== 'authority' || actor.kind !== 'user' || !UUID.test(id)) return { outcome: 'not_allowed' }
    const { caseReference: reference, version } = command
    const result = await asActor(this.db, actor, async (trx): Promise<ConvertResult> => {
      const referral = await findReferral(trx, actor.organisationId, id)
      if (referral?.authority_id !== actor.organisationId) return { outcome: 'not_found' }
      const found = reference ? await caseIdByReference(trx, actor.organisationId, reference) : undefined
      if (!found) return refused('caseReference', 'Choose one of your authority’s cases')
      const moved = await this.move(trx, actor, referral, version, origin, { kind: 'convert' }, found.id)
      return moved.outcome === 'done' ? { outcome: 'opened', reference: found.reference } : moved
    })
    if (result.outcome === 'opened') this.notifier.deliverSoon()
    return result
  }

  /** The referral figures for the actor's authority, or for every authority in the programme its organisation leads. */
  async figures(
    actor: Actor,
    period: { from: Date; to: Date },
  ): Promise<{ authorities: { id: string; name: string }[]; figures: ReferralFigures } | undefined> {
    if (actor.organisationId === null || !may(actor.role, 'referral.figures')) return undefined
    const authorities = await asActor(this.db, actor, (trx) => authoritiesLedBy(trx, actor.organisationId))
    if (authorities.length === 0) return undefined
    const ids = authorities.map((a) => a.id)
    // Counts only, never a person: a programme lead may see its authorities' figures though not their referrals,
    // so the programme's figures are read as the system, for the authorities found above and no others.
    const read = async (trx: Transaction<DB>) => ({
      groups: await referralGroups(trx, ids, period.from, period.to),
      contacts: await firstContacts(trx, ids, period.from, period.to),
    })
    const { groups, contacts } =
      ids.length === 1 && ids[0] === actor.organisationId
        ? await asActor(this.db, actor, read)
        : await asSystem(this.db, "a programme lead's referral figures", read)
    return {
      authorities,
      figures: referralFigures(
        groups,
        contacts.map((c) => ({
          receivedOn: londonDateOf(c.received_at),
          contactedOn: londonDateOf(c.first_contact_at ?? c.received_at),
          targetWorkingDays: c.target,
        })),
        this.calendar,
      ),
    }
  }

  async settings(actor: Actor) {
    if (actor.organisationId === null || !['team_manager', 'administrator'].includes(actor.role)) return undefined
    const settings = await asActor(this.db, actor, (trx) => referralSettingsOf(trx, actor.organisationId))
    return settings.type === 'local_housing_authority' ? settings : undefined
  }

  async saveSettings(actor: Actor, command: SaveReferralSettings, origin: Origin): Promise<StepResult> {
    if (!(await this.settings(actor)) || actor.organisationId === null) return { outcome: 'not_allowed' }
    const days = command.targetWorkingDays
    const email = command.contactEmail ?? null
    await asActor(this.db, actor, async (trx) => {
      await updateReferralSettings(trx, actor.organisationId, { targetWorkingDays: days, contactEmail: email })
      await recordAudit(
        trx,
        actor,
        {
          action: 'update',
          subjectType: 'organisation',
          subjectId: actor.organisationId,
          subjectOrganisationId: actor.organisationId,
          details: { referralTargetWorkingDays: days, contactEmailSet: email !== null },
        },
        origin,
        this.clock.now(),
      )
    })
    return { outcome: 'done' }
  }
}

export const OUTCOME_CHOICES = { assessed: ASSESSED_OUTCOMES, closing: CLOSING_OUTCOMES } as const

function personOf(r: {
  given_name: string
  family_name: string
  date_of_birth: string | null
  phone?: string | null
  email?: string | null
  address_postcode?: string | null
}) {
  return {
    givenName: r.given_name,
    familyName: r.family_name,
    dateOfBirth: r.date_of_birth,
    phone: r.phone,
    email: r.email,
    postcode: r.address_postcode,
  }
}

/** Details left blank are no details. */
const blankAsNull = (text: string | undefined) => (text === undefined || text === '' ? null : text)

function refOf(referral: FoundReferral) {
  return { id: referral.id, reference: referral.reference, authorityId: referral.authority_id, authorityName: referral.authority_name }
}
