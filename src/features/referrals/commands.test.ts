import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import type { Refusal } from '../../platform/commands.ts'
import {
  CONSENT_EXPLAINED,
  readSubmission,
  referralProblems,
  referralRefusals,
  type ReferralChannel,
  type SubmitReferral,
} from './commands.ts'

type Problem = Refusal

/** The submission as the intake reads it: the schema's refusals, or then those of the rules that look at today and the channel. */
function readReferral(body: unknown, today: LocalDate, channel: ReferralChannel): { referral: SubmitReferral } | { problems: Problem[] } {
  const read = readSubmission(body)
  if ('refusals' in read) return { problems: read.refusals }
  const problems = referralRefusals(read.command, today, channel)
  return problems.length > 0 ? { problems } : { referral: read.command }
}

const today = LocalDate.parse('2026-02-10')

type Body = Record<string, unknown> & {
  consent: Record<string, unknown>
  person: Record<string, unknown> & { address: Record<string, unknown> }
  household: Record<string, unknown>
  referrer: Record<string, unknown>
}

/** The example in docs/interfaces.md: 1 March 2026 is within 56 days of 10 February. */
const example = (): Body => ({
  localAuthority: 'E07000073',
  consent: { toReferral: true, toShareContactDetails: true, authorityChosenByPerson: true },
  person: {
    givenName: 'Sam',
    familyName: 'Taylor',
    dateOfBirth: '1990-04-01',
    phone: '07700 900123',
    email: 'sam@example.org',
    preferredContact: 'phone',
    address: { line1: '1 High Street', town: 'Harlow', postcode: 'CM20 1AA' },
  },
  reason: 'threatened_within_56_days',
  expectedHomelessOn: '2026-03-01',
  dischargeOrReleaseOn: null,
  household: { adults: 1, children: 2 },
  supportNeeds: ['mental_health'],
  risks: 'free text',
  referrer: { name: 'A. Nurse', role: 'Discharge coordinator', phone: '01279 000000', email: 'a.nurse@example.nhs.uk' },
  notes: 'free text',
})

/** The example with one change made to it. */
const changed = (change: (body: Body) => void): Body => {
  const body = example()
  change(body)
  return body
}

const OPTIONAL = ['expectedHomelessOn', 'dischargeOrReleaseOn', 'household', 'supportNeeds', 'risks', 'notes']
const leaveOut = (record: Record<string, unknown>, keys: string[]) => {
  for (const key of keys) Reflect.deleteProperty(record, key)
}

/** A self-referral: no referrer, and the person prefers email. */
const selfReferral = (change: (body: Body) => void = () => undefined): Body =>
  changed((body) => {
    delete (body as Partial<Body>).referrer
    body.person.preferredContact = 'email'
    change(body)
  })

const problemsOf = (body: unknown, channel: ReferralChannel = 'api'): Problem[] => {
  const result = readReferral(body, today, channel)
  return 'problems' in result ? result.problems : []
}

