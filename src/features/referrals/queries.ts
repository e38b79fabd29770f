import { sql, type Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'
import type { Scoped } from '../../db/actor.ts'
import type { SubmitReferral } from './commands.ts'
import type { ReferralOutcome, ReferralStatus } from '../../domain/referrals.ts'

/** Referrals the actor's organisation made, or received as the chosen housing authority. */
export async function referralsOfOrganisation(
  trx: Scoped,
  organisationId: string,
  as: 'referrer' | 'authority',
  options: { limit: number; open?: boolean },
) {
  let query = trx
    .selectFrom('referrals')
    .innerJoin('organisations as authority', 'authority.id', 'referrals.authority_id')
    .leftJoin('organisations as referrer', 'referrer.id', 'referrals.referring_organisation_id')
    .where(as === 'referrer' ? 'referrals.referring_organisation_id' : 'referrals.authority_id', '=', organisationId)
  if (options.open === true) query = query.where('referrals.status', 'not in', ['assessed', 'closed'])
  if (options.open === false) query = query.where('referrals.status', 'in', ['assessed', 'closed'])
  return query
    .select([
      'referrals.id',
      'referrals.reference',
      'referrals.status',
      'referrals.outcome',
      'referrals.reason',
      'referrals.received_at',
      'referrals.acknowledged_at',
      'referrals.first_contact_at',
      'referrals.given_name',
      'referrals.family_name',
      'authority.name as authority_name',
      'authority.referral_target_working_days as target_working_days',
      'referrer.name as referring_organisation_name',
    ])
    .orderBy('referrals.received_at', options.open ? 'asc' : 'desc')
    .limit(options.limit)
    .execute()
}

export async function findReferral(trx: Scoped, organisationId: string, id: string) {
  const referral = await trx
    .selectFrom('referrals')
    .innerJoin('organisations as authority', 'authority.id', 'referrals.authority_id')
    .leftJoin('organisations as referrer', 'referrer.id', 'referrals.referring_organisation_id')
    .leftJoin('cases', 'cases.id', 'referrals.case_id')
    .where('referrals.id', '=', id)
    .where((eb) =>
      eb.or([eb('referrals.referring_organisation_id', '=', organisationId), eb('referrals.authority_id', '=', organisationId)]),
    )
    .selectAll('referrals')
    .select([
      'authority.name as authority_name',
      'authority.ons_code as authority_code',
      'authority.referral_target_working_days as target_working_days',
      'referrer.name as referring_organisation_name',
      'referrer.type as referring_organisation_type',
      'cases.reference as case_reference',
      'cases.stage as case_stage',
    ])
    .executeTakeFirst()
  if (!referral) return undefined
  const changes = await trx
    .selectFrom('referral_status_changes')
    .where('referral_id', '=', id)
    .select(['status', 'outcome', 'details', 'changed_at'])
    .orderBy('changed_at')
    .execute()
  const messages = await trx
    .selectFrom('referral_messages')
    .where('referral_id', '=', id)
    .select(['from_side', 'author_label', 'body', 'sent_at'])
    .orderBy('sent_at')
    .execute()
  return { ...referral, changes, messages }
}

export type FoundReferral = NonNullable<Awaited<ReturnType<typeof findReferral>>>

/** A housing authority on the platform, by its ONS code. */
export async function authorityByCode(trx: Scoped, code: string) {
  return trx
    .selectFrom('organisations')
    .where('ons_code', '=', code)
    .where('type', '=', 'local_housing_authority')
    .select(['id', 'name', 'referral_target_working_days', 'referral_contact_email'])
    .executeTakeFirst()
}

export async function organisationById(trx: Scoped, id: string) {
  return trx.selectFrom('organisations').where('id', '=', id).select(['id', 'name', 'type']).executeTakeFirstOrThrow()
}

/** The housing authorities a person may choose from, by name. */
export async function housingAuthorities(trx: Scoped) {
  return trx
    .selectFrom('organisations')
    .where('type', '=', 'local_housing_authority')
    .where('ons_code', 'is not', null)
    .select(['name', 'ons_code'])
    .orderBy('name')
    .execute()
}

/**
 * Where an authority's new-referral alerts go: its named contact, else its team managers. Read as the
 * system: a referrer or a member of the public may not list the authority's staff, but may alert them.
 */
export async function alertAddressesOf(db: Kysely<DB>, authority: { id: string; referral_contact_email: string | null }) {
  if (authority.referral_contact_email) return [authority.referral_contact_email]
  const managers = await db
    .selectFrom('users')
    .where('organisation_id', '=', authority.id)
    .where('role', '=', 'team_manager')
    .where('disabled_at', 'is', null)
    .select('email')
    .execute()
  return managers.map((m) => m.email)
}

export interface NewReferral {
  id: string
  reference: string
  referringOrganisationId: string | null
  referredByUserId: string | null
  authorityId: string
  channel: 'web' | 'api' | 'self_referral'
  receivedAt: Date
  submission: SubmitReferral
}

export async function insertReferral(trx: Scoped, referral: NewReferral): Promise<void> {
  const { submission: s, ...r } = referral
  // No RETURNING: a member of the public may add a referral but not read it back.
  await trx
    .insertInto('referrals')
    .values({
      id: r.id,
      reference: r.reference,
      referring_organisation_id: r.referringOrganisationId,
      referred_by_user_id: r.referredByUserId,
      authority_id: r.authorityId,
      channel: r.channel,
      status: 'received',
      outcome: 'pending',
      received_at: r.receivedAt,
      consent_to_referral: s.consent.toReferral,
      consent_to_share_contact_details: s.consent.toShareContactDetails,
      authority_chosen_by_person: s.consent.authorityChosenByPerson,
      given_name: s.person.givenName,
      family_name: s.person.familyName,
      date_of_birth: s.person.dateOfBirth,
      phone: s.person.phone,
      email: s.person.email,
      preferred_contact: s.person.preferredContact,
      address_line1: s.person.address?.line1 ?? null,
      address_town: s.person.address?.town ?? null,
      address_postcode: s.person.address?.postcode?.toUpperCase() ?? null,
      reason: s.reason,
      expected_homeless_on: s.expectedHomelessOn,
      discharge_or_release_on: s.dischargeOrReleaseOn,
      adults: s.household?.adults ?? null,
      children: s.household?.children ?? null,
      support_needs: s.supportNeeds,
      risks: s.risks,
      other_professionals: s.otherProfessionals,
      referrer_name: s.referrer?.name ?? null,
      referrer_role: s.referrer?.role ?? null,
      referrer_phone: s.referrer?.phone ?? null,
      referrer_email: s.referrer?.email ?? null,
      notes: s.notes,
    })
    .execute()
  await trx
    .insertInto('referral_status_changes')
    .values({
      referral_id: r.id,
      authority_id: r.authorityId,
      referring_organisation_id: r.referringOrganisationId,
      status: 'received',
      outcome: 'pending',
      changed_at: r.receivedAt,
    })
    .execute()
}

export async function recordAttempt(
  trx: Scoped,
  attempt: {
    at: Date
    channel: 'web' | 'api' | 'self_referral'
    organisationId: string | null
    addressHash: string | null
    result: 'accepted' | 'refused' | 'throttled'
    problems?: string[]
  },
): Promise<void> {
  await trx
    .insertInto('referral_attempts')
    .values({
      attempted_at: attempt.at,
      channel: attempt.channel,
      organisation_id: attempt.organisationId,
      address_hash: attempt.addressHash,
      result: attempt.result,
      problems: attempt.problems ?? [],
    })
    .execute()
}

export async function idempotencyKey(trx: Scoped, organisationId: string, key: string) {
  return trx
    .selectFrom('referral_idempotency_keys')
    .where('organisation_id', '=', organisationId)
    .where('key', '=', key)
    .select(['request_hash', 'referral_id'])
    .executeTakeFirst()
}

/** Claims the key for this referral; false when another request holds it (it waits for that one to finish). */
export async function claimIdempotencyKey(
  trx: Scoped,
  claim: { organisationId: string; key: string; requestHash: string; referralId: string; at: Date },
): Promise<boolean> {
  const claimed = await trx
    .insertInto('referral_idempotency_keys')
    .values({
      organisation_id: claim.organisationId,
      key: claim.key,
      request_hash: claim.requestHash,
      referral_id: claim.referralId,
      created_at: claim.at,
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'key']).doNothing())
    .returning('referral_id')
    .executeTakeFirst()
  return claimed !== undefined
}

