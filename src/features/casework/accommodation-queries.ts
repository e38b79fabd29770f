import type { Scoped } from '../../db/actor.ts'

/** A case's placements, the latest first, with the names of the officers who made and ended them. */
export async function placementsOfCase(trx: Scoped, caseId: string) {
  return trx
    .selectFrom('accommodation_placements as p')
    .leftJoin('users as placer', 'placer.id', 'p.placed_by')
    .where('p.case_id', '=', caseId)
    .selectAll('p')
    .select('placer.display_name as placed_by_name')
    .orderBy('p.placed_on', 'desc')
    .execute()
}

export async function insertPlacement(
  trx: Scoped,
  placement: {
    caseId: string
    authorityId: string
    providerId: string | null
    duty: string
    accommodationType: string
    bedrooms: number | null
    inAnotherDistrict: boolean
    placedOn: string
    placedBy: string
    reasonToBelieve: string[] | null
    apparentPriorityNeed: string | null
  },
): Promise<void> {
  await trx
    .insertInto('accommodation_placements')
    .values({
      case_id: placement.caseId,
      authority_id: placement.authorityId,
      provider_organisation_id: placement.providerId,
      duty: placement.duty,
      accommodation_type: placement.accommodationType,
      bedrooms: placement.bedrooms,
      in_another_district: placement.inAnotherDistrict,
      placed_on: placement.placedOn,
      placed_by: placement.placedBy,
      reason_to_believe: placement.reasonToBelieve,
      apparent_priority_need: placement.apparentPriorityNeed,
    })
    .execute()
}

export async function endPlacement(trx: Scoped, placementId: string, ended: { on: string; ending: string; by: string }): Promise<void> {
  await trx
    .updateTable('accommodation_placements')
    .set({ ended_on: ended.on, ending: ended.ending, ended_by: ended.by })
    .where('id', '=', placementId)
    .where('ended_on', 'is', null)
    .execute()
}
