import { LocalDate } from '@js-joda/core'

/**
 * Priority need (Housing Act 1996 s189, the Homelessness (Priority Need for Accommodation) (England)
 * Order 2002) and intentional homelessness (s191): what the authority decides about an applicant who is
 * homeless, and what follows from it. The relief duty is owed whatever the answers (s189B(1)); they
 * decide how it ends (s189B(4)-(5)), whether the main housing duty is owed (s193(1)-(2)), and whether
 * there is reason to believe interim accommodation is owed (s188(1)).
 *
 * The H-CLIC code list for priority need (7.5) is not public (research/hclic.md §1.4, §7.3): the
 * categories below are the statute's and the Order's, worded as the Code of Guidance (chapter 8) and
 * the published MD3 columns word them. A council's official codes are set beside them
 * (domain/hclic/code-lists.ts). Pure rules only: no I/O, dates passed in.
 */

export interface PriorityNeedCategoryDefinition {
  label: string
  /** The category as a decision letter tells the applicant, after "you have a priority need because". */
  inLetter: string
  /** The provision the category rests on, as a letter cites it. */
  provision: string
  /** The first day a decision may rest on it, where it came later than the 1996 Act. */
  inForceFrom?: string
}

export const PRIORITY_NEED_CATEGORIES = {
  pregnant: {
    label: 'The applicant, or someone they live with or might reasonably be expected to live with, is pregnant',
    inLetter: 'you, or someone who lives with you or might reasonably be expected to, are pregnant',
    provision: 'section 189(1)(a) of the Housing Act 1996',
  },
  dependent_children: {
    label: 'Dependent children live with the applicant, or might reasonably be expected to',
    inLetter: 'dependent children live with you, or might reasonably be expected to',
    provision: 'section 189(1)(b) of the Housing Act 1996',
  },
  vulnerable_old_age: {
    label: 'Vulnerable as a result of old age',
    inLetter: 'you, or someone who lives with you, are vulnerable as a result of old age',
    provision: 'section 189(1)(c) of the Housing Act 1996',
  },
  vulnerable_physical_disability_or_ill_health: {
    label: 'Vulnerable as a result of physical disability or ill health',
    inLetter: 'you, or someone who lives with you, are vulnerable as a result of physical disability or ill health',
    provision: 'section 189(1)(c) of the Housing Act 1996',
  },
  vulnerable_mental_health: {
    label: 'Vulnerable as a result of mental illness or learning disability',
    inLetter: 'you, or someone who lives with you, are vulnerable as a result of mental illness or learning disability',
    provision: 'section 189(1)(c) of the Housing Act 1996',
  },
  vulnerable_other_special_reason: {
    label: 'Vulnerable for another special reason',
    inLetter: 'you, or someone who lives with you, are vulnerable for another special reason',
    provision: 'section 189(1)(c) of the Housing Act 1996',
  },
  emergency: {
    label: 'Homeless as a result of an emergency such as flood, fire or other disaster',
    inLetter: 'you are homeless as a result of an emergency such as flood, fire or other disaster',
    provision: 'section 189(1)(d) of the Housing Act 1996',
  },
  domestic_abuse: {
    label: 'Homeless as a result of being a victim of domestic abuse',
    inLetter: 'you are homeless as a result of being a victim of domestic abuse',
    provision: 'section 189(1)(e) of the Housing Act 1996 (Domestic Abuse Act 2021, section 78)',
    inForceFrom: '2021-07-05',
  },
  aged_16_or_17: {
    label: 'Aged 16 or 17',
    inLetter: 'you are aged 16 or 17',
    provision: 'article 3 of the Homelessness (Priority Need for Accommodation) (England) Order 2002',
  },
  care_leaver_18_to_20: {
    label: 'Aged 18 to 20 and looked after, accommodated or fostered at 16 or 17 (care leaver)',
    inLetter: 'you are aged 18 to 20 and were looked after, accommodated or fostered when you were 16 or 17',
    provision: 'article 4 of the Homelessness (Priority Need for Accommodation) (England) Order 2002',
  },
  vulnerable_care_leaver_21_plus: {
    label: 'Aged 21 or over and vulnerable as a result of having been looked after, accommodated or fostered',
    inLetter: 'you are vulnerable as a result of having been looked after, accommodated or fostered',
    provision: 'article 5(1) of the Homelessness (Priority Need for Accommodation) (England) Order 2002',
  },
  vulnerable_armed_forces: {
    label: 'Vulnerable as a result of having served in HM Forces',
    inLetter: 'you are vulnerable as a result of having served in HM Forces',
    provision: 'article 5(2) of the Homelessness (Priority Need for Accommodation) (England) Order 2002',
  },
  vulnerable_custody: {
    label: 'Vulnerable as a result of having served a custodial sentence, been committed for contempt or remanded in custody',
    inLetter: 'you are vulnerable as a result of having served a custodial sentence, been committed for contempt or remanded in custody',
    provision: 'article 5(3) of the Homelessness (Priority Need for Accommodation) (England) Order 2002',
  },
  vulnerable_fleeing_violence: {
    label: 'Vulnerable as a result of leaving accommodation because of violence or threats of violence',
    inLetter: 'you are vulnerable as a result of leaving accommodation because of violence or threats of violence',
    provision: 'article 6 of the Homelessness (Priority Need for Accommodation) (England) Order 2002',
  },
} as const satisfies Record<string, PriorityNeedCategoryDefinition>

