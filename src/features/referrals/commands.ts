import { LocalDate } from '@js-joda/core'
import { z } from 'zod'
import { SUPPORT_NEEDS, type SupportNeed } from '../../domain/code-lists.ts'
import { PREFERRED_CONTACT, REFERRAL_REASONS, REFERRAL_OUTCOMES } from '../../domain/referrals.ts'
import { isWithinThreatWindow, lastDayOfPeriod, FIFTY_SIX_DAYS } from '../../domain/statutory-dates.ts'
import { RecordApproach } from '../casework/commands.ts'
import { pathString, recordVersion, type Refusal } from '../../platform/commands.ts'

/**
 * The referral commands: one schema each, read by the referral pages and, for a referral's submission
 * (docs/interfaces.md, `POST /api/v1/referrals`), the API and its OpenAPI document alike.
 */

// ---------------------------------------------------------------------------------------------------
// A referral made: by a partner's form, a partner's system (`POST /api/v1/referrals`, the body as it is)
// or the person themselves. The forms' fields are named by their paths in this body.

/** What consent to a referral means (s213B(3)), said whenever one of the three is missing. */
export const CONSENT_EXPLAINED = {
  toReferral:
    'The person must agree to be referred. Consent means they understand that their details will be sent to the housing authority so that it can contact them about help with housing, and they have said yes. Without it, give them the authority’s contact details instead',
  toShareContactDetails:
    'The person must agree that the housing authority may have their contact details. Without this the authority cannot contact them, so the referral cannot be made',
  authorityChosenByPerson:
    'The person chooses which housing authority to be referred to (they may have a local connection to more than one). Confirm that this is the authority they chose',
} as const

/** Tags of any kind are refused, not stripped: what is stored is exactly what was sent. */
const HTML_TAG = /<\s*[a-z!/?]/i

const LIMITS = { name: 100, phone: 20, email: 254, line: 200, postcode: 10, longText: 2000, notes: 5000 } as const

function text(what: string, max: number) {
  return z
    .string({
      error: (issue) => (issue.input === undefined || issue.input === null ? `Enter ${what}` : `${capitalise(what)} must be text`),
    })
    .trim()
    .min(1, `Enter ${what}`)
    .max(max, `${capitalise(what)} must be ${String(max)} characters or fewer`)
    .refine((value) => !HTML_TAG.test(value), `${capitalise(what)} must not contain HTML tags such as <script>`)
}

function optionalText(what: string, max: number) {
  return z
    .string({ error: `${capitalise(what)} must be text` })
    .trim()
    .max(max, `${capitalise(what)} must be ${String(max)} characters or fewer`)
    .refine((value) => !HTML_TAG.test(value), `${capitalise(what)} must not contain HTML tags such as <script>`)
    .transform((value) => (value === '' ? null : value))
    .nullish()
    .transform((value) => value ?? null)
}

function isoDate(what: string) {
  return z
    .string({ error: `${capitalise(what)} must be a date written as YYYY-MM-DD` })
    .refine((value) => isRealDate(value), `${capitalise(what)} must be a real date written as YYYY-MM-DD`)
    .nullish()
    .transform((value) => value ?? null)
}

const PHONE = /^\+?[0-9][0-9 ()-]{6,19}$/
const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i

const phone = (whose: string) =>
  optionalText(`${whose} phone number`, LIMITS.phone).refine(
    (value) => value === null || PHONE.test(value),
    `Enter ${whose} phone number as digits, like 07700 900123 or +44 7700 900123`,
  )
const email = (whose: string) =>
  optionalText(`${whose} email address`, LIMITS.email).refine(
    (value) => value === null || z.email().safeParse(value).success,
    `Enter ${whose} email address in the right format, like name@example.org`,
  )

const count = (what: string, min: number) =>
  z
    .number({ error: `${capitalise(what)} must be a whole number` })
    .int(`${capitalise(what)} must be a whole number`)
    .min(min, `${capitalise(what)} must be ${String(min)} or more`)
    .max(30, `${capitalise(what)} must be 30 or fewer`)

