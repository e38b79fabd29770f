import { LocalDate, LocalTime, ZonedDateTime } from '@js-joda/core'
import type { Insertable } from 'kysely'
import type { StaffRole } from '../db/actor.ts'
import type {
  CaseEventTable,
  CaseTable,
  HouseholdTable,
  OrganisationTable,
  PersonTable,
  ProgrammeTable,
  ReferralStatusChangeTable,
  ReferralTable,
  UserTable,
} from '../db/schema.ts'
import type { AccommodationAtApplication, AccommodationSecured, ReasonForLossOfHome, SupportNeed } from '../domain/code-lists.ts'
import type { ClosingCode } from '../domain/monitoring/casework.ts'
import type { PreferredContact, ReferralOutcome, ReferralReason, ReferralStatus } from '../domain/referrals.ts'
import type { PriorityNeedCategory } from '../domain/priority-need.ts'
import { LONDON } from '../platform/clock.ts'
import {
  ESSEX_AUTHORITIES,
  ESSEX_COUNTY_COUNCIL,
  FAMILY_NAMES,
  FEMALE_GIVEN_NAMES,
  MALE_GIVEN_NAMES,
  PROGRAMME_NAME,
  PROVIDERS,
  REFERRING_BODIES,
  STREETS,
  type DemoAuthority,
} from './essex.ts'
import { SeededRandom } from './random.ts'

/**
 * The demonstration data: generated, not written by hand, so that it has the shape of the Essex
 * Trailblazer evaluation's tables (household composition, ages, housing, risk, referral routes,
 * outcomes) and is the same on every run for the same day and seed. Pure: no database, no clock.
 */

export const DEMO_PASSWORD = 'Upstream-demo-2026'

export interface DemoAccount {
  email: string
  name: string
  role: StaffRole
  organisationName: string
}

const BASILDON = 'Basildon Borough Council'
const HARLOW = 'Harlow Council'
const PHOENIX = 'Phoenix Futures'
const HOSPITAL = 'Mid and South Essex NHS Foundation Trust'

/** The accounts printed when the service starts in development: one to try each role and each boundary. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'caseworker.basildon@upstream.example', name: 'Priya Shah', role: 'caseworker', organisationName: BASILDON },
  { email: 'manager.basildon@upstream.example', name: 'Martin Cole', role: 'team_manager', organisationName: BASILDON },
  { email: 'analyst.basildon@upstream.example', name: 'Amira Begum', role: 'analyst', organisationName: BASILDON },
  { email: 'admin.basildon@upstream.example', name: 'Dan Reeves', role: 'administrator', organisationName: BASILDON },
  { email: 'caseworker.harlow@upstream.example', name: 'Tom Walsh', role: 'caseworker', organisationName: HARLOW },
  { email: 'mentor.phoenix-futures@upstream.example', name: 'Leah Price', role: 'caseworker', organisationName: PHOENIX },
  { email: 'referrer.hospital@upstream.example', name: 'Ana Okafor', role: 'referrer', organisationName: HOSPITAL },
  { email: 'referrer.prison@upstream.example', name: 'Ola Reid', role: 'referrer', organisationName: 'HMP Chelmsford' },
  { email: 'analyst.essex@upstream.example', name: 'Helen Marsh', role: 'analyst', organisationName: ESSEX_COUNTY_COUNCIL.name },
]

type WithId<T> = Insertable<T> & { id: string }

export interface DemoData {
  organisations: WithId<OrganisationTable>[]
  programmes: WithId<ProgrammeTable>[]
  /** Without password hashes: the seeder hashes DEMO_PASSWORD once for all of them. */
  users: (Omit<WithId<UserTable>, 'password_hash'> & { organisationName: string })[]
  households: WithId<HouseholdTable>[]
  people: WithId<PersonTable>[]
  cases: WithId<CaseTable>[]
  referrals: WithId<ReferralTable>[]
  referralStatusChanges: WithId<ReferralStatusChangeTable>[]
  caseEvents: WithId<CaseEventTable>[]
}

export interface DemoOptions {
  /** The day the demonstration is "today" in Europe/London: cases are dated in the eighteen months before it. */
  today: LocalDate
  seed?: number
  /** How many households approach the councils directly; referrals add more. */
  households?: number
}

