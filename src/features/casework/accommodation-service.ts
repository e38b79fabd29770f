import { LocalDate } from '@js-joda/core'
import { type Actor } from '../../db/actor.ts'
import type { Stage } from '../../domain/legal-status.ts'
import {
  apparentPriorityNeedOf,
  findingsOfRecord,
  interimAccommodationProblems,
  REASONS_TO_BELIEVE,
  type ReasonToBelieve,
} from '../../domain/priority-need.ts'
import { BED_AND_BREAKFAST_LIMIT_DAYS, dutyToAccommodate, mayEnd, mayPlace } from '../../domain/temporary-accommodation.ts'
import { daysUntil } from '../../domain/statutory-dates.ts'
import type { Origin } from '../../platform/audit.ts'
import { endPlacement, insertPlacement, placementsOfCase } from './accommodation-queries.ts'
import { refused, type StepResult, CaseService } from '../case/kernel.ts'
import type { Refusal } from '../../platform/commands.ts'
import type { EndPlacement, PlaceInAccommodation } from './commands.ts'

/**
 * Temporary accommodation on a case: placing the household (s188 interim accommodation while the
 * relief duty is owed, s193 once the main duty is) and ending a placement. Each step is checked by the
 * domain rules and kept in the timeline, the audit trail and the statutory return's section 9.
 */
export class AccommodationService extends CaseService {
  async view(actor: Actor, reference: string, origin: Origin) {
    return this.cases.readCase(actor, reference, { origin, read: 'accommodation' }, async (trx, found) => {
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

  async place(actor: Actor, reference: string, command: PlaceInAccommodation, origin: Origin): Promise<StepResult> {
    return this.cases.recordStep(actor, reference, origin, async (trx, officer, found) => {
      const placedOn = LocalDate.parse(command.date)
      const placements = await placementsOfCase(trx, found.id)
      const current = placements.find((p) => p.ended_on === null)
      const check = mayPlace(
        found.stage as Stage,
        current ? { placedOn: LocalDate.parse(current.placed_on) } : undefined,
        placedOn,
        LocalDate.parse(found.approached_on),
        this.clock.today(),
      )
      const refusals: Refusal[] = check.allowed
        ? []
        : [{ path: check.about === 'date' ? 'date' : 'accommodationType', message: check.reason }]
      // Interim accommodation is owed on the reason to believe (s188(1)), which the placement records.
      const interim = dutyToAccommodate(found.stage as Stage) === 's188'
      const findings = findingsOfRecord(found.priority_need, found.intentionality)
      const reasons = (Object.keys(REASONS_TO_BELIEVE) as ReasonToBelieve[]).filter((r) => command.reasonToBelieve?.includes(r))
      const belief = { reasons, apparentPriorityNeed: command.apparentPriorityNeed ?? null }
      if (interim) refusals.push(...interimAccommodationProblems(belief, findings).map((p) => ({ path: p.about, message: p.reason })))
      if (refusals.length > 0 || !check.allowed) return { refusals }
      const apparentPriorityNeed = interim ? apparentPriorityNeedOf(belief, findings) : null
      await insertPlacement(trx, {
        caseId: found.id,
        authorityId: found.authority_id,
        providerId: found.provider_organisation_id,
        duty: check.value,
        accommodationType: command.accommodationType,
        bedrooms: command.bedrooms ?? null,
        inAnotherDistrict: command.inAnotherDistrict ?? false,
        placedOn: placedOn.toString(),
        placedBy: officer.userId,
        reasonToBelieve: interim ? reasons : null,
        apparentPriorityNeed,
      })
      return {
        event: 'accommodation_placed',
        on: placedOn.toString(),
        details: { duty: check.value, accommodationType: command.accommodationType, apparentPriorityNeed },
      }
    })
  }

  async end(actor: Actor, reference: string, command: EndPlacement, origin: Origin): Promise<StepResult> {
    return this.cases.recordStep(actor, reference, origin, async (trx, officer, found) => {
      const endedOn = LocalDate.parse(command.date)
      const current = (await placementsOfCase(trx, found.id)).find((p) => p.ended_on === null)
      const check = mayEnd(current ? { placedOn: LocalDate.parse(current.placed_on) } : undefined, endedOn, this.clock.today())
      if (!check.allowed || !current) return refused('date', check.allowed ? 'The household is not in a placement' : check.reason)
      await endPlacement(trx, current.id, { on: endedOn.toString(), ending: command.ending, by: officer.userId })
      return { event: 'accommodation_ended', on: endedOn.toString(), details: { duty: current.duty, reason: command.ending } }
    })
  }
}