/** Moves a referral on, if no one else has since `version`; false when the version is stale. */
export async function updateReferralState(
  trx: Scoped,
  change: {
    id: string
    version: number
    status: ReferralStatus
    outcome: ReferralOutcome
    outcomeDetails: string | null
    at: Date
    acknowledged: boolean
    firstContact: boolean
    caseId?: string
  },
): Promise<boolean> {
  const updated = await trx
    .updateTable('referrals')
    .set((eb) => ({
      status: change.status,
      outcome: change.outcome,
      outcome_details: change.outcomeDetails,
      version: eb('version', '+', 1),
      ...(change.acknowledged ? { acknowledged_at: eb.fn.coalesce('acknowledged_at', eb.val(change.at)) } : {}),
      ...(change.firstContact ? { first_contact_at: eb.fn.coalesce('first_contact_at', eb.val(change.at)) } : {}),
      ...(change.status === 'closed' ? { closed_at: change.at } : {}),
      ...(change.caseId ? { case_id: change.caseId } : {}),
    }))
    .where('id', '=', change.id)
    .where('version', '=', change.version)
    .returning('id')
    .executeTakeFirst()
  return updated !== undefined
}

export async function addStatusChange(
  trx: Scoped,
  referral: { id: string; authority_id: string; referring_organisation_id: string | null },
  change: { status: string; outcome: string; details: string | null; at: Date },
): Promise<void> {
  await trx
    .insertInto('referral_status_changes')
    .values({
      referral_id: referral.id,
      authority_id: referral.authority_id,
      referring_organisation_id: referral.referring_organisation_id,
      status: change.status,
      outcome: change.outcome,
      details: change.details,
      changed_at: change.at,
    })
    .execute()
}