/** The evaluation's distributions (section 2.2), as weights. */
/** The accommodation secured when a duty ends well, as the statutory return lists it (P2, R2). */
const SECURED: Partial<Record<AccommodationSecured, number>> = {
  private_rented_self_contained: 45,
  registered_provider_tenant: 20,
  council_tenant: 10,
  living_with_family: 15,
  supported_housing_or_hostel: 10,
}

const PROFILE = {
  adults: { '1': 80, '2': 17, '3': 2, '4': 1 },
  children: { '0': 48, '1': 16, '2': 17, '3': 11, '4': 6, '5': 2 },
  /** Main applicant's age group; the evaluation reports a mean of 39.9 and 59% aged 25 to 44. */
  ageGroup: { '16-17': 1, '18-24': 14, '25-34': 30, '35-44': 29, '45-54': 15, '55-64': 8, '65-80': 3 },
  accommodation: {
    council_tenant: 62,
    private_rented_self_contained: 20,
    private_rented_hmo: 4,
    registered_provider_tenant: 3,
    owner_occupier: 1,
    living_with_family: 1,
    living_with_friends: 1,
    temporary_accommodation: 6,
    social_rented_supported_housing: 1,
    hostel: 1,
    other_or_not_known: 1,
  } satisfies Partial<Record<AccommodationAtApplication, number>>,
  risk: { future_risk: 44, threatened_29_56_days: 35, threatened_within_28_days: 17, homeless: 4 },
  /**
   * Final outcomes of completed cases (section 4.1): 82% kept or found a home, 12% withdrawn, 6% not
   * housed. Casework records each as the ground its duty ended on (CLOSING_GROUNDS).
   */
  outcome: { home_kept_or_found: 82, withdrew: 12, not_housed: 6 },
  /** Where successful cases ended up (section 4.1.1): 57% stayed in their own home. */
  accommodationOutcome: { stayed_in_existing_home: 57, moved_to_alternative_accommodation: 43 },
  /** Weeks of support (Table 4), as ranges in days. */
  supportDays: { '7-27': 18, '28-55': 24, '56-90': 22, '91-180': 24, '181-300': 12 },
  /** Household support needs: 63% mental health, 21% physical health (Figure 3), about 1.6 needs each. */
  supportNeeds: {
    mental_health: 0.63,
    physical_ill_health_or_disability: 0.21,
    difficulties_budgeting: 0.18,
    drug_dependency: 0.09,
    alcohol_dependency: 0.08,
    offending_history: 0.07,
    repeat_homelessness: 0.1,
    rough_sleeping: 0.05,
    learning_disability: 0.05,
    education_employment_or_training: 0.08,
  } satisfies Partial<Record<SupportNeed, number>>,
} as const

/**
 * How casework closes a case with each of those outcomes: by the ground its duty ended on, or, for a
 * household helped upstream before any duty was owed, as owed no duty (not homeless nor threatened).
 */
const CLOSING_GROUNDS: Record<'duty' | 'no_duty', Record<keyof typeof PROFILE.outcome, ClosingCode>> = {
  duty: { home_kept_or_found: 'suitable_accommodation_secured', withdrew: 'application_withdrawn', not_housed: 'fifty_six_days_elapsed' },
  no_duty: { home_kept_or_found: 'not_homeless_or_threatened', withdrew: 'application_withdrawn', not_housed: 'contact_lost' },
}

const REASON_BY_TENURE: Record<'social' | 'private' | 'other', Partial<Record<ReasonForLossOfHome, number>>> = {
  social: {
    end_of_social_rented_tenancy: 62,
    domestic_abuse: 12,
    non_violent_relationship_breakdown: 10,
    home_no_longer_suitable: 8,
    other_or_not_known: 8,
  },
  private: {
    end_of_assured_shorthold_tenancy: 70,
    end_of_private_tenancy_not_assured_shorthold: 6,
    domestic_abuse: 8,
    non_violent_relationship_breakdown: 8,
    other_or_not_known: 8,
  },
  other: {
    family_or_friends_no_longer_able_to_accommodate: 45,
    eviction_from_supported_housing: 12,
    left_institution_with_no_accommodation: 10,
    domestic_abuse: 10,
    other_violence_or_harassment: 8,
    other_or_not_known: 15,
  },
}

const REFERRAL_OUTCOME_WEIGHTS: Partial<Record<ReferralOutcome, number>> = {
  prevention_duty_accepted: 50,
  relief_duty_accepted: 16,
  not_homeless_or_threatened: 10,
  withdrawn: 8,
  // No referral is turned away for intentionality or local connection before a case decides it (s195, s189B).
  rejected_other: 7,
}