export type PriorityNeedCategory = keyof typeof PRIORITY_NEED_CATEGORIES

export const PRIORITY_NEED_LABELS = Object.fromEntries(
  Object.entries(PRIORITY_NEED_CATEGORIES).map(([code, category]) => [code, category.label]),
) as Record<PriorityNeedCategory, string>

export function isPriorityNeedCategory(value: unknown): value is PriorityNeedCategory {
  return typeof value === 'string' && Object.hasOwn(PRIORITY_NEED_CATEGORIES, value)
}

/** The authority's decision on priority need: in it (and in which category), or not. */
export const NOT_IN_PRIORITY_NEED = 'not_in_priority_need'
export type PriorityNeed = PriorityNeedCategory | typeof NOT_IN_PRIORITY_NEED

/** The authority's decision on intentionality (s191). */
export const INTENTIONALITY = {
  not_intentionally_homeless: 'Not intentionally homeless',
  intentionally_homeless: 'Intentionally homeless (section 191)',
} as const
export type Intentionality = keyof typeof INTENTIONALITY

/**
 * What the authority has decided about priority need and intentionality. `null` is "not decided" (or,
 * for decisions recorded before these were, not recorded): the authority is then not satisfied either
 * way, which is what the Act asks about.
 */
export interface Findings {
  priorityNeed: PriorityNeed | null
  intentionality: Intentionality | null
}

/** The findings as stored: codes the domain knows, anything else (or nothing) undecided. */
export function findingsOfRecord(priorityNeed: string | null | undefined, intentionality: string | null | undefined): Findings {
  return {
    priorityNeed: priorityNeed === NOT_IN_PRIORITY_NEED || isPriorityNeedCategory(priorityNeed) ? priorityNeed : null,
    intentionality: intentionality === 'intentionally_homeless' || intentionality === 'not_intentionally_homeless' ? intentionality : null,
  }
}

/** A later decision's findings over an earlier one's: what it decides replaces, what it leaves open stays. */
export function laterFindings(earlier: Findings | undefined, later: Partial<Findings> | undefined): Findings {
  return {
    priorityNeed: later?.priorityNeed ?? earlier?.priorityNeed ?? null,
    intentionality: later?.intentionality ?? earlier?.intentionality ?? null,
  }
}

export function inPriorityNeed(findings: Findings): boolean {
  return findings.priorityNeed !== null && findings.priorityNeed !== NOT_IN_PRIORITY_NEED
}

/**
 * How the relief duty ends (s189B(4)-(5)): by itself at the end of its 56 days where the authority are
 * satisfied the applicant has a priority need and are not satisfied they became homeless intentionally;
 * otherwise only by a notice on one of the grounds of s189B(7), so it may run on past 56 days. Where
 * priority need is not yet decided the authority are not satisfied of it: the duty ends by notice. Where
 * intentionality is not yet decided they are not satisfied of it either, so with priority need decided
 * the duty ends by itself, as s189B(4)(b) reads.
 */
export type ReliefEnding = 'automatically' | 'by_notice'

export function reliefEnding(findings: Findings): ReliefEnding {
  return inPriorityNeed(findings) && findings.intentionality !== 'intentionally_homeless' ? 'automatically' : 'by_notice'
}