export async function addMessage(
  trx: Scoped,
  message: {
    referralId: string
    authorityId: string
    referringOrganisationId: string
    fromSide: 'authority' | 'referrer'
    authorUserId: string | null
    authorLabel: string
    body: string
    at: Date
  },
): Promise<void> {
  await trx
    .insertInto('referral_messages')
    .values({
      referral_id: message.referralId,
      authority_id: message.authorityId,
      referring_organisation_id: message.referringOrganisationId,
      from_side: message.fromSide,
      author_user_id: message.authorUserId,
      author_label: message.authorLabel,
      body: message.body,
      sent_at: message.at,
    })
    .execute()
}

/**
 * Candidates for "the same person": the authority's other referrals received within the window, and
 * people on its cases, who share a date of birth, a phone number, an email address or a last name.
 * The domain decides which of them really resemble the person.
 */
export async function duplicateCandidates(
  trx: Scoped,
  referral: FoundReferral,
  since: Date,
): Promise<{
  referrals: {
    id: string
    reference: string
    received_at: Date
    status: string
    given_name: string
    family_name: string
    date_of_birth: string | null
    phone: string | null
    email: string | null
    address_postcode: string | null
    referring_organisation_name: string | null
  }[]
  cases: {
    reference: string
    stage: string
    approached_on: string
    given_name: string
    family_name: string
    date_of_birth: string | null
  }[]
}> {
  const phoneDigits = (referral.phone ?? '').replace(/\D/g, '')
  const referrals = await trx
    .selectFrom('referrals')
    .leftJoin('organisations as referrer', 'referrer.id', 'referrals.referring_organisation_id')
    .where('referrals.authority_id', '=', referral.authority_id)
    .where('referrals.id', '!=', referral.id)
    .where('referrals.received_at', '>=', since)
    .where((eb) => {
      const alike = [eb(eb.fn('lower', ['referrals.family_name']), '=', referral.family_name.toLowerCase())]
      if (referral.date_of_birth) alike.push(eb('referrals.date_of_birth', '=', referral.date_of_birth))
      if (phoneDigits.length >= 7) alike.push(eb(sql<string>`regexp_replace(referrals.phone, '[^0-9]', '', 'g')`, '=', phoneDigits))
      if (referral.email) alike.push(eb(eb.fn('lower', ['referrals.email']), '=', referral.email.toLowerCase()))
      return eb.or(alike)
    })
    .select([
      'referrals.id',
      'referrals.reference',
      'referrals.received_at',
      'referrals.status',
      'referrals.given_name',
      'referrals.family_name',
      'referrals.date_of_birth',
      'referrals.phone',
      'referrals.email',
      'referrals.address_postcode',
      'referrer.name as referring_organisation_name',
    ])
    .orderBy('referrals.received_at', 'desc')
    .limit(50)
    .execute()
  const cases = referral.date_of_birth
    ? await trx
        .selectFrom('people')
        .innerJoin('cases', 'cases.household_id', 'people.household_id')
        .where('people.authority_id', '=', referral.authority_id)
        .where('people.date_of_birth', '=', referral.date_of_birth)
        .select([
          'cases.reference',
          'cases.stage',
          'cases.approached_on',
          'people.given_name',
          'people.family_name',
          'people.date_of_birth',
        ])
        .orderBy('cases.approached_on', 'desc')
        .limit(50)
        .execute()
    : []
  return { referrals, cases }
}