export function generateDemoData(options: DemoOptions): DemoData {
  return new DemoWorld(options).build()
}

interface CaseDraft {
  authority: DemoAuthority
  approachedOn: LocalDate
  row: Omit<WithId<CaseTable>, 'reference'>
}

class DemoWorld {
  private readonly random: SeededRandom
  /** The timeline's own stream, so that adding events leaves the households and cases as they were. */
  private readonly eventRandom: SeededRandom
  private readonly today: LocalDate
  private readonly householdCount: number
  private readonly data: DemoData = {
    organisations: [],
    programmes: [],
    users: [],
    households: [],
    people: [],
    cases: [],
    referrals: [],
    referralStatusChanges: [],
    caseEvents: [],
  }
  private readonly organisationIds = new Map<string, string>()
  private readonly caseworkersByAuthority = new Map<string, string[]>()
  private readonly mentorsByAuthority = new Map<string, { providerId: string; userId: string }[]>()
  private readonly caseDrafts: CaseDraft[] = []
  private programmeId = ''

  constructor(options: DemoOptions) {
    this.random = new SeededRandom(options.seed ?? 2017)
    this.eventRandom = new SeededRandom((options.seed ?? 2017) + 1)
    this.today = options.today
    this.householdCount = options.households ?? 420
  }

  build(): DemoData {
    this.addOrganisations()
    this.addStaff()
    for (let i = 0; i < this.householdCount; i++) this.addApproach()
    this.addReferrals()
    this.numberCases()
    return this.data
  }

  private addOrganisations(): void {
    const county = this.organisation('county_council', ESSEX_COUNTY_COUNCIL.name, ESSEX_COUNTY_COUNCIL.onsCode, null)
    for (const authority of ESSEX_AUTHORITIES) {
      // Unitary authorities are not part of the county; the districts are.
      const parent = authority.onsCode.startsWith('E07') ? county : null
      this.organisation('local_housing_authority', authority.name, authority.onsCode, parent)
    }
    for (const provider of PROVIDERS) this.organisation('provider', provider.name, null, null)
    for (const body of REFERRING_BODIES) this.organisation(body.type, body.name, null, null)
    const startsOn = this.today.minusMonths(18).withDayOfMonth(1)
    this.programmeId = this.random.uuid()
    this.data.programmes.push({
      id: this.programmeId,
      name: PROGRAMME_NAME,
      lead_organisation_id: county,
      starts_on: startsOn.toString(),
      ends_on: startsOn.plusYears(3).minusDays(1).toString(),
    })
  }

  private organisation(type: string, name: string, onsCode: string | null, parentId: string | null): string {
    const id = this.random.uuid()
    this.organisationIds.set(name, id)
    this.data.organisations.push({ id, type, name, ons_code: onsCode, parent_id: parentId })
    return id
  }

  private addStaff(): void {
    for (const account of DEMO_ACCOUNTS) this.user(account.organisationName, account.role, account.email, account.name)
    for (const authority of ESSEX_AUTHORITIES) {
      const place = placeSlug(authority.name)
      const existing = (role: StaffRole) => this.data.users.some((u) => u.organisationName === authority.name && u.role === role)
      if (!existing('caseworker')) this.user(authority.name, 'caseworker', `caseworker.${place}@upstream.example`)
      this.user(authority.name, 'caseworker', `caseworker2.${place}@upstream.example`)
      if (!existing('team_manager')) this.user(authority.name, 'team_manager', `manager.${place}@upstream.example`)
      if (!existing('administrator')) this.user(authority.name, 'administrator', `admin.${place}@upstream.example`)
      this.caseworkersByAuthority.set(
        authority.prefix,
        this.data.users.filter((u) => u.organisationName === authority.name && u.role === 'caseworker').map((u) => u.id),
      )
    }
    for (const provider of PROVIDERS) {
      const providerId = this.id(provider.name)
      this.user(provider.name, 'team_manager', `manager.${provider.slug}@upstream.example`)
      provider.mentors.forEach((prefixes, index) => {
        const email = `mentor${index === 0 ? '' : String(index + 1)}.${provider.slug}@upstream.example`
        const userId = this.data.users.find((u) => u.email === email)?.id ?? this.user(provider.name, 'caseworker', email)
        for (const prefix of prefixes) {
          const list = this.mentorsByAuthority.get(prefix) ?? []
          list.push({ providerId, userId })
          this.mentorsByAuthority.set(prefix, list)
        }
      })
    }
    for (const body of REFERRING_BODIES) {
      const email = `referrer.${body.slug}@upstream.example`
      if (!this.data.users.some((u) => u.email === email)) this.user(body.name, 'referrer', email)
    }
  }

