import { LocalDate } from '@js-joda/core'
import type { Actor, Scoped } from '../../db/actor.ts'
import { recordAudit, type Origin } from '../../platform/audit.ts'
import type { Refusal } from '../../platform/commands.ts'
import { SEXES, type Sex } from '../../domain/approach.ts'
import { RELATIONSHIPS, dateOfBirthProblem, type Relationship } from '../../domain/assessment.ts'
import { type FoundCase, type Officer, type StepResult, CaseService } from '../case/kernel.ts'
import { SENSITIVE_QUESTIONS, type AddMember, type ChangeMember, type SavePersonalDetails, type SensitiveField } from './commands.ts'
import { insertMember, membersOf, saveSensitiveDetails, sensitiveDetailsOf, updateMember } from './queries.ts'

export type HouseholdResult = StepResult<{ personId: string }>

interface Member {
  givenName: string
  familyName: string
  relationship: Relationship | null
  dateOfBirth: LocalDate
  sex: Sex
}

const isCode = <T extends string>(options: Record<T, string>, value: string | undefined): value is T =>
  value !== undefined && Object.hasOwn(options, value)

/**
 * A member's answers, all checked at once: each name, their relationship (not asked of the applicant),
 * their date of birth (not in the future, nor more than 120 years ago) and their sex, asked for in words
 * that say whom they are about.
 */
function memberOf(command: AddMember | ChangeMember, isApplicant: boolean, today: LocalDate): { member: Member } | { refusals: Refusal[] } {
  const refusals: Refusal[] = []
  const who = isApplicant ? 'the applicant’s' : 'their'
  if (!command.givenName) refusals.push({ path: 'givenName', message: `Enter ${who} first name` })
  if (!command.familyName) refusals.push({ path: 'familyName', message: `Enter ${who} last name` })
  const relationship = isApplicant ? null : isCode(RELATIONSHIPS, command.relationship) ? command.relationship : undefined
  if (relationship === undefined) refusals.push({ path: 'relationship', message: 'Select their relationship to the applicant' })
  const dateOfBirth = command.dateOfBirth === undefined ? undefined : LocalDate.parse(command.dateOfBirth)
  const problem = dateOfBirth ? dateOfBirthProblem(dateOfBirth, today) : 'Enter the date of birth'
  if (problem) refusals.push({ path: 'dateOfBirth', message: problem })
  const sex = isCode(SEXES, command.sex) ? command.sex : undefined
  if (!sex) refusals.push({ path: 'sex', message: `Select ${who} sex` })
  if (refusals.length > 0 || relationship === undefined || !dateOfBirth || !sex) return { refusals }
  return { member: { givenName: command.givenName ?? '', familyName: command.familyName ?? '', relationship, dateOfBirth, sex } }
}

/**
 * The household on a case: its members (name, relationship, date of birth, sex) and, apart, each
 * member's personal details for the statutory return. Only the officers running the case read or change
 * either; every read of the personal details is audited in the same transaction as the read.
 */
export class HouseholdService extends CaseService {
  /** The case and its members, for the household page. Reading names is audited as a view of the case. */
  async household(actor: Actor, reference: string, origin: Origin) {
    return this.cases.readCase(actor, reference, { recordedByWork: 'a view of the household' }, async (trx, found) => {
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
  async member(actor: Actor, reference: string, personId: string, origin: Origin) {
    return this.cases.readCase(actor, reference, { origin, read: `household_member:${personId}` }, (_trx, found) => {
      const person = found.people.find((p) => p.id === personId)
      return Promise.resolve(person ? { found, person } : undefined)
    })
  }

  async addMember(actor: Actor, reference: string, command: AddMember, origin: Origin): Promise<HouseholdResult> {
    return this.change(actor, reference, origin, async (trx, _officer, found) => {
      const read = memberOf(command, false, this.clock.today())
      if ('refusals' in read) return read
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

  async changeMember(actor: Actor, reference: string, personId: string, command: ChangeMember, origin: Origin): Promise<HouseholdResult> {
    return this.change(actor, reference, origin, async (trx, _officer, found) => {
      const person = found.people.find((p) => p.id === personId)
      if (!person) return 'not_found'
      const read = memberOf(command, person.is_applicant, this.clock.today())
      if ('refusals' in read) return read
      const { member } = read
      const changed = await updateMember(
        trx,
        personId,
        found.household_id,
        command.version,
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
    return this.cases.readCase(actor, reference, { recordedByWork: 'a view of the personal details' }, async (trx, found) => {
      const person = found.people.find((p) => p.id === personId)
      if (!person) return undefined
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
    command: SavePersonalDetails,
    origin: Origin,
  ): Promise<HouseholdResult> {
    return this.change(actor, reference, origin, async (trx, officer, found) => {
      if (!found.people.some((p) => p.id === personId)) return 'not_found'
      // A question left out is not known, or they prefer not to say.
      const details = Object.fromEntries(SENSITIVE_QUESTIONS.map((q) => [q.field, command[q.field] ?? null])) as Record<
        SensitiveField,
        string | null
      >
      const saved = await saveSensitiveDetails(
        trx,
        command.version,
        { personId, householdId: found.household_id, authorityId: found.authority_id, userId: officer.userId, ...details },
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
      { refusals: Refusal[] } | 'not_found' | 'conflict' | { personId: string; event: string; details: Record<string, unknown> }
    >,
  ): Promise<HouseholdResult> {
    return this.cases.recordStep<{ personId: string }>(actor, reference, origin, async (trx, officer, found) => {
      const done = await work(trx, officer, found)
      if (typeof done === 'string' || 'refusals' in done) return done
      return {
        ...done,
        on: this.clock.today().toString(),
        auditSubject: { type: done.event === 'personal_details_recorded' ? 'person_sensitive_details' : 'person', id: done.personId },
        result: { personId: done.personId },
      }
    })
  }
}