export const SubmitReferral = z.strictObject({
  localAuthority: z
    .string({ error: 'Enter the ONS code of the housing authority the person chose, like E07000073' })
    .regex(/^E0[6-9]\d{6}$/, 'Enter the ONS code of an English housing authority, like E07000073'),
  consent: z.strictObject(
    {
      toReferral: z.literal(true, { error: CONSENT_EXPLAINED.toReferral }),
      toShareContactDetails: z.literal(true, { error: CONSENT_EXPLAINED.toShareContactDetails }),
      authorityChosenByPerson: z.literal(true, { error: CONSENT_EXPLAINED.authorityChosenByPerson }),
    },
    { error: 'Say whether the person consents: toReferral, toShareContactDetails and authorityChosenByPerson' },
  ),
  person: z.strictObject(
    {
      givenName: text('the person’s first name', LIMITS.name),
      familyName: text('the person’s last name', LIMITS.name),
      dateOfBirth: isoDate('the person’s date of birth'),
      phone: phone('the person’s'),
      email: email('the person’s'),
      preferredContact: z.enum(PREFERRED_CONTACT, {
        error: 'Choose how the person prefers to be contacted: phone, email, post or via the referrer',
      }),
      address: z
        .strictObject(
          {
            line1: optionalText('the first line of the address', LIMITS.line),
            town: optionalText('the town', LIMITS.line),
            postcode: optionalText('the postcode', LIMITS.postcode).refine(
              (value) => value === null || POSTCODE.test(value),
              'Enter a real postcode, like CM20 1AA',
            ),
          },
          { error: 'The address must have line1, town and postcode' },
        )
        .nullish()
        .transform((value) => value ?? null),
    },
    { error: 'Enter the person’s details' },
  ),
  reason: z.enum(REFERRAL_REASONS, {
    error: 'Choose the reason: homeless, threatened_within_56_days or at_risk_later',
  }),
  expectedHomelessOn: isoDate('the date they expect to become homeless'),
  dischargeOrReleaseOn: isoDate('the discharge or release date'),
  household: z
    .strictObject(
      { adults: count('the number of adults', 1), children: count('the number of children', 0) },
      { error: 'The household must have adults and children' },
    )
    .nullish()
    .transform((value) => value ?? null),
  supportNeeds: z
    .array(z.enum(Object.keys(SUPPORT_NEEDS) as [SupportNeed, ...SupportNeed[]], { error: 'Choose support needs from the list' }), {
      error: 'Support needs must be a list',
    })
    .max(Object.keys(SUPPORT_NEEDS).length)
    .optional()
    .transform((value) => [...new Set(value ?? [])]),
  risks: optionalText('risks and safeguarding', LIMITS.longText),
  otherProfessionals: optionalText('other professionals involved', LIMITS.longText),
  referrer: z
    .strictObject(
      {
        name: text('the referrer’s name', LIMITS.name),
        role: optionalText('the referrer’s role', LIMITS.name),
        phone: phone('the referrer’s'),
        email: email('the referrer’s'),
      },
      { error: 'Enter the referrer’s details' },
    )
    .nullish()
    .transform((value) => value ?? null),
  notes: optionalText('notes', LIMITS.notes),
})

export type SubmitReferral = z.output<typeof SubmitReferral>
export type ReferralChannel = 'web' | 'api' | 'self_referral'

/**
 * A referral as far as it can be read: each field its own schema accepts, and REFUSED for each field it
 * refuses (which then has a refusal of its own). The rules across fields run on this, so that a body
 * with one wrong field is still told, at once, what is wrong between the others.
 */
export const REFUSED: unique symbol = Symbol('refused')
type Refused = typeof REFUSED
export type Readable<T> = Refused | (T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]: Readable<T[K]> } : T)

/** A referral read: the command, or every refusal of its fields with what of it could be read. */
export type ReferralReading = { command: SubmitReferral } | { refusals: Refusal[]; readable: Readable<SubmitReferral> }

/**
 * Reads a referral as the API sends it, every problem at once with its path into the body: each field
 * the body should not have is named, and a body that is not an object is told so.
 */
export function readSubmission(body: unknown): ReferralReading {
  const parsed = SubmitReferral.safeParse(body)
  if (parsed.success) return { command: parsed.data }
  return { refusals: parsed.error.issues.flatMap(refusalsOfIssue), readable: readable(SubmitReferral, body) as Readable<SubmitReferral> }
}

/** Every problem with a referral at once: its fields', then the rules across them on what could be read, each path told once. */
export function referralProblems(read: ReferralReading, today: LocalDate, channel: ReferralChannel): Refusal[] {
  if ('command' in read) return referralRefusals(read.command, today, channel)
  const told = new Set(read.refusals.map((r) => r.path))
  return [...read.refusals, ...referralRefusals(read.readable, today, channel).filter((r) => !told.has(r.path))]
}

