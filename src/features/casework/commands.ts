import { LocalDate } from '@js-joda/core'
import { z } from 'zod'
import { APPROACH_CHANNELS, EMERGENCIES, SEXES, type Approach } from '../../domain/approach.ts'
import { ACCOMMODATION_SECURED } from '../../domain/code-lists.ts'
import {
  MAIN_DUTY_ENDING_GROUNDS,
  NO_DUTY_REASONS,
  PREVENTION_ENDING_GROUNDS,
  RELIEF_ENDING_GROUNDS,
  type Decision,
  type MainDutyEndingGround,
  type NoDutyReason,
  type PreventionEndingGround,
  type ReliefEndingGround,
} from '../../domain/legal-status.ts'
import { ACCOMMODATION_TYPES, PLACEMENT_ENDINGS } from '../../domain/temporary-accommodation.ts'
import { calendarDate, codes, recordVersion } from '../../platform/commands.ts'
import { officerChoice } from '../case/officers.ts'
import { ACCOMMODATION_OUTCOMES, CHOICE_LABELS, type Choice, type SecuredAccommodation } from './decisions.ts'

/** The casework commands: one schema each, read by the caseworker pages, the API and its OpenAPI document alike. */

const NAME_LIMIT = 100
const REASONS_LIMIT = 5000

const applicantName = (label: string) =>
  z
    .string({ error: `Enter the applicant’s ${label}` })
    .trim()
    .min(1, `Enter the applicant’s ${label}`)
    .max(NAME_LIMIT, `The applicant’s ${label} must be ${String(NAME_LIMIT)} characters or fewer`)

export const RecordApproach = z
  .object({
    applicant: z.object({
      givenName: applicantName('first name'),
      familyName: applicantName('last name'),
      dateOfBirth: calendarDate('Date of birth'),
      sex: z.enum(codes(SEXES), { error: 'Select the applicant’s sex, or leave it blank' }).optional(),
    }),
    approachedOn: calendarDate('Date of approach'),
    channel: z.enum(codes(APPROACH_CHANNELS), { error: 'Select how they approached' }),
    emergencies: z.array(z.enum(codes(EMERGENCIES), { error: 'Select only the emergencies listed' })).optional(),
  })
  .meta({ id: 'ApproachRequest' })
export type RecordApproach = z.output<typeof RecordApproach>

/** The grounds each ending may give, and the reasons for owing no duty. */
const GROUNDS: Partial<Record<Choice, readonly string[]>> = {
  end_prevention_duty: PREVENTION_ENDING_GROUNDS,
  end_relief_duty: RELIEF_ENDING_GROUNDS,
  end_main_duty: MAIN_DUTY_ENDING_GROUNDS,
}
/** A decision against the applicant must tell them why (s184(3)); the reasons go into its letter. */
const REASONS_REQUIRED: ReadonlySet<Choice> = new Set(['no_duty_owed', 'main_duty_not_owed'])

/** Cross-field checks run even when a field is wrong, as long as there is an object to look at. */
const everyTime = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null }

export const RecordDecision = z
  .object({
    decision: z.enum(codes(CHOICE_LABELS), { error: 'Select the decision' }),
    date: calendarDate('Date of decision'),
    ground: z.string().optional().meta({ description: 'Ending a duty: the lawful ground' }),
    reason: z.string().optional().meta({ description: 'No duty owed: why' }),
    accommodationOutcome: z
      .enum(codes(ACCOMMODATION_OUTCOMES), { error: 'Select where the household is living now' })
      .optional()
      .meta({ description: 'Ending a duty with accommodation secured: stayed or moved' }),
    accommodationSecured: z
      .enum(codes(ACCOMMODATION_SECURED), { error: 'Select the type of accommodation secured' })
      .optional()
      .meta({ description: 'Ending a duty with accommodation secured: the type of accommodation (H-CLIC 4.8 / 5.8)' }),
    letterReasons: z
      .string()
      .trim()
      .max(REASONS_LIMIT, `The reasons must be ${String(REASONS_LIMIT)} characters or fewer`)
      .optional()
      .meta({ description: 'The reasons the decision’s letter gives; needed when no duty or no main duty is owed (s184(3))' }),
    version: recordVersion('The form is out of date: open the case again'),
  })
  // Runs beside the fields' own checks, so that every problem is told at once.
  .superRefine((d, ctx) => {
    const grounds = GROUNDS[d.decision]
    if (grounds && !grounds.includes(d.ground ?? ''))
      ctx.addIssue({ code: 'custom', path: ['ground'], message: 'Select the ground for ending the duty' })
    if (d.decision === 'no_duty_owed' && !(NO_DUTY_REASONS as readonly string[]).includes(d.reason ?? ''))
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Select why no duty is owed' })
    if (REASONS_REQUIRED.has(d.decision) && !d.letterReasons)
      ctx.addIssue({
        code: 'custom',
        path: ['letterReasons'],
        message: 'Enter the reasons for the decision: the applicant must be told why (section 184(3))',
      })
    // A duty ended because accommodation was secured must say where the household is living now, and in what.
    if (grounds && d.ground === 'suitable_accommodation_secured' && d.decision !== 'end_main_duty') {
      if (!d.accommodationOutcome)
        ctx.addIssue({ code: 'custom', path: ['accommodationOutcome'], message: 'Select where the household is living now' })
      if (!d.accommodationSecured)
        ctx.addIssue({ code: 'custom', path: ['accommodationSecured'], message: 'Select the type of accommodation secured' })
    }
  }, everyTime)
  .meta({ id: 'DecisionRequest' })