/**
 * The main duty decision (s193(1)-(2)) and what it must rest on. The duty is owed to an applicant in
 * priority need whom the authority are not satisfied became homeless intentionally; the decision must
 * say both, as its letter gives them (s184(3)). Not owed, it must say why: no priority need, or,
 * in priority need, whether the applicant became homeless intentionally.
 */
export interface FindingProblem {
  about: 'priorityNeed' | 'intentionality'
  reason: string
}

export function mainDutyFindingsProblem(owed: boolean, findings: Findings): FindingProblem | undefined {
  if (findings.priorityNeed === null)
    return { about: 'priorityNeed', reason: 'Record whether the applicant is in priority need: the main housing duty decision rests on it' }
  if (owed && !inPriorityNeed(findings))
    return {
      about: 'priorityNeed',
      reason: 'The main housing duty is owed only to an applicant in priority need (section 193(1)): the applicant is not',
    }
  if (inPriorityNeed(findings) && findings.intentionality === null)
    return {
      about: 'intentionality',
      reason: 'Record whether the applicant became homeless intentionally: the main housing duty decision rests on it',
    }
  if (owed && findings.intentionality === 'intentionally_homeless')
    return {
      about: 'intentionality',
      reason:
        'The main housing duty is not owed to an applicant who became homeless intentionally (section 193(1)): the duty under section 190(2) applies instead',
    }
  return undefined
}

/** A category may be decided only once it is law: homelessness as a result of domestic abuse from 5 July 2021. */
export function priorityNeedProblem(priorityNeed: PriorityNeed | null, decidedOn: LocalDate): string | undefined {
  if (!isPriorityNeedCategory(priorityNeed)) return undefined
  const definition: PriorityNeedCategoryDefinition = PRIORITY_NEED_CATEGORIES[priorityNeed]
  if (definition.inForceFrom && decidedOn.isBefore(LocalDate.parse(definition.inForceFrom)))
    return `“${definition.label}” is a priority need only for decisions made on or after ${definition.inForceFrom} (${definition.provision})`
  return undefined
}

/**
 * Interim accommodation (s188(1)): owed where the authority have reason to believe the applicant may be
 * homeless, may be eligible for assistance and may have a priority need. Each limb is recorded, with the
 * priority need that appears to apply; once the authority have decided the applicant is not in priority
 * need, there is no reason to believe they may be.
 */
export const REASONS_TO_BELIEVE = {
  may_be_homeless: 'The applicant may be homeless',
  may_be_eligible: 'The applicant may be eligible for assistance',
  may_have_priority_need: 'The applicant may have a priority need',
} as const
export type ReasonToBelieve = keyof typeof REASONS_TO_BELIEVE

export interface ReasonToBelieveRecord {
  reasons: readonly ReasonToBelieve[]
  apparentPriorityNeed: PriorityNeedCategory | null
}

export interface InterimProblem {
  about: 'reasonToBelieve' | 'apparentPriorityNeed'
  reason: string
}

export function interimAccommodationProblems(belief: ReasonToBelieveRecord, findings: Findings): InterimProblem[] {
  const problems: InterimProblem[] = []
  const missing = (Object.keys(REASONS_TO_BELIEVE) as ReasonToBelieve[]).filter((r) => !belief.reasons.includes(r))
  if (findings.priorityNeed === NOT_IN_PRIORITY_NEED)
    problems.push({
      about: 'reasonToBelieve',
      reason:
        'The council has decided the applicant is not in priority need, so interim accommodation is not owed (section 188(1)): record a placement only under a duty that is owed',
    })
  else if (missing.length > 0)
    problems.push({
      about: 'reasonToBelieve',
      reason:
        'Interim accommodation (section 188(1)) is owed only where there is reason to believe the applicant may be homeless, eligible and in priority need: confirm each',
    })
  // Once priority need is decided, the decision says which: nothing more to choose.
  if (belief.apparentPriorityNeed === null && findings.priorityNeed === null)
    problems.push({ about: 'apparentPriorityNeed', reason: 'Select the priority need the applicant appears to have' })
  return problems
}

/** The priority need an interim placement rests on: the one decided, or else the one that appears to apply. */
export function apparentPriorityNeedOf(belief: ReasonToBelieveRecord, findings: Findings): PriorityNeedCategory | null {
  return isPriorityNeedCategory(findings.priorityNeed) ? findings.priorityNeed : belief.apparentPriorityNeed
}
