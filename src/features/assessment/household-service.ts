import { asActor, type Actor, type Scoped } from '../../db/actor.ts'
import { recordAudit, type Origin } from '../../platform/audit.ts'
import type { Clock } from '../../platform/clock.ts'
import { type FormError, versionOf } from '../../platform/forms.ts'
import { asOfficer, recordCaseStep, type FoundCase, type Officer } from '../casework/case-step.ts'
import { findCaseByReference } from '../casework/queries.ts'
import { readMemberForm, readSensitiveForm } from './household-form.ts'
import { insertMember, membersOf, saveSensitiveDetails, sensitiveDetailsOf, updateMember } from './queries.ts'
import type { OwnerDb } from '../../db/modes.ts'

export type HouseholdResult =
  | { outcome: 'recorded'; personId: string }
  | { outcome: 'invalid'; errors: FormError[] }
  | { outcome: 'conflict' }
  | { outcome: 'not_found' }

/**
 * The household on a case: its members (name, relationship, date of birth, sex) and, apart, each
 * member's personal details for the statutory return. Only the officers running the case read or change
 * either; every read of the personal details is audited in the same transaction as the read.
 */
export class HouseholdService {
  private readonly db: OwnerDb
  private readonly clock: Clock

  constructor(deps: { db: OwnerDb; clock: Clock }) {
    this.db = deps.db
    this.clock = deps.clock
  }

  /** The case and its members, for the household page. Reading names is audited as a view of the case. */
  async household(actor: Actor, reference: string, origin: Origin) {
    const officer = asOfficer(actor)
    if (!officer) return undefined
    return asActor(this.db, actor, async (trx) => {
      const found = await findCaseByReference(trx, officer.organisationId, reference)
      if (!found) return undefined
      const members = await membersOf(trx, found.household_id)
      await recordAudit(
        trx,
        actor,
        {
          action: 'view',
          subjectType: 'household',
          subjectId: found.household_id,
          subjectOrganisationId: found.authority_id,
          details: { reference, people: members.map((m) => m.id) },
        },
        origin,
        this.clock.now(),
      )
      return { found, members }
    })
  }

  /** One member, for the change form. */
  async member(actor: Actor, reference: string, personId: string) {
    const officer = asOfficer(actor)
    if (!officer) return undefined
    return asActor(this.db, actor, async (trx) => {
      const found = await findCaseByReference(trx, officer.organisationId, reference)
      const person = found?.people.find((p) => p.id === personId)
      return found && person ? { found, person } : undefined
    })
  }

  async addMember(actor: Actor, reference: string, form: Record<string, unknown>, origin: Origin): Promise<HouseholdResult> {
    return this.change(actor, reference, origin, async (trx, _officer, found) => {
      const read = readMemberForm(form, this.clock.today(), false)
      if ('errors' in read) return read
      const { member } = read
      const personId = await insertMember(trx, {
        householdId: found.household_id,
        authorityId: found.authority_id,
        givenName: member.givenName,
        familyName: member.familyName,
        relationship: member.relationship ?? 'not_related',
        dateOfBirth: member.dateOfBirth.toString(),
        sex: member.sex,
      })
      return { personId, event: 'household_member_added', details: { personId, relationship: member.relationship } }
    })
  }

  async changeMember(
    actor: Actor,
    reference: string,
    personId: string,
    form: Record<string, unknown>,
    origin: Origin,
  ): Promise<HouseholdResult> {
    return this.change(actor, reference, origin, async (trx, _officer, found) => {
      const person = found.people.find((p) => p.id === personId)
      if (!person) return 'not_found'
      const read = readMemberForm(form, this.clock.today(), person.is_applicant)
      if ('errors' in read) return read
      const { member } = read
      const version = versionOf(form['version'])
      if (version === undefined) return 'conflict'
      const changed = await updateMember(
        trx,
        personId,
        found.household_id,
        version,
        {
          givenName: member.givenName,
          familyName: member.familyName,
          relationship: member.relationship,
          dateOfBirth: member.dateOfBirth.toString(),
          sex: member.sex,
        },
        this.clock.now(),
      )
      if (!changed) return 'conflict'
      return { personId, event: 'household_member_changed', details: { personId } }
    })
  }

  /**
   * A member's personal details for the statutory return. Only the officers running the case may read
   * them (the database enforces it too), and each read is audited with the reader and the person.
   */
  async personalDetails(actor: Actor, reference: string, personId: string, origin: Origin) {
    const officer = asOfficer(actor)
    if (!officer) return undefined
    return asActor(this.db, actor, async (trx) => {
      const found = await findCaseByReference(trx, officer.organisationId, reference)
      const person = found?.people.find((p) => p.id === personId)
      if (!found || !person) return undefined
      const [details] = await sensitiveDetailsOf(trx, [personId])
      await recordAudit(
        trx,
        actor,
        {
          action: 'view',
          subjectType: 'person_sensitive_details',
          subjectId: personId,
          subjectOrganisationId: found.authority_id,
          details: { reference, recorded: details !== undefined },
        },
        origin,
        this.clock.now(),
      )
      return { found, person, details }
    })
  }

  async savePersonalDetails(
    actor: Actor,
    reference: string,
    personId: string,
    form: Record<string, unknown>,
    origin: Origin,
  ): Promise<HouseholdResult> {
    return this.change(actor, reference, origin, async (trx, officer, found) => {
      if (!found.people.some((p) => p.id === personId)) return 'not_found'
      const read = readSensitiveForm(form)
      if ('errors' in read) return read
      const version = versionOf(form['version'])
      if (version === undefined) return 'conflict'
      const saved = await saveSensitiveDetails(
        trx,
        version,
        { personId, householdId: found.household_id, authorityId: found.authority_id, userId: officer.userId, ...read.details },
        this.clock.now(),
      )
      if (!saved) return 'conflict'
      // The timeline and audit say that the details changed, never what they are.
      return { personId, event: 'personal_details_recorded', details: { personId } }
    })
  }

  /** One change to the household, as a case step: all or nothing, in the timeline and audited against the person. */
  private async change(
    actor: Actor,
    reference: string,
    origin: Origin,
    work: (
      trx: Scoped,
      officer: Officer,
      found: FoundCase,
    ) => Promise<
      { errors: FormError[] } | 'not_found' | 'conflict' | { personId: string; event: string; details: Record<string, unknown> }
    >,
  ): Promise<HouseholdResult> {
    return recordCaseStep<{ personId: string }>(
      { db: this.db, clock: this.clock },
      actor,
      reference,
      origin,
      async (trx, officer, found) => {
        const done = await work(trx, officer, found)
        if (typeof done === 'string' || 'errors' in done) return done
        return {
          ...done,
          on: this.clock.today().toString(),
          auditSubject: { type: done.event === 'personal_details_recorded' ? 'person_sensitive_details' : 'person', id: done.personId },
          result: { personId: done.personId },
        }
      },
    )
  }
}