  private user(organisationName: string, role: StaffRole, email: string, name?: string): string {
    const id = this.random.uuid()
    const displayName =
      name ?? `${this.random.pick(this.random.chance(0.6) ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES)} ${this.random.pick(FAMILY_NAMES)}`
    this.data.users.push({
      id,
      organisation_id: this.id(organisationName),
      organisationName,
      role,
      email,
      display_name: displayName,
      oidc_subject: null,
    })
    return id
  }

  private id(organisationName: string): string {
    const id = this.organisationIds.get(organisationName)
    if (!id) throw new Error(`no demonstration organisation called ${organisationName}`)
    return id
  }

  /** A household approaches its council, or is found by a partner; a caseworker or a mentor takes it on. */
  private addApproach(): void {
    const authority = this.pickAuthority()
    // More approaches recently than at the start, as the evaluation saw (29 a month rising to 38).
    const daysAgo = Math.floor(540 * (1 - Math.sqrt(this.random.next())))
    const approachedOn = this.today.minusDays(daysAgo)
    const household = this.addHousehold(authority, approachedOn)
    const route = this.random.weighted(authority.referralRoutes)
    const channel =
      route === 'self_referral'
        ? this.random.weighted({ in_person: 40, phone: 45, email: 15 })
        : this.random.weighted({ referral: 70, phone: 20, in_person: 10 })
    const risk = this.random.weighted(PROFILE.risk)
    this.addCase(authority, approachedOn, household, { channel, route, risk })
  }

  private addCase(
    authority: DemoAuthority,
    approachedOn: LocalDate,
    household: { id: string; applicantAge: number; hasChildren: boolean },
    how: { channel: string; route: string; risk: keyof typeof PROFILE.risk },
  ): string {
    const byMentor = this.random.chance(0.45)
    const mentor = byMentor ? this.random.pick(this.mentorsByAuthority.get(authority.prefix) ?? []) : null
    const caseworkers = this.caseworkersByAuthority.get(authority.prefix) ?? []
    const officerId = mentor?.userId ?? (this.random.chance(0.6) ? caseworkers[0] : caseworkers[1]) ?? caseworkers[0]
    if (!officerId) throw new Error(`no caseworker at ${authority.name}`)

    const accommodation = this.random.weighted(PROFILE.accommodation)
    const tenure =
      accommodation === 'council_tenant' || accommodation === 'registered_provider_tenant'
        ? 'social'
        : accommodation.startsWith('private')
          ? 'private'
          : 'other'
    const needs = this.random.each(PROFILE.supportNeeds) as SupportNeed[]
    if (household.applicantAge < 18) needs.push('young_person_16_17')
    else if (household.applicantAge <= 25 && this.random.chance(0.6)) needs.push('young_person_18_25')
    if (household.hasChildren && household.applicantAge <= 25 && this.random.chance(0.5)) needs.push('young_parent')

    const [minDays, maxDays] = this.random.weighted(PROFILE.supportDays).split('-').map(Number) as [number, number]
    const endsOn = approachedOn.plusDays(this.random.between(minDays, maxDays))
    const open = !endsOn.isBefore(this.today)
    const ended = open ? null : this.random.weighted(PROFILE.outcome)
    // Upstream cases (more than 56 days away) are helped before any statutory duty is owed.
    const duty = how.risk === 'future_risk' ? null : how.risk === 'homeless' ? 'relief' : 'prevention'
    const outcome = ended === null ? null : CLOSING_GROUNDS[duty === null ? 'no_duty' : 'duty'][ended]

    const id = this.random.uuid()
    const reasonForLoss = this.random.weighted(REASON_BY_TENURE[tenure])
    // Drawn for every home kept or found, so the rest of the data is the same whichever duty it was.
    const stayedOrMoved = ended === 'home_kept_or_found' ? this.random.weighted(PROFILE.accommodationOutcome) : null
    const stage = open ? this.openStage(how.risk, approachedOn) : 'closed'
    // The main duty is owed only in priority need and not intentionally homeless (s193(1)).
    const priorityNeed = stage === 'main_duty' ? demoPriorityNeed(household, needs) : null
    const draft: CaseDraft = {
      authority,
      approachedOn,
      row: {
        id,
        authority_id: this.id(authority.name),
        provider_organisation_id: mentor?.providerId ?? null,
        officer_id: officerId,
        household_id: household.id,
        programme_id: mentor ? this.programmeId : null,
        approached_on: approachedOn.toString(),
        approach_channel: how.channel,
        referral_route: how.route,
        stage,
        housing_status: accommodation,
        risk_at_assessment: how.risk,
        reason_for_loss_of_home: reasonForLoss,
        support_needs: [...new Set(needs)],
        outcome,
        accommodation_outcome: outcome === 'suitable_accommodation_secured' ? stayedOrMoved : null,
        closed_on: open ? null : endsOn.toString(),
        // Cases owed a duty took it on the day they approached; the main duty followed relief's 56 days.
        prevention_started_on: duty === 'prevention' ? approachedOn.toString() : null,
        relief_started_on: duty === 'relief' ? approachedOn.toString() : null,
        main_duty_started_on: stage === 'main_duty' ? approachedOn.plusDays(56).toString() : null,
        priority_need: priorityNeed,
        intentionality: priorityNeed ? 'not_intentionally_homeless' : null,
      },
    }
    this.caseDrafts.push(draft)
    draft.row.accommodation_secured = this.addDecisions(
      id,
      authority,
      officerId,
      approachedOn,
      duty,
      stage,
      open ? null : { on: endsOn, outcome },
      priorityNeed,
    )
    return id
  }