export async function caseIdByReference(trx: Scoped, authorityId: string, reference: string) {
  return trx
    .selectFrom('cases')
    .where('authority_id', '=', authorityId)
    .where('reference', '=', reference)
    .select(['id', 'reference'])
    .executeTakeFirst()
}

export async function updateReferralSettings(
  trx: Scoped,
  authorityId: string,
  settings: { targetWorkingDays: number; contactEmail: string | null },
): Promise<void> {
  await trx
    .updateTable('organisations')
    .set({ referral_target_working_days: settings.targetWorkingDays, referral_contact_email: settings.contactEmail })
    .where('id', '=', authorityId)
    .execute()
}

export async function referralSettingsOf(trx: Scoped, authorityId: string) {
  return trx
    .selectFrom('organisations')
    .where('id', '=', authorityId)
    .select(['name', 'type', 'referral_target_working_days', 'referral_contact_email'])
    .executeTakeFirstOrThrow()
}

/** Referrals to the given authorities received in [from, to), grouped for the figures. */
export async function referralGroups(trx: Kysely<DB>, authorityIds: readonly string[], from: Date, to: Date) {
  if (authorityIds.length === 0) return []
  const rows = await trx
    .selectFrom('referrals')
    .leftJoin('organisations as referrer', 'referrer.id', 'referrals.referring_organisation_id')
    .where('referrals.authority_id', 'in', authorityIds)
    .where('referrals.received_at', '>=', from)
    .where('referrals.received_at', '<', to)
    .groupBy(['referrer.name', 'referrer.type', 'referrals.reason', 'referrals.status', 'referrals.outcome'])
    .select((eb) => [
      'referrer.name as referring_body',
      'referrer.type as referring_body_type',
      'referrals.reason',
      'referrals.status',
      'referrals.outcome',
      eb.fn.countAll<string>().as('n'),
    ])
    .execute()
  return rows.map((r) => ({
    referringBody: r.referring_body,
    referringBodyType: r.referring_body_type,
    reason: r.reason,
    status: r.status,
    outcome: r.outcome,
    count: Number(r.n),
  }))
}

export async function firstContacts(trx: Kysely<DB>, authorityIds: readonly string[], from: Date, to: Date) {
  if (authorityIds.length === 0) return []
  return trx
    .selectFrom('referrals')
    .innerJoin('organisations as authority', 'authority.id', 'referrals.authority_id')
    .where('referrals.authority_id', 'in', authorityIds)
    .where('referrals.received_at', '>=', from)
    .where('referrals.received_at', '<', to)
    .where('referrals.first_contact_at', 'is not', null)
    .select(['referrals.received_at', 'referrals.first_contact_at', 'authority.referral_target_working_days as target'])
    .execute()
}

/** The housing authorities in a programme: the districts of the lead organisation, or the lead itself. */
export async function authoritiesLedBy(trx: Scoped, organisationId: string) {
  return trx
    .selectFrom('organisations')
    .where('type', '=', 'local_housing_authority')
    .where((eb) => eb.or([eb('parent_id', '=', organisationId), eb('id', '=', organisationId)]))
    .select(['id', 'name'])
    .orderBy('name')
    .execute()
}