export type RecordDecision = z.output<typeof RecordDecision>

export const NameOfficer = z
  .object({
    officerId: officerChoice('Select an officer from your organisation'),
    version: recordVersion('The form is out of date: open the case again'),
  })
  .meta({ id: 'OfficerRequest' })
export type NameOfficer = z.output<typeof NameOfficer>

/** The approach a command records, as the domain reads it. */
export function approachOf(command: RecordApproach): Approach {
  return {
    givenName: command.applicant.givenName,
    familyName: command.applicant.familyName,
    dateOfBirth: LocalDate.parse(command.applicant.dateOfBirth),
    sex: command.applicant.sex ?? null,
    approachedOn: LocalDate.parse(command.approachedOn),
    channel: command.channel,
    emergencies: command.emergencies ?? [],
  }
}

/**
 * The decision a command records, for the legal-status machine, and where the household now lives when
 * a duty ended with accommodation secured. The command's schema has checked that each choice carries
 * what it needs; the stage decides whether the choice is open at all.
 */
export function decisionOf(command: RecordDecision): { decision: Decision; accommodation: SecuredAccommodation | null } {
  const on = LocalDate.parse(command.date)
  const choice = command.decision
  const decision = ((): Decision => {
    switch (choice) {
      case 'accept_prevention_duty':
      case 'accept_relief_duty':
      case 'became_homeless':
        return { kind: choice, on }
      case 'main_duty_owed':
      case 'main_duty_not_owed':
        return { kind: 'main_duty_decision', on, owed: choice === 'main_duty_owed' }
      case 'no_duty_owed':
        return { kind: choice, on, reason: command.reason as NoDutyReason }
      case 'end_main_duty':
        return { kind: choice, on, ground: command.ground as MainDutyEndingGround }
      case 'end_prevention_duty':
        return { kind: choice, on, ground: command.ground as PreventionEndingGround }
      case 'end_relief_duty':
        return { kind: choice, on, ground: command.ground as ReliefEndingGround }
    }
  })()
  const { accommodationOutcome: outcome, accommodationSecured: secured } = command
  const withAccommodation = choice !== 'end_main_duty' && command.ground === 'suitable_accommodation_secured'
  return { decision, accommodation: withAccommodation && outcome && secured ? { outcome, secured } : null }
}
/* Non-cooperation (s193B): a warning, a notice decided by one officer, and its authorisation by a second. */

const NON_COOPERATION_TEXT_LIMIT = 2000
const PERIOD_MESSAGE = 'Enter the reasonable period as a whole number of days from 1 to 90'

const requiredText = (missing: string, tooLong: string) =>
  z.string({ error: missing }).trim().min(1, missing).max(NON_COOPERATION_TEXT_LIMIT, tooLong)

export const GiveWarning = z
  .object({
    stepRefused: requiredText(
      'Enter the step the applicant has refused to take',
      `The step must be ${String(NON_COOPERATION_TEXT_LIMIT)} characters or fewer`,
    ).meta({ description: 'The step in the plan the applicant has refused to take' }),
    date: calendarDate('Date of the warning'),
    reasonablePeriodDays: z
      .int({ error: PERIOD_MESSAGE })
      .min(1, PERIOD_MESSAGE)
      .max(90, PERIOD_MESSAGE)
      .meta({ description: 'How long the applicant has to take the step before a notice can be decided' }),
  })
  .meta({ id: 'NonCooperationWarningRequest' })
export type GiveWarning = z.output<typeof GiveWarning>

export const DecideNotice = z
  .object({
    reasons: requiredText(
      'Enter why the notice is given: the step refused, and why the refusal was deliberate and unreasonable',
      `The reasons must be ${String(NON_COOPERATION_TEXT_LIMIT)} characters or fewer`,
    ),
    date: calendarDate('Date of the decision'),
  })
  .meta({ id: 'NonCooperationNoticeRequest' })
export type DecideNotice = z.output<typeof DecideNotice>

/** Authorising the case's notice says nothing more: who authorises it, and when, is the officer and today. */
export const AuthoriseNotice = z.object({}).meta({ id: 'EmptyRequest' })
export type AuthoriseNotice = z.output<typeof AuthoriseNotice>

/* Temporary accommodation: placing the household, and ending the placement. */

const BEDROOMS_MESSAGE = 'Enter the number of bedrooms as a whole number from 0 to 10, or leave it blank'

export const PlaceInAccommodation = z
  .object({
    accommodationType: z.enum(codes(ACCOMMODATION_TYPES), { error: 'Select the type of accommodation' }),
    bedrooms: z.int({ error: BEDROOMS_MESSAGE }).min(0, BEDROOMS_MESSAGE).max(10, BEDROOMS_MESSAGE).optional(),
    inAnotherDistrict: z.boolean().optional().meta({ description: 'In another council’s district; no by default' }),
    date: calendarDate('Date of the placement'),
  })
  .meta({ id: 'PlacementRequest' })
export type PlaceInAccommodation = z.output<typeof PlaceInAccommodation>

export const EndPlacement = z
  .object({
    ending: z.enum(codes(PLACEMENT_ENDINGS), { error: 'Select why the placement ended' }),
    date: calendarDate('Date the placement ended'),
  })
  .meta({ id: 'PlacementEndingRequest' })
export type EndPlacement = z.output<typeof EndPlacement>