  /**
   * The decisions behind a case's stage, as the timeline records them, so that its statutory return
   * (H-CLIC) can be built: the duty owed on approach, the main duty decision after relief, and the end.
   * Gives the accommodation secured when the duty ended with it, for the case's own record.
   */
  private addDecisions(
    caseId: string,
    authority: DemoAuthority,
    officerId: string,
    approachedOn: LocalDate,
    duty: 'prevention' | 'relief' | null,
    stage: string,
    ended: { on: LocalDate; outcome: ClosingCode | null } | null,
    priorityNeed: PriorityNeedCategory | null,
  ): AccommodationSecured | null {
    if (duty === null) return null
    const event = (kind: string, on: LocalDate, details: Record<string, unknown>) =>
      this.data.caseEvents.push({
        id: this.eventRandom.uuid(),
        case_id: caseId,
        authority_id: this.id(authority.name),
        provider_organisation_id: null,
        kind,
        occurred_on: on.toString(),
        recorded_at: instantOn(on, this.eventRandom.between(9 * 60, 17 * 60)),
        recorded_by: officerId,
        details: JSON.stringify(details),
      })
    event(duty === 'prevention' ? 'accept_prevention_duty' : 'accept_relief_duty', approachedOn, {})
    if (stage === 'main_duty')
      event('main_duty_decision', approachedOn.plusDays(56), {
        owed: true,
        priorityNeed,
        intentionality: 'not_intentionally_homeless',
        reliefEnded: 'automatically',
      })
    if (ended === null) return null
    const ground = ended.outcome
    const secured = ground === 'suitable_accommodation_secured' ? this.eventRandom.weighted(SECURED) : null
    event(duty === 'prevention' ? 'end_prevention_duty' : 'end_relief_duty', ended.on, { ground, accommodationSecured: secured })
    return secured
  }

  /** Where an open case stands: not yet owed a duty, prevention, relief, or the main duty after relief. */
  private openStage(risk: keyof typeof PROFILE.risk, approachedOn: LocalDate): string {
    if (risk === 'future_risk') return 'approach'
    if (risk !== 'homeless') return 'prevention'
    return approachedOn.plusDays(56).isAfter(this.today) ? 'relief' : 'main_duty'
  }

  private pickAuthority(): DemoAuthority {
    const name = this.random.weighted(Object.fromEntries(ESSEX_AUTHORITIES.map((a) => [a.name, a.caseWeight])))
    const found = ESSEX_AUTHORITIES.find((a) => a.name === name)
    if (!found) throw new Error(`no authority ${name}`)
    return found
  }