describe('a referral that is complete', () => {
  it('reads the example in interfaces.md as it is', () => {
    expect(readReferral(example(), today, 'api')).toEqual({ referral: { ...example(), otherProfessionals: null } })
  })

  it.each<[string, Body, ReferralChannel]>([
    ['the example, from the partner form', example(), 'web'],
    ['a self-referral with no referrer, by email', selfReferral(), 'self_referral'],
    ['a self-referral by post', selfReferral((b) => (b.person.preferredContact = 'post')), 'self_referral'],
    [
      'contact through the referrer only',
      changed((b) => {
        Object.assign(b.person, { phone: null, email: null, address: null, preferredContact: 'via_referrer' })
      }),
      'api',
    ],
    ['threatened, homeless expected today', changed((b) => (b.expectedHomelessOn = '2026-02-10')), 'api'],
    ['threatened, homeless expected on day 56', changed((b) => (b.expectedHomelessOn = '2026-04-06')), 'api'],
    ['at risk later, on day 57', changed((b) => Object.assign(b, { reason: 'at_risk_later', expectedHomelessOn: '2026-04-07' })), 'api'],
    ['at risk later, no date known', changed((b) => Object.assign(b, { reason: 'at_risk_later', expectedHomelessOn: null })), 'api'],
    ['homeless, no date', changed((b) => Object.assign(b, { reason: 'homeless', expectedHomelessOn: null })), 'api'],
    [
      'homeless since a date in the past',
      changed((b) => Object.assign(b, { reason: 'homeless', expectedHomelessOn: '2026-02-01' })),
      'api',
    ],
    ['a release date in three weeks', changed((b) => (b.dischargeOrReleaseOn = '2026-03-03')), 'api'],
    ['a phone number with +44', changed((b) => (b.person.phone = '+44 7700 900123')), 'api'],
    ['a postcode in lower case, no space', changed((b) => (b.person.address.postcode = 'cm201aa')), 'api'],
    ['notes of exactly 5000 characters', changed((b) => (b.notes = 'x'.repeat(5000))), 'api'],
    ['a household of 30 adults and 0 children', changed((b) => (b.household = { adults: 30, children: 0 })), 'api'],
    [
      'only what is required',
      changed((b) => {
        leaveOut(b, OPTIONAL)
        b.reason = 'homeless'
        leaveOut(b.person, ['dateOfBirth', 'email', 'address'])
        b.referrer = { name: 'A. Nurse', email: 'a.nurse@example.nhs.uk' }
      }),
      'api',
    ],
  ])('%s', (_, body, channel) => {
    expect(problemsOf(body, channel)).toEqual([])
    expect(readReferral(body, today, channel)).toHaveProperty('referral')
  })

  it('trims text, and reads empty optional text as nothing given', () => {
    const result = readReferral(
      changed((b) => {
        b.person.givenName = '  Sam '
        b.risks = ''
        b.notes = '   '
        b.referrer.role = ''
      }),
      today,
      'api',
    )
    if (!('referral' in result)) throw new Error(JSON.stringify(result.problems))
    expect(result.referral.person.givenName).toBe('Sam')
    expect(result.referral.risks).toBeNull()
    expect(result.referral.notes).toBeNull()
    expect(result.referral.referrer?.role).toBeNull()
  })

  it('fills what was left out with null, and support needs with an empty list', () => {
    const result = readReferral(
      selfReferral((b) => {
        leaveOut(b, OPTIONAL)
        b.reason = 'homeless'
      }),
      today,
      'self_referral',
    )
    if (!('referral' in result)) throw new Error(JSON.stringify(result.problems))
    expect(result.referral).toMatchObject({
      expectedHomelessOn: null,
      dischargeOrReleaseOn: null,
      household: null,
      supportNeeds: [],
      risks: null,
      referrer: null,
      notes: null,
    })
  })

  it('lists each support need once', () => {
    const result = readReferral(
      changed((b) => (b.supportNeeds = ['mental_health', 'domestic_abuse', 'mental_health'])),
      today,
      'api',
    )
    if (!('referral' in result)) throw new Error(JSON.stringify(result.problems))
    expect(result.referral.supportNeeds).toEqual(['mental_health', 'domestic_abuse'])
  })
})