/** What a schema makes of an input field by field: where the whole is refused, each of its fields as far as it can be read. */
function readable(schema: z.ZodType, input: unknown): unknown {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const shape = shapeOf(schema)
  if (shape === undefined || typeof input !== 'object' || input === null || Array.isArray(input)) return REFUSED
  const fields = input as Record<string, unknown>
  return Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, readable(field, fields[key])]))
}

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  if (schema instanceof z.ZodObject) return schema.shape
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return shapeOf(schema.unwrap() as z.ZodType)
  if (schema instanceof z.ZodPipe) return shapeOf(schema.in as z.ZodType)
  return undefined
}

function refusalsOfIssue(issue: z.core.$ZodIssue): Refusal[] {
  const path = pathString(issue.path)
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: path ? `${path}.${key}` : key,
      message: `There is no field "${key}" here; see the API description at /api/v1/openapi.json`,
    }))
  }
  if (path === '' && issue.code === 'invalid_type') return [{ path, message: 'Send the referral as a JSON object' }]
  return [{ path, message: issue.message }]
}

/**
 * The rules across a referral's fields, and those that need today's date (England's) or the channel it
 * came by: the intake runs them on the referral as far as it could be read, so a form and the API are
 * refused alike, and every problem is told at once. A field refused on its own (REFUSED) counts as
 * given here, and a rule that needs its value waits for it: it is told once, at its own path.
 */
export function referralRefusals(referral: Readable<SubmitReferral>, today: LocalDate, channel: ReferralChannel): Refusal[] {
  if (referral === REFUSED) return []
  const problems: Refusal[] = []
  const person = referral.person === REFUSED ? undefined : referral.person
  const { referrer } = referral
  const preferred = person?.preferredContact === REFUSED ? undefined : person?.preferredContact

  if (channel === 'self_referral' && preferred === 'via_referrer')
    problems.push({ path: 'person.preferredContact', message: 'Choose how we should contact you: phone, email or post' })
  if (channel !== 'self_referral' && referrer === null)
    problems.push({ path: 'referrer.name', message: 'Enter the referrer’s name, so the housing authority knows who to talk to' })
  if (referrer !== null && referrer !== REFUSED && referrer.phone === null && referrer.email === null)
    problems.push({ path: 'referrer.phone', message: 'Enter the referrer’s phone number or email address' })

  if (person) {
    const address = person.address
    const contactable = {
      phone: person.phone !== null,
      email: person.email !== null,
      post: address === REFUSED || (address?.line1 != null && address.postcode !== null),
      via_referrer: referrer === REFUSED || (referrer !== null && (referrer.phone !== null || referrer.email !== null)),
    }
    if (!Object.values(contactable).some(Boolean))
      problems.push({
        path: 'person.phone',
        message: 'Give at least one way to contact the person: a phone number, an email address or an address',
      })
    else if (preferred !== undefined && !contactable[preferred]) {
      const missing = {
        phone: { path: 'person.phone', message: 'Enter the person’s phone number, as they prefer to be phoned' },
        email: { path: 'person.email', message: 'Enter the person’s email address, as they prefer email' },
        post: { path: 'person.address.line1', message: 'Enter the first line and postcode of the address, as they prefer post' },
        via_referrer: {
          path: 'referrer.phone',
          message: 'Enter the referrer’s phone number or email, as contact is to be through the referrer',
        },
      }[preferred]
      // Each thing to put right is said once: a self-referral asking for contact via a referrer, or a
      // referrer with no phone or email, has been told above.
      if (!problems.some((problem) => problem.path === missing.path || problem.path === 'person.preferredContact')) problems.push(missing)
    }
  }

  const date = (iso: string | null | Refused | undefined) => (typeof iso === 'string' ? LocalDate.parse(iso) : null)
  const born = date(person?.dateOfBirth)
  if (born?.isAfter(today)) problems.push({ path: 'person.dateOfBirth', message: 'The date of birth must be in the past' })
  else if (born?.isBefore(today.minusYears(120)))
    problems.push({ path: 'person.dateOfBirth', message: 'The date of birth must be within the last 120 years' })

  const expected = date(referral.expectedHomelessOn)
  const windowEnds = lastDayOfPeriod(today, FIFTY_SIX_DAYS)
  if (referral.reason === 'threatened_within_56_days') {
    // A date given but not readable is told at its own path; a date not given at all is told here.
    if (expected === null && referral.expectedHomelessOn !== REFUSED)
      problems.push({ path: 'expectedHomelessOn', message: 'Enter the date they expect to become homeless (within the next 56 days)' })
    else if (expected?.isBefore(today))
      problems.push({ path: 'expectedHomelessOn', message: 'That date has passed: if they have lost their home, choose “homeless”' })
    else if (expected && !isWithinThreatWindow(today, expected))
      problems.push({
        path: 'expectedHomelessOn',
        message: `That date is more than 56 days away (after ${windowEnds.toString()}): choose “at risk later”`,
      })
  }
  // A date already passed is within the window too, but the answer to it is "homeless", not "threatened".
  if (referral.reason === 'at_risk_later' && expected?.isBefore(today))
    problems.push({ path: 'expectedHomelessOn', message: 'That date has passed: if they have lost their home, choose “homeless”' })
  else if (referral.reason === 'at_risk_later' && expected && isWithinThreatWindow(today, expected))
    problems.push({
      path: 'expectedHomelessOn',
      message: `That date is within 56 days (by ${windowEnds.toString()}): choose “threatened within 56 days”`,
    })
  if (referral.reason === 'homeless' && expected?.isAfter(today))
    problems.push({
      path: 'expectedHomelessOn',
      message: 'They are homeless already: leave the expected date blank, or choose a reason that is still to come',
    })

  const leaving = date(referral.dischargeOrReleaseOn)
  if (leaving && (leaving.isBefore(today.minusYears(1)) || leaving.isAfter(today.plusYears(1))))
    problems.push({ path: 'dischargeOrReleaseOn', message: 'The discharge or release date must be within a year of today' })
  return problems
}

