import { describe, expect, it } from 'vitest'
import { REFERRING_BODY_TYPES } from './organisations.ts'
import {
  ASSESSED_OUTCOMES,
  CLOSING_OUTCOMES,
  decisionsOfCase,
  isDutyOutcome,
  nextReferralState,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  settingOf,
  type CaseDecisions,
  type ReferralAction,
  type ReferralOutcome,
  type ReferralSetting,
  type ReferralState,
  type ReferralStatus,
} from './referrals.ts'

const at = (status: ReferralStatus, more: Partial<ReferralState> = {}): ReferralState => ({
  status,
  outcome: status === 'assessed' ? 'relief_duty_accepted' : 'pending',
  converted: false,
  ...more,
})

const acknowledge: ReferralAction = { kind: 'acknowledge' }
const recordContact: ReferralAction = { kind: 'record_contact' }
const convert: ReferralAction = { kind: 'convert' }
const recordOutcome = (outcome: ReferralOutcome): ReferralAction => ({ kind: 'record_outcome', outcome, details: null })
const close = (outcome: ReferralOutcome, details: string | null = null): ReferralAction => ({ kind: 'close', outcome, details })

describe('closing a referral for a reason the Act no longer lets bar help before a decision', () => {
  const none: CaseDecisions = { intentionallyHomeless: false, localConnectionReferral: false }
  const intentional: CaseDecisions = { ...none, intentionallyHomeless: true }
  const referredOn: CaseDecisions = { ...none, localConnectionReferral: true }
  it.each<[string, ReferralStatus, ReferralOutcome, CaseDecisions, string | undefined]>([
    // s195, s189B: prevention and relief are owed whether or not intentionally homeless, whatever the local connection.
    [
      'intentionally homeless before anyone assessed the person (s195, s189B)',
      'received',
      'rejected_intentionally_homeless',
      none,
      'sections 195 and 189B',
    ],
    [
      'intentionally homeless after contact, no decision yet (s195, s189B)',
      'contacted',
      'rejected_intentionally_homeless',
      none,
      'sections 195 and 189B',
    ],
    ['intentionally homeless once the case decided it (s191)', 'contacted', 'rejected_intentionally_homeless', intentional, undefined],
    [
      'intentionally homeless on a local connection referral only (s191 not decided)',
      'contacted',
      'rejected_intentionally_homeless',
      referredOn,
      'sections 195 and 189B',
    ],
    [
      'no local connection before anyone assessed the person (s198, s189B)',
      'acknowledged',
      'rejected_no_local_connection',
      none,
      'section 198',
    ],
    [
      'no local connection once the case was referred to another authority (s198(A1))',
      'contacted',
      'rejected_no_local_connection',
      referredOn,
      undefined,
    ],
    [
      'no local connection on an intentionality decision only (s198 not decided)',
      'contacted',
      'rejected_no_local_connection',
      intentional,
      'section 198',
    ],
    ['withdrawn, which needs no decision', 'received', 'withdrawn', none, undefined],
  ])('%s', (_, from, outcome, decided, refusal) => {
    const next = nextReferralState(at(from), close(outcome), decided)
    if (refusal === undefined) expect(next).toEqual({ state: at('closed', { outcome }), firstContact: false })
    else expect(next).toEqual({ refused: expect.stringContaining(refusal) as string, field: 'outcome' })
  })

  it.each<[string, { kind: string; details: Record<string, unknown> }[], CaseDecisions]>([
    ['no decisions', [{ kind: 'accept_relief_duty', details: {} }], { intentionallyHomeless: false, localConnectionReferral: false }],
    [
      'prevention ended as intentionally homeless from suitable accommodation (s195(8)(e))',
      [{ kind: 'end_prevention_duty', details: { ground: 'intentionally_homeless_from_suitable_accommodation' } }],
      { intentionallyHomeless: true, localConnectionReferral: false },
    ],
    [
      'relief ended as intentionally homeless from suitable accommodation (s189B(7)(b))',
      [{ kind: 'end_relief_duty', details: { ground: 'intentionally_homeless_from_suitable_accommodation' } }],
      { intentionallyHomeless: true, localConnectionReferral: false },
    ],
    [
      'the main duty ended as intentionally homeless from temporary accommodation (s193(6)(b))',
      [{ kind: 'end_main_duty', details: { ground: 'intentionally_homeless_from_temporary_accommodation' } }],
      { intentionallyHomeless: true, localConnectionReferral: false },
    ],
    [
      'relief ended on a local connection referral accepted by another authority (s198(A1))',
      [{ kind: 'end_relief_duty', details: { ground: 'local_connection_referral_accepted' } }],
      { intentionallyHomeless: false, localConnectionReferral: true },
    ],
    [
      'relief ended for another reason',
      [{ kind: 'end_relief_duty', details: { ground: 'contact_lost' } }],
      { intentionallyHomeless: false, localConnectionReferral: false },
    ],
  ])('a case’s decisions: %s', (_, events, decided) => {
    expect(decisionsOfCase(events)).toEqual(decided)
  })
})