  private addHousehold(
    authority: DemoAuthority,
    approachedOn: LocalDate,
    applicant?: Applicant,
  ): { id: string; applicantAge: number; hasChildren: boolean } {
    const id = this.random.uuid()
    const authorityId = this.id(authority.name)
    this.data.households.push({ id, authority_id: authorityId })
    const adults = Number(this.random.weighted(PROFILE.adults))
    const children = Number(this.random.weighted(PROFILE.children))
    const person = applicant ?? this.applicant(approachedOn, { adults, children })
    const familyName = person.familyName
    const member = (relationship: string | null, givenName: string, dateOfBirth: LocalDate, sex: 'female' | 'male') => {
      this.data.people.push({
        id: this.random.uuid(),
        household_id: id,
        authority_id: authorityId,
        is_applicant: relationship === null,
        relationship_to_applicant: relationship,
        given_name: givenName,
        family_name: relationship === 'child' || relationship === 'partner' ? familyName : this.random.pick(FAMILY_NAMES),
        date_of_birth: dateOfBirth.toString(),
        sex,
      })
    }
    member(null, person.givenName, person.dateOfBirth, person.sex)
    if (adults >= 2) {
      const sex = person.sex === 'female' ? 'male' : 'female'
      const partnerBorn = person.dateOfBirth.plusDays(this.random.between(-2500, 2500))
      const latestAdultBirthday = approachedOn.minusYears(18)
      member('partner', this.givenName(sex), partnerBorn.isAfter(latestAdultBirthday) ? latestAdultBirthday : partnerBorn, sex)
    }
    for (let i = 2; i < adults; i++) {
      const sex = this.random.chance(0.5) ? 'female' : 'male'
      member(
        'other_adult',
        this.givenName(sex),
        approachedOn.minusYears(this.random.between(18, 70)).minusDays(this.random.between(0, 364)),
        sex,
      )
    }
    const applicantAge = person.dateOfBirth.until(approachedOn).years()
    for (let i = 0; i < children; i++) {
      const sex = this.random.chance(0.5) ? 'female' : 'male'
      const age = this.random.between(0, Math.min(17, Math.max(0, applicantAge - 17)))
      member('child', this.givenName(sex), approachedOn.minusYears(age).minusDays(this.random.between(0, 364)), sex)
    }
    return { id, applicantAge, hasChildren: children > 0 }
  }

  /** The main applicant: most are women, especially parents; single people without children are more often men. */
  private applicant(onDate: LocalDate, household: { adults: number; children: number }): Applicant {
    const femaleChance = household.children > 0 ? (household.adults === 1 ? 0.9 : 0.75) : household.adults === 1 ? 0.46 : 0.5
    const sex = this.random.chance(femaleChance) ? 'female' : 'male'
    let [youngest, oldest] = this.random.weighted(PROFILE.ageGroup).split('-').map(Number) as [number, number]
    // Parents of older children are older themselves.
    if (household.children >= 3) youngest = Math.max(youngest, 24)
    oldest = Math.max(oldest, youngest)
    const age = this.random.between(youngest, oldest)
    return {
      givenName: this.givenName(sex),
      familyName: this.random.pick(FAMILY_NAMES),
      sex,
      dateOfBirth: onDate.minusYears(age).minusDays(this.random.between(0, 364)),
    }
  }

  private givenName(sex: 'female' | 'male'): string {
    return this.random.pick(sex === 'female' ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES)
  }