// ---------------------------------------------------------------------------------------------------
// The housing authority's side: a referral's steps, messages, conversion and settings.

const MESSAGE_LIMIT = 2000

/** The form a step was taken from, so a later change by someone else is not overwritten; without it, not checked. */
const referralVersion = recordVersion('The form is out of date: open the referral again').optional()

const stepDetails = z
  .string()
  .trim()
  .max(MESSAGE_LIMIT, `The details must be ${String(MESSAGE_LIMIT)} characters or fewer`)
  .refine((value) => !HTML_TAG.test(value), 'The details must not contain HTML tags')
  .optional()
  .meta({ description: 'Told to the referrer with the outcome' })

/** Acknowledge, record contact, record the outcome of an assessment, or close: one kind of step each. */
export const TakeReferralStep = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('acknowledge'), version: referralVersion }),
    z.object({ action: z.literal('record_contact'), version: referralVersion }),
    z.object({
      action: z.literal('record_outcome'),
      outcome: z.enum(REFERRAL_OUTCOMES, { error: 'Choose what the assessment found' }),
      details: stepDetails,
      version: referralVersion,
    }),
    z.object({
      action: z.literal('close'),
      // Whether a closing needs an outcome depends on the referral's state: the service says.
      outcome: z.enum(REFERRAL_OUTCOMES, { error: 'Choose why the referral is being closed' }).optional(),
      details: stepDetails,
      version: referralVersion,
    }),
  ],
  { error: 'Choose what to do with the referral' },
)
export type TakeReferralStep = z.output<typeof TakeReferralStep>

export const SendReferralMessage = z.object({
  message: z
    .string({ error: 'Write your message' })
    .trim()
    .min(1, 'Write your message')
    .max(MESSAGE_LIMIT, `Your message must be ${String(MESSAGE_LIMIT)} characters or fewer`)
    .refine((value) => !HTML_TAG.test(value), 'Your message must not contain HTML tags'),
})
export type SendReferralMessage = z.output<typeof SendReferralMessage>

/** The referral is about someone with a case already: link it to that case rather than open another. */
export const LinkReferralToCase = z.object({
  caseReference: z.string({ error: 'Choose one of your authority’s cases' }).trim().min(1, 'Choose one of your authority’s cases'),
  version: referralVersion,
})
export type LinkReferralToCase = z.output<typeof LinkReferralToCase>

/** Opens an approach from the referral: the approach as casework records it, and the referral's version. */
export const ConvertReferral = z.object({ approach: RecordApproach, version: referralVersion })
export type ConvertReferral = z.output<typeof ConvertReferral>

const DAYS_MESSAGE = 'Enter a number of working days from 1 to 20'
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/

export const SaveReferralSettings = z.object({
  targetWorkingDays: z.int({ error: DAYS_MESSAGE }).min(1, DAYS_MESSAGE).max(20, DAYS_MESSAGE),
  contactEmail: z
    .string()
    .trim()
    .regex(EMAIL, 'Enter the team’s email address in the right format, like housing.options@council.gov.uk')
    .optional()
    .meta({ description: 'Where new-referral alerts and referrers’ messages go; without one, to the team managers' }),
})
export type SaveReferralSettings = z.output<typeof SaveReferralSettings>

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  try {
    return LocalDate.parse(value).toString() === value
  } catch {
    return false
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