describe('the steps a referral may take', () => {
  it.each<[ReferralStatus, string, ReferralAction, ReferralState, boolean]>([
    // from, action, to, first contact
    ['received', 'acknowledge', acknowledge, at('acknowledged'), false],
    ['received', 'record contact', recordContact, at('contacted'), true],
    ['received', 'open as an approach', convert, at('contacted', { converted: true }), true],
    ['received', 'close as withdrawn', close('withdrawn'), at('closed', { outcome: 'withdrawn' }), false],
    ['acknowledged', 'record contact', recordContact, at('contacted'), true],
    ['acknowledged', 'open as an approach', convert, at('contacted', { converted: true }), true],
    ['acknowledged', 'close as no_contact', close('no_contact'), at('closed', { outcome: 'no_contact' }), false],
    ['contacted', 'open as an approach', convert, at('contacted', { converted: true }), false],
    [
      'contacted',
      'record outcome prevention_duty_accepted',
      recordOutcome('prevention_duty_accepted'),
      at('assessed', { outcome: 'prevention_duty_accepted' }),
      false,
    ],
    [
      'contacted',
      'close as rejected_other',
      close('rejected_other', 'Moved to Scotland'),
      at('closed', { outcome: 'rejected_other' }),
      false,
    ],
    ['assessed', 'open as an approach', convert, at('assessed', { converted: true }), false],
    // An assessed referral's outcome may be corrected; the status stays assessed.
    [
      'assessed',
      'record outcome main_duty_accepted',
      recordOutcome('main_duty_accepted'),
      at('assessed', { outcome: 'main_duty_accepted' }),
      false,
    ],
    // Closing after an assessment keeps what the assessment found, whatever reason comes with it.
    ['assessed', 'close as withdrawn', close('withdrawn'), at('closed', { outcome: 'relief_duty_accepted' }), false],
  ])('from %s, %s: allowed', (from, _, action, to, firstContact) => {
    expect(nextReferralState(at(from), action)).toEqual({ state: to, firstContact })
  })

  it.each<[ReferralStatus, string, ReferralAction, string, string]>([
    [
      'received',
      'record outcome prevention_duty_accepted',
      recordOutcome('prevention_duty_accepted'),
      'outcome',
      'Record contact with the person, or open an approach',
    ],
    ['acknowledged', 'acknowledge', acknowledge, 'action', 'acknowledged already'],
    [
      'acknowledged',
      'record outcome relief_duty_accepted',
      recordOutcome('relief_duty_accepted'),
      'outcome',
      'Record contact with the person, or open an approach',
    ],
    ['contacted', 'acknowledge', acknowledge, 'action', 'acknowledged already'],
    ['contacted', 'record contact', recordContact, 'action', 'Contact has been recorded already'],
    ['assessed', 'acknowledge', acknowledge, 'action', 'acknowledged already'],
    ['assessed', 'record contact', recordContact, 'action', 'Contact has been recorded already'],
  ])('from %s, %s: refused', (from, _, action, field, message) => {
    expect(nextReferralState(at(from), action)).toEqual({ refused: expect.stringContaining(message) as string, field })
  })

  it.each<[string, ReferralAction]>([
    ['acknowledge', acknowledge],
    ['record contact', recordContact],
    ['open as an approach', convert],
    ['record an outcome', recordOutcome('prevention_duty_accepted')],
    ['close', close('withdrawn')],
    ['close with details', close('rejected_other', 'Moved to Scotland')],
  ])('a closed referral is finished: %s refused', (_, action) => {
    expect(nextReferralState(at('closed', { outcome: 'withdrawn' }), action)).toEqual({
      refused: 'This referral is closed',
      field: 'action',
    })
  })

  it.each(REFERRAL_STATUSES.filter((status) => status !== 'closed'))(
    'a referral is opened as an approach only once (from %s)',
    (status) => {
      expect(nextReferralState(at(status, { converted: true }), convert)).toEqual({
        refused: expect.stringContaining('opened as an approach already') as string,
        field: 'action',
      })
    },
  )

  it('converting a referral just received counts as the first contact', () => {
    const first = nextReferralState(at('received'), convert)
    expect(first).toEqual({ state: at('contacted', { converted: true }), firstContact: true })
    if (!('state' in first)) throw new Error('refused')
    expect(nextReferralState(first.state, convert)).toHaveProperty('refused')
  })
})