  /**
   * Referrals under the duty to refer, from the hospital, prison, probation, Jobcentre Plus and
   * children's social care, plus people referring themselves. Older ones have been assessed and
   * closed, and those accepted became cases; recent ones are still on their way.
   */
  private addReferrals(): void {
    const count = Math.round(this.householdCount * 0.35)
    for (let i = 0; i < count; i++) {
      const body = this.random.chance(0.12) ? null : this.pickReferringBody()
      const authority = this.pickAuthority()
      const receivedOn = this.today.minusDays(Math.floor(150 * (1 - Math.sqrt(this.random.next()))))
      const receivedAt = instantOn(receivedOn, this.random.between(8 * 60, 18 * 60))
      const person = this.applicant(receivedOn, { adults: 1, children: 0 })
      const reason = this.random.weighted<ReferralReason>({ homeless: 15, threatened_within_56_days: 55, at_risk_later: 30 })
      const leavesInstitution = body?.type === 'hospital' || body?.type === 'prison'
      const hasEmail = this.random.chance(0.6)
      const preferredContact = this.random.weighted<PreferredContact>(
        body?.type === 'prison' ? { via_referrer: 70, post: 30 } : { phone: 65, email: hasEmail ? 25 : 0, via_referrer: body ? 10 : 0 },
      )
      const id = this.random.uuid()
      const authorityId = this.id(authority.name)
      const referringId = body ? this.id(body.name) : null
      const referrerName = body ? `${this.givenName(this.random.chance(0.7) ? 'female' : 'male')} ${this.random.pick(FAMILY_NAMES)}` : null
      const history = this.referralHistory(receivedOn, reason)
      const last = history.at(-1)
      if (!last) throw new Error('a referral has at least its receipt in its history')

      let caseId: string | null = null
      if (last.outcome === 'prevention_duty_accepted' || last.outcome === 'relief_duty_accepted') {
        const approachedOn = receivedOn.plusDays(this.random.between(1, 5))
        const household = this.addHousehold(authority, approachedOn, person)
        const risk = last.outcome === 'relief_duty_accepted' ? 'homeless' : 'threatened_within_28_days'
        caseId = this.addCase(authority, approachedOn, household, {
          channel: body ? 'referral' : 'email',
          route: body ? 'partner_referral' : 'self_referral',
          risk,
        })
      }

      this.data.referrals.push({
        id,
        reference: this.referralReference(),
        referring_organisation_id: referringId,
        authority_id: authorityId,
        channel: body ? this.random.weighted({ web: 60, api: 40 }) : 'self_referral',
        status: last.status,
        outcome: last.outcome,
        outcome_details: last.outcome.startsWith('rejected')
          ? 'Moved to another district before we could help: the referrer was told where to refer.'
          : null,
        received_at: receivedAt,
        consent_to_referral: true,
        consent_to_share_contact_details: true,
        authority_chosen_by_person: true,
        given_name: person.givenName,
        family_name: person.familyName,
        date_of_birth: person.dateOfBirth.toString(),
        phone: body?.type === 'prison' ? null : `07700 900${String(this.random.between(0, 999)).padStart(3, '0')}`,
        email:
          hasEmail && body?.type !== 'prison'
            ? `${person.givenName}.${person.familyName}${String(this.random.between(1, 99))}@example.com`.toLowerCase()
            : null,
        preferred_contact: preferredContact,
        address_line1: body?.type === 'prison' ? null : `${String(this.random.between(1, 180))} ${this.random.pick(STREETS)}`,
        address_town: body?.type === 'prison' ? null : authority.town,
        address_postcode: body?.type === 'prison' ? null : postcode(this.random, authority),
        reason,
        expected_homeless_on: reason === 'threatened_within_56_days' ? receivedOn.plusDays(this.random.between(7, 55)).toString() : null,
        discharge_or_release_on: leavesInstitution ? receivedOn.plusDays(this.random.between(2, 40)).toString() : null,
        adults: 1 + (this.random.chance(0.2) ? 1 : 0),
        children: Number(this.random.weighted(PROFILE.children)),
        support_needs: this.random.each(PROFILE.supportNeeds),
        risks: this.random.chance(0.15) ? 'Please call before visiting; see the referrer first.' : null,
        referrer_name: referrerName,
        referrer_role: body?.referrerRole ?? null,
        referrer_phone: body ? `01245 000${String(this.random.between(100, 999))}` : null,
        referrer_email: body && referrerName ? `${referrerName.replace(' ', '.').toLowerCase()}@${body.emailDomain}` : null,
        notes: null,
        case_id: caseId,
        acknowledged_at: history.find((h) => h.status === 'acknowledged')?.at ?? null,
        first_contact_at: history.find((h) => h.status === 'contacted')?.at ?? null,
        closed_at: history.find((h) => h.status === 'closed')?.at ?? null,
      })
      for (const change of history) {
        this.data.referralStatusChanges.push({
          id: this.random.uuid(),
          referral_id: id,
          authority_id: authorityId,
          referring_organisation_id: referringId,
          status: change.status,
          outcome: change.outcome,
          changed_at: change.at,
        })
      }
    }
  }

  private readonly referralReferences = new Set<string>()

  private referralReference(): string {
    for (;;) {
      const reference = `REF-${referenceCode(this.random)}`
      if (!this.referralReferences.has(reference)) {
        this.referralReferences.add(reference)
        return reference
      }
    }
  }