describe('a referral with a problem says where and what', () => {
  it.each<[string, unknown, string, string, ReferralChannel?]>([
    // The three consents, each refused when false or missing, saying what consent means.
    ['no consent to the referral', changed((b) => (b.consent.toReferral = false)), 'consent.toReferral', CONSENT_EXPLAINED.toReferral],
    ['consent to the referral missing', changed((b) => delete b.consent.toReferral), 'consent.toReferral', CONSENT_EXPLAINED.toReferral],
    ['consent as the text "true"', changed((b) => (b.consent.toReferral = 'true')), 'consent.toReferral', 'must agree to be referred'],
    [
      'no consent to share contact details',
      changed((b) => (b.consent.toShareContactDetails = false)),
      'consent.toShareContactDetails',
      CONSENT_EXPLAINED.toShareContactDetails,
    ],
    [
      'consent to share contact details missing',
      changed((b) => delete b.consent.toShareContactDetails),
      'consent.toShareContactDetails',
      CONSENT_EXPLAINED.toShareContactDetails,
    ],
    [
      'the authority not chosen by the person',
      changed((b) => (b.consent.authorityChosenByPerson = false)),
      'consent.authorityChosenByPerson',
      CONSENT_EXPLAINED.authorityChosenByPerson,
    ],
    [
      'the choice of authority missing',
      changed((b) => delete b.consent.authorityChosenByPerson),
      'consent.authorityChosenByPerson',
      CONSENT_EXPLAINED.authorityChosenByPerson,
    ],
    ['no consent object', changed((b) => delete (b as Partial<Body>).consent), 'consent', 'Say whether the person consents'],
    ['consent null', changed((b) => Object.assign(b, { consent: null })), 'consent', 'Say whether the person consents'],

    // The shape of the body.
    ['an unknown field', changed((b) => (b.nhsNumber = '943 476 5919')), 'nhsNumber', 'There is no field "nhsNumber"'],
    ['an unknown field in person', changed((b) => (b.person.nickname = 'Sammy')), 'person.nickname', 'There is no field "nickname"'],
    ['an unknown field in consent', changed((b) => (b.consent.toEverything = true)), 'consent.toEverything', 'no field "toEverything"'],
    ['a body that is null', null, '', 'Send the referral as a JSON object'],
    ['a body that is text', 'referral', '', 'Send the referral as a JSON object'],
    ['a body that is a list', [example()], '', 'Send the referral as a JSON object'],
    ['no person', changed((b) => delete (b as Partial<Body>).person), 'person', 'Enter the person’s details'],

    // Text.
    [
      'a first name with a <script> tag',
      changed((b) => (b.person.givenName = 'Sam<script>alert(1)</script>')),
      'person.givenName',
      'must not contain HTML tags',
    ],
    [
      'a tag with a space after <',
      changed((b) => (b.person.familyName = 'Taylor < img src=x>')),
      'person.familyName',
      'must not contain HTML tags',
    ],
    ['an HTML comment in the notes', changed((b) => (b.notes = 'see <!-- here -->')), 'notes', 'must not contain HTML tags'],
    ['no first name', changed((b) => delete b.person.givenName), 'person.givenName', 'Enter the person’s first name'],
    ['a first name of spaces', changed((b) => (b.person.givenName = '   ')), 'person.givenName', 'Enter the person’s first name'],
    [
      'a first name that is a number',
      changed((b) => (b.person.givenName = 42)),
      'person.givenName',
      'The person’s first name must be text',
    ],
    [
      'a last name of 101 characters',
      changed((b) => (b.person.familyName = 'T'.repeat(101))),
      'person.familyName',
      'must be 100 characters or fewer',
    ],
    ['notes of 5001 characters', changed((b) => (b.notes = 'x'.repeat(5001))), 'notes', 'Notes must be 5000 characters or fewer'],
    ['risks of 2001 characters', changed((b) => (b.risks = 'x'.repeat(2001))), 'risks', 'must be 2000 characters or fewer'],

    // Contact details.
    [
      'an email address without @',
      changed((b) => (b.person.email = 'sam.example.org')),
      'person.email',
      'email address in the right format',
    ],
    [
      'a referrer’s email address with a space',
      changed((b) => (b.referrer.email = 'a nurse@nhs.uk')),
      'referrer.email',
      'in the right format',
    ],
    ['a phone number in words', changed((b) => (b.person.phone = 'call the ward')), 'person.phone', 'as digits, like 07700 900123'],
    ['a phone number too short', changed((b) => (b.person.phone = '12345')), 'person.phone', 'as digits'],
    [
      'a postcode that is not one',
      changed((b) => (b.person.address.postcode = 'HARLOW')),
      'person.address.postcode',
      'Enter a real postcode',
    ],
    ['an address with an unknown field', changed((b) => (b.person.address.county = 'Essex')), 'person.address.county', 'no field "county"'],
    [
      'an unknown way to be contacted',
      changed((b) => (b.person.preferredContact = 'fax')),
      'person.preferredContact',
      'Choose how the person prefers',
    ],
    [
      'email preferred, no email address',
      changed((b) => Object.assign(b.person, { preferredContact: 'email', email: null })),
      'person.email',
      'as they prefer email',
    ],
    [
      'phone preferred, no phone number',
      changed((b) => Object.assign(b.person, { phone: null })),
      'person.phone',
      'as they prefer to be phoned',
    ],
    [
      'post preferred, no address',
      changed((b) => Object.assign(b.person, { preferredContact: 'post', address: null })),
      'person.address.line1',
      'as they prefer post',
    ],
    [
      'post preferred, an address with no postcode',
      changed((b) =>
        Object.assign(b.person, { preferredContact: 'post', address: { line1: '1 High Street', town: 'Harlow', postcode: null } }),
      ),
      'person.address.line1',
      'as they prefer post',
    ],
    [
      'no way at all to contact the person (self-referral)',
      selfReferral((b) => Object.assign(b.person, { phone: null, email: null, address: null })),
      'person.phone',
      'Give at least one way to contact the person',
      'self_referral',
    ],
    [
      'via the referrer, the referrer with no phone or email',
      changed((b) => {
        b.person.preferredContact = 'via_referrer'
        Object.assign(b.referrer, { phone: null, email: null })
      }),
      'referrer.phone',
      'Enter the referrer’s phone number or email address',
    ],

    // Who is referring.
    [
      'a self-referral asking to be contacted via a referrer',
      selfReferral((b) => (b.person.preferredContact = 'via_referrer')),
      'person.preferredContact',
      'Choose how we should contact you',
      'self_referral',
    ],
    ['no referrer, through the API', changed((b) => delete (b as Partial<Body>).referrer), 'referrer.name', 'Enter the referrer’s name'],
    ['a referrer with no name', changed((b) => delete b.referrer.name), 'referrer.name', 'Enter the referrer’s name'],

    // Dates.
    [
      'an impossible date of birth',
      changed((b) => (b.person.dateOfBirth = '2026-02-30')),
      'person.dateOfBirth',
      'must be a real date written as YYYY-MM-DD',
    ],
    ['a date of birth written the British way', changed((b) => (b.person.dateOfBirth = '01/04/1990')), 'person.dateOfBirth', 'YYYY-MM-DD'],
    ['a date of birth tomorrow', changed((b) => (b.person.dateOfBirth = '2026-02-11')), 'person.dateOfBirth', 'must be in the past'],
    [
      'a date of birth 121 years ago',
      changed((b) => (b.person.dateOfBirth = '1905-02-09')),
      'person.dateOfBirth',
      'within the last 120 years',
    ],
    ['an impossible expected date', changed((b) => (b.expectedHomelessOn = '2026-02-30')), 'expectedHomelessOn', 'must be a real date'],
    [
      'threatened, no date',
      changed((b) => (b.expectedHomelessOn = null)),
      'expectedHomelessOn',
      'Enter the date they expect to become homeless',
    ],
    [
      'threatened, a date that has passed',
      changed((b) => (b.expectedHomelessOn = '2026-02-09')),
      'expectedHomelessOn',
      'That date has passed',
    ],
    [
      'threatened, a date on day 57',
      changed((b) => (b.expectedHomelessOn = '2026-04-07')),
      'expectedHomelessOn',
      'more than 56 days away (after 2026-04-06): choose “at risk later”',
    ],
    [
      'at risk later, a date within 56 days',
      changed((b) => (b.reason = 'at_risk_later')),
      'expectedHomelessOn',
      'within 56 days (by 2026-04-06): choose “threatened within 56 days”',
    ],
    [
      'at risk later, a date that has passed',
      changed((b) => Object.assign(b, { reason: 'at_risk_later', expectedHomelessOn: '2026-01-31' })),
      'expectedHomelessOn',
      'That date has passed: if they have lost their home, choose “homeless”',
    ],
    ['homeless, a date still to come', changed((b) => (b.reason = 'homeless')), 'expectedHomelessOn', 'They are homeless already'],
    ['an unknown reason', changed((b) => (b.reason = 'evicted')), 'reason', 'Choose the reason'],
    [
      'a release date more than a year away',
      changed((b) => (b.dischargeOrReleaseOn = '2027-02-11')),
      'dischargeOrReleaseOn',
      'within a year of today',
    ],
    [
      'a release date more than a year ago',
      changed((b) => (b.dischargeOrReleaseOn = '2025-02-09')),
      'dischargeOrReleaseOn',
      'within a year of today',
    ],

    // The household and support needs.
    [
      'a household of -1 children',
      changed((b) => (b.household.children = -1)),
      'household.children',
      'The number of children must be 0 or more',
    ],
    ['a household of 0 adults', changed((b) => (b.household.adults = 0)), 'household.adults', 'The number of adults must be 1 or more'],
    ['half a child', changed((b) => (b.household.children = 1.5)), 'household.children', 'must be a whole number'],
    ['31 adults', changed((b) => (b.household.adults = 31)), 'household.adults', 'must be 30 or fewer'],
    ['children as text', changed((b) => (b.household.children = '2')), 'household.children', 'must be a whole number'],
    [
      'an unknown support need',
      changed((b) => (b.supportNeeds = ['mental_health', 'needs_a_garden'])),
      'supportNeeds[1]',
      'Choose support needs from the list',
    ],
    ['support needs not as a list', changed((b) => (b.supportNeeds = 'mental_health')), 'supportNeeds', 'Support needs must be a list'],

    // The housing authority.
    ['no housing authority', changed((b) => delete b.localAuthority), 'localAuthority', 'Enter the ONS code'],
    ['a Welsh authority', changed((b) => (b.localAuthority = 'W06000015')), 'localAuthority', 'an English housing authority'],
    ['a county council', changed((b) => (b.localAuthority = 'E10000012')), 'localAuthority', 'an English housing authority'],
  ])('$0, at "$2"', (_, body, path, message, channel = 'api') => {
    expect(problemsOf(body, channel)).toEqual([{ path, message: expect.stringContaining(message) as string }])
  })

  it('a person with no contact details and a referrer with none: both said', () => {
    const body = changed((b) => {
      Object.assign(b.person, { phone: null, email: null, address: null })
      Object.assign(b.referrer, { phone: null, email: null })
    })
    expect(problemsOf(body)).toEqual([
      { path: 'referrer.phone', message: expect.stringContaining('Enter the referrer’s phone number or email address') as string },
      { path: 'person.phone', message: expect.stringContaining('Give at least one way to contact the person') as string },
    ])
  })

  it.each<ReferralChannel>(['api', 'web'])('a referral through the %s channel needs a referrer', (channel) => {
    expect(problemsOf(selfReferral(), channel)).toEqual([
      { path: 'referrer.name', message: expect.stringContaining('Enter the referrer’s name') as string },
    ])
  })

  it('lists every problem in the body at once', () => {
    const body = changed((b) => {
      b.consent = { toReferral: false, toShareContactDetails: false }
      b.person.givenName = '<b>Sam</b>'
      b.person.email = 'not an email'
      b.household = { adults: 0, children: -1 }
      b.supportNeeds = ['flying']
      b.favouriteColour = 'blue'
    })
    expect(
      problemsOf(body)
        .map((problem) => problem.path)
        .sort(),
    ).toEqual(
      [
        'consent.toReferral',
        'consent.toShareContactDetails',
        'consent.authorityChosenByPerson',
        'person.givenName',
        'person.email',
        'household.adults',
        'household.children',
        'supportNeeds[0]',
        'favouriteColour',
      ].sort(),
    )
  })

  it('lists every problem that looks across fields or at today at once', () => {
    const body = selfReferral((b) => {
      Object.assign(b.person, { phone: null, email: null, address: null, dateOfBirth: '2030-01-01' })
      b.expectedHomelessOn = '2026-12-25'
      b.dischargeOrReleaseOn = '2028-01-01'
    })
    expect(problemsOf(body, 'self_referral').map((problem) => problem.path)).toEqual([
      'person.phone',
      'person.dateOfBirth',
      'expectedHomelessOn',
      'dischargeOrReleaseOn',
    ])
  })
})