describe('outcomes', () => {
  it.each(REFERRAL_OUTCOMES.filter((outcome) => !(ASSESSED_OUTCOMES as readonly string[]).includes(outcome)))(
    'an assessment cannot find %s',
    (outcome) => {
      expect(nextReferralState(at('contacted'), recordOutcome(outcome))).toEqual({
        refused: 'Choose what the assessment found',
        field: 'outcome',
      })
    },
  )

  it.each(ASSESSED_OUTCOMES)('an assessment after contact may find %s', (outcome) => {
    expect(nextReferralState(at('contacted'), recordOutcome(outcome))).toEqual({
      state: at('assessed', { outcome }),
      firstContact: false,
    })
  })

  it.each(REFERRAL_OUTCOMES.filter((outcome) => !(CLOSING_OUTCOMES as readonly string[]).includes(outcome)))(
    'a referral not assessed cannot be closed as %s',
    (outcome) => {
      expect(nextReferralState(at('contacted'), close(outcome, 'details'))).toEqual({
        refused: 'Choose why the referral is being closed',
        field: 'outcome',
      })
    },
  )

  // The case's decisions that the two rejections rest on are made: see the table above for when they are not.
  const decided: CaseDecisions = { intentionallyHomeless: true, localConnectionReferral: true }

  it.each(CLOSING_OUTCOMES)('a referral not assessed may be closed as %s (with details)', (outcome) => {
    expect(nextReferralState(at('acknowledged'), close(outcome, 'Said no to help'), decided)).toEqual({
      state: at('closed', { outcome }),
      firstContact: false,
    })
  })

  it.each([null, '', '   '])('rejecting for another reason needs the reason, the referrer will see it (details %o)', (details) => {
    expect(nextReferralState(at('contacted'), close('rejected_other', details))).toEqual({
      refused: expect.stringContaining('Say why the referral is rejected') as string,
      field: 'details',
    })
  })

  it.each(CLOSING_OUTCOMES.filter((outcome) => outcome !== 'rejected_other'))('closing as %s needs no details', (outcome) => {
    expect(nextReferralState(at('received'), close(outcome), decided)).toEqual({ state: at('closed', { outcome }), firstContact: false })
  })

  /** Every outcome, so a new one needs a decision here. */
  const dutyAccepted: Record<ReferralOutcome, boolean> = {
    pending: false,
    prevention_duty_accepted: true,
    relief_duty_accepted: true,
    main_duty_accepted: true,
    not_homeless_or_threatened: false,
    no_contact: false,
    withdrawn: false,
    rejected_no_local_connection: false,
    rejected_intentionally_homeless: false,
    rejected_other: false,
  }

  it.each(REFERRAL_OUTCOMES.map((outcome) => [outcome, dutyAccepted[outcome]]))('%s is a duty accepted: %s', (outcome, duty) => {
    expect(isDutyOutcome(outcome)).toBe(duty)
  })

  it('an outcome not in the list is no duty', () => {
    expect(isDutyOutcome('duty_accepted')).toBe(false)
  })
})

describe('the setting a referral comes from', () => {
  const settings: Record<(typeof REFERRING_BODY_TYPES)[number], ReferralSetting> = {
    prison: 'criminal_justice',
    youth_offender_institution: 'criminal_justice',
    secure_training_centre: 'criminal_justice',
    secure_college: 'criminal_justice',
    youth_offending_team: 'criminal_justice',
    probation: 'criminal_justice',
    jobcentre_plus: 'other',
    adult_social_care: 'adult_social_care',
    childrens_social_care: 'childrens_social_care',
    social_services: 'social_care_side_not_recorded',
    emergency_department: 'health',
    urgent_treatment_centre: 'health',
    hospital: 'health',
    armed_forces: 'other',
    voluntary_sector: 'other',
    registered_provider: 'other',
    other: 'other',
  }

  it.each(REFERRING_BODY_TYPES.map((type) => [type, settings[type]]))('a referral from %s: %s', (type, setting) => {
    expect(settingOf(type)).toBe(setting)
  })

  it('a referral from no referring body is a self-referral', () => {
    expect(settingOf(null)).toBe('self_referral')
  })

  it.each(['local_housing_authority', 'county_council', 'provider', 'unknown'])('any other kind of organisation (%s): other', (type) => {
    expect(settingOf(type)).toBe('other')
  })
})
