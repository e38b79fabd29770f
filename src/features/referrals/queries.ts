import type { Scoped } from '../../db/actor.ts'

/** Referrals the actor's organisation made, or received as the chosen housing authority. */
export async function referralsOfOrganisation(trx: Scoped, organisationId: string, as: 'referrer' | 'authority', limit: number) {
  return trx
    .selectFrom('referrals')
    .innerJoin('organisations as authority', 'authority.id', 'referrals.authority_id')
    .leftJoin('organisations as referrer', 'referrer.id', 'referrals.referring_organisation_id')
    .where(as === 'referrer' ? 'referrals.referring_organisation_id' : 'referrals.authority_id', '=', organisationId)
    .select([
      'referrals.id',
      'referrals.reference',
      'referrals.status',
      'referrals.outcome',
      'referrals.reason',
      'referrals.received_at',
      'referrals.given_name',
      'referrals.family_name',
      'authority.name as authority_name',
      'referrer.name as referring_organisation_name',
    ])
    .orderBy('referrals.received_at', 'desc')
    .limit(limit)
    .execute()
}

export async function findReferral(trx: Scoped, organisationId: string, id: string) {
  const referral = await trx
    .selectFrom('referrals')
    .innerJoin('organisations as authority', 'authority.id', 'referrals.authority_id')
    .leftJoin('organisations as referrer', 'referrer.id', 'referrals.referring_organisation_id')
    .where('referrals.id', '=', id)
    .where((eb) =>
      eb.or([eb('referrals.referring_organisation_id', '=', organisationId), eb('referrals.authority_id', '=', organisationId)]),
    )
    .selectAll('referrals')
    .select(['authority.name as authority_name', 'authority.ons_code as authority_code', 'referrer.name as referring_organisation_name'])
    .executeTakeFirst()
  if (!referral) return undefined
  const changes = await trx
    .selectFrom('referral_status_changes')
    .where('referral_id', '=', id)
    .select(['status', 'outcome', 'changed_at'])
    .orderBy('changed_at')
    .execute()
  return { ...referral, changes }
}
