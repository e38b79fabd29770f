import { LocalDate } from '@js-joda/core'
import { asActor, type Actor } from '../../db/actor.ts'
import type { Stage } from '../../domain/legal-status.ts'
import {
  ACCOMMODATION_TYPES,
  BED_AND_BREAKFAST_LIMIT_DAYS,
  dutyToAccommodate,
  mayEnd,
  mayPlace,
  PLACEMENT_ENDINGS,
} from '../../domain/temporary-accommodation.ts'
import { daysUntil } from '../../domain/statutory-dates.ts'
import type { Origin } from '../../platform/audit.ts'
import type { Clock } from '../../platform/clock.ts'
import { parseDateInput } from '../../platform/date-input.ts'
import { endPlacement, insertPlacement, placementsOfCase } from './accommodation-queries.ts'
import { asOfficer, recordCaseStep, type StepResult } from './case-step.ts'
import { codeOf, type FormError } from '../../platform/forms.ts'
import { findCaseByReference } from './queries.ts'
import type { OwnerDb } from '../../db/modes.ts'

/**
 * Temporary accommodation on a case: placing the household (s188 interim accommodation while the
 * relief duty is owed, s193 once the main duty is) and ending a placement. Each step is checked by the
 * domain rules and kept in the timeline, the audit trail and the statutory return's section 9.
 */
export class AccommodationService {
  private readonly db: OwnerDb
  private readonly clock: Clock

  constructor(deps: { db: OwnerDb; clock: Clock }) {
    this.db = deps.db
    this.clock = deps.clock
  }

  async view(actor: Actor, reference: string) {
    const officer = asOfficer(actor)
    if (!officer) return undefined
    return asActor(this.db, actor, async (trx) => {
      const found = await findCaseByReference(trx, officer.organisationId, reference)
      if (!found) return undefined
      const placements = await placementsOfCase(trx, found.id)
      const current = placements.find((p) => p.ended_on === null)
      const today = this.clock.today()
      const hasChildren = found.people.some(
        (p) => p.date_of_birth !== null && LocalDate.parse(p.date_of_birth).plusYears(18).isAfter(today),
      )
      const daysIn = current ? daysUntil(LocalDate.parse(current.placed_on), today) + 1 : 0
      return {
        found,
        placements,
        current,
        duty: dutyToAccommodate(found.stage as Stage),
        daysIn,
        // Families with children in bed and breakfast for more than six weeks: the limit in law.
        bedAndBreakfastWarning:
          current?.accommodation_type === 'bed_and_breakfast' && hasChildren && daysIn > BED_AND_BREAKFAST_LIMIT_DAYS - 14,
      }
    })
  }

  async place(actor: Actor, reference: string, form: Record<string, unknown>, origin: Origin): Promise<StepResult> {
    return recordCaseStep({ db: this.db, clock: this.clock }, actor, reference, origin, async (trx, officer, found) => {
      const errors: FormError[] = []
      const type = codeOf(ACCOMMODATION_TYPES, form['accommodationType'])
      if (!type) errors.push({ href: '#accommodation-type', text: 'Select the type of accommodation' })
      const bedroomsGiven = typeof form['bedrooms'] === 'string' ? form['bedrooms'].trim() : ''
      const bedrooms = bedroomsGiven === '' ? null : /^\d{1,2}$/.test(bedroomsGiven) ? Number(bedroomsGiven) : NaN
      if (bedrooms !== null && !(bedrooms <= 10))
        errors.push({ href: '#bedrooms', text: 'Enter the number of bedrooms as a whole number from 0 to 10, or leave it blank' })
      const date = parseDateInput({ day: form['day'], month: form['month'], year: form['year'] }, 'Date of the placement')
      if ('error' in date) errors.push({ href: '#placed-on-day', text: date.error })
      if (errors.length > 0 || 'error' in date || !type) return { errors }
      const placements = await placementsOfCase(trx, found.id)
      const current = placements.find((p) => p.ended_on === null)
      const check = mayPlace(
        found.stage as Stage,
        current ? { placedOn: LocalDate.parse(current.placed_on) } : undefined,
        date.date,
        LocalDate.parse(found.approached_on),
        this.clock.today(),
      )
      if (!check.allowed)
        return { errors: [{ href: check.about === 'date' ? '#placed-on-day' : '#accommodation-type', text: check.reason }] }
      await insertPlacement(trx, {
        caseId: found.id,
        authorityId: found.authority_id,
        providerId: found.provider_organisation_id,
        duty: check.value,
        accommodationType: type,
        bedrooms,
        inAnotherDistrict: form['inAnotherDistrict'] === 'yes',
        placedOn: date.date.toString(),
        placedBy: officer.userId,
      })
      return { event: 'accommodation_placed', on: date.date.toString(), details: { duty: check.value, accommodationType: type } }
    })
  }

  async end(actor: Actor, reference: string, form: Record<string, unknown>, origin: Origin): Promise<StepResult> {
    return recordCaseStep({ db: this.db, clock: this.clock }, actor, reference, origin, async (trx, officer, found) => {
      const errors: FormError[] = []
      const ending = codeOf(PLACEMENT_ENDINGS, form['ending'])
      if (!ending) errors.push({ href: '#ending', text: 'Select why the placement ended' })
      const date = parseDateInput({ day: form['day'], month: form['month'], year: form['year'] }, 'Date the placement ended')
      if ('error' in date) errors.push({ href: '#ended-on-day', text: date.error })
      if (errors.length > 0 || 'error' in date || !ending) return { errors }
      const current = (await placementsOfCase(trx, found.id)).find((p) => p.ended_on === null)
      const check = mayEnd(current ? { placedOn: LocalDate.parse(current.placed_on) } : undefined, date.date, this.clock.today())
      if (!check.allowed || !current)
        return { errors: [{ href: '#ended-on-day', text: check.allowed ? 'The household is not in a placement' : check.reason }] }
      await endPlacement(trx, current.id, { on: date.date.toString(), ending, by: officer.userId })
      return { event: 'accommodation_ended', on: date.date.toString(), details: { duty: current.duty, reason: ending } }
    })
  }
}