  private pickReferringBody(): (typeof REFERRING_BODIES)[number] {
    const name = this.random.weighted(Object.fromEntries(REFERRING_BODIES.map((b) => [b.name, b.weight])))
    const found = REFERRING_BODIES.find((b) => b.name === name)
    if (!found) throw new Error(`no referring body ${name}`)
    return found
  }

  /** Status changes a few working days apart, stopping at today: the older the referral, the further it got. */
  private referralHistory(
    receivedOn: LocalDate,
    reason: ReferralReason,
  ): { status: ReferralStatus; outcome: ReferralOutcome; at: string }[] {
    const history: { status: ReferralStatus; outcome: ReferralOutcome; at: string }[] = [
      { status: 'received', outcome: 'pending', at: instantOn(receivedOn, this.random.between(8 * 60, 18 * 60)) },
    ]
    let day = receivedOn
    for (const status of ['acknowledged', 'contacted', 'assessed', 'closed'] as const) {
      day = day.plusDays(this.random.between(1, status === 'assessed' ? 10 : 4))
      if (day.isAfter(this.today)) break
      let outcome: ReferralOutcome = history.at(-1)?.outcome ?? 'pending'
      if (status === 'contacted' && this.random.chance(0.08)) {
        history.push({ status: 'closed', outcome: 'no_contact', at: instantOn(day, this.random.between(9 * 60, 17 * 60)) })
        break
      }
      if (status === 'assessed') {
        outcome = this.random.weighted(REFERRAL_OUTCOME_WEIGHTS)
        if (reason === 'homeless' && outcome === 'prevention_duty_accepted') outcome = 'relief_duty_accepted'
      }
      history.push({ status, outcome, at: instantOn(day, this.random.between(9 * 60, 17 * 60)) })
    }
    return history
  }

  /** References run in order of approach within each authority and year, as a council's own would. */
  private numberCases(): void {
    const next = new Map<string, number>()
    const drafts = [...this.caseDrafts].sort((a, b) => a.approachedOn.compareTo(b.approachedOn))
    for (const draft of drafts) {
      const key = `${draft.authority.prefix}-${String(draft.approachedOn.year())}`
      const number = (next.get(key) ?? 0) + 1
      next.set(key, number)
      this.data.cases.push({ ...draft.row, reference: `${key}-${String(number).padStart(5, '0')}` })
    }
  }
}

interface Applicant {
  givenName: string
  familyName: string
  sex: 'female' | 'male'
  dateOfBirth: LocalDate
}

/** "Castle Point Borough Council" → "castle-point", for demonstration email addresses. */
export function placeSlug(councilName: string): string {
  return councilName
    .replace(/ (Borough|District|City)? ?Council$/, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
}

function instantOn(day: LocalDate, minuteOfDay: number): string {
  return ZonedDateTime.of(day, LocalTime.ofSecondOfDay(minuteOfDay * 60), LONDON)
    .toInstant()
    .toString()
}

function postcode(random: SeededRandom, authority: DemoAuthority): string {
  const letters = 'ABDEFGHJLNPQRSTUWXYZ'
  return `${random.pick(authority.postcodeDistricts)} ${String(random.between(1, 9))}${character(random, letters)}${character(random, letters)}`
}

function referenceCode(random: SeededRandom): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  return Array.from({ length: 6 }, () => character(random, alphabet)).join('')
}

function character(random: SeededRandom, alphabet: string): string {
  return alphabet.charAt(random.between(0, alphabet.length - 1))
}

/** A priority need the household plainly has, from what is known of it: children, age, or a recorded need. */
function demoPriorityNeed(household: { applicantAge: number; hasChildren: boolean }, needs: readonly SupportNeed[]): PriorityNeedCategory {
  if (household.hasChildren) return 'dependent_children'
  if (household.applicantAge < 18) return 'aged_16_or_17'
  if (needs.includes('domestic_abuse')) return 'domestic_abuse'
  if (needs.includes('mental_health') || needs.includes('learning_disability')) return 'vulnerable_mental_health'
  if (needs.includes('physical_ill_health_or_disability')) return 'vulnerable_physical_disability_or_ill_health'
  if (needs.includes('old_age')) return 'vulnerable_old_age'
  return 'vulnerable_other_special_reason'
}