describe('every problem at once, those across fields included, whatever else is wrong (422: every problem)', () => {
  const pathsOf = (body: unknown, channel: ReferralChannel = 'api') =>
    referralProblems(readSubmission(body), today, channel).map((p) => p.path)
  it.each<[string, unknown, string[]]>([
    [
      'an unknown authority code and a threat with no date',
      changed((b) => Object.assign(b, { localAuthority: 'W06000015', expectedHomelessOn: null })),
      ['localAuthority', 'expectedHomelessOn'],
    ],
    [
      'no first name, and no phone number for a person who prefers the phone',
      changed((b) => Object.assign(b.person, { givenName: '', phone: null, email: null, address: null })),
      ['person.givenName', 'person.phone'],
    ],
    [
      'no first name, and no way at all to contact the person',
      changed((b) => {
        Object.assign(b.person, { givenName: '', phone: null, email: null, address: null })
        Object.assign(b.referrer, { phone: null, email: null })
      }),
      ['person.givenName', 'referrer.phone', 'person.phone'],
    ],
    [
      'no consent, and a threat more than 56 days away',
      changed((b) => Object.assign(b, { consent: { ...b.consent, toReferral: false }, expectedHomelessOn: '2026-06-01' })),
      ['consent.toReferral', 'expectedHomelessOn'],
    ],
    [
      'a field the body should not have, and "at risk later" within 56 days',
      changed((b) => Object.assign(b, { colour: 'blue', reason: 'at_risk_later' })),
      ['colour', 'expectedHomelessOn'],
    ],
    [
      'an impossible date of birth, and a threat whose date has passed',
      changed((b) => Object.assign(b, { person: { ...b.person, dateOfBirth: '1990-13-01' }, expectedHomelessOn: '2026-02-01' })),
      ['person.dateOfBirth', 'expectedHomelessOn'],
    ],
    ['a referrer with no name, nor phone, nor email', changed((b) => (b.referrer = { name: '' })), ['referrer.name', 'referrer.phone']],
    [
      'a release date years away, and a bad postcode',
      changed((b) =>
        Object.assign(b, {
          dischargeOrReleaseOn: '2029-01-01',
          person: { ...b.person, address: { ...b.person.address, postcode: 'nowhere' } },
        }),
      ),
      ['person.address.postcode', 'dischargeOrReleaseOn'],
    ],
    // A field refused on its own is told once, at its own path; a rule that needs it waits for it.
    [
      'an email in the wrong format, preferred',
      changed((b) => Object.assign(b.person, { email: 'sam at example', preferredContact: 'email', phone: null })),
      ['person.email'],
    ],
    ['a threat whose date is not a date', changed((b) => (b.expectedHomelessOn = 'soon')), ['expectedHomelessOn']],
    ['an unknown reason, and no date', changed((b) => Object.assign(b, { reason: 'evicted', expectedHomelessOn: null })), ['reason']],
    ['an unknown way to be contacted', changed((b) => (b.person.preferredContact = 'pigeon')), ['person.preferredContact']],
    ['a body that is not an object', 'a referral', ['']],
  ])('%s', (_what, body, paths) => {
    expect(pathsOf(body)).toEqual(paths)
  })

  it('tells a self-referral asking for contact through a referrer once, with its other problems', () => {
    expect(
      pathsOf(
        selfReferral((b) => Object.assign(b.person, { familyName: '', preferredContact: 'via_referrer' })),
        'self_referral',
      ),
    ).toEqual(['person.familyName', 'person.preferredContact'])
  })
})
