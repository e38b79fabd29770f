import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import {
  interimAccommodationProblems,
  laterFindings,
  mainDutyFindingsProblem,
  priorityNeedProblem,
  reliefEnding,
  type Findings,
  type ReasonToBelieve,
  type ReliefEnding,
} from './priority-need.ts'

const d = (iso: string) => LocalDate.parse(iso)
const findings = (priorityNeed: Findings['priorityNeed'], intentionality: Findings['intentionality']): Findings => ({
  priorityNeed,
  intentionality,
})

describe('how the relief duty ends (s189B(4)-(5))', () => {
  it.each<[string, Findings, ReliefEnding]>([
    // s189B(4): satisfied of priority need, not satisfied of intentionality.
    ['in priority need, not intentionally homeless', findings('dependent_children', 'not_intentionally_homeless'), 'automatically'],
    // s189B(4)(b) asks whether the authority are satisfied the applicant became homeless intentionally: undecided is not.
    ['in priority need, intentionality not yet decided', findings('pregnant', null), 'automatically'],
    // s189(1)(e): domestic abuse is a priority need of its own, with no vulnerability test.
    ['homeless as a result of domestic abuse', findings('domestic_abuse', 'not_intentionally_homeless'), 'automatically'],
    // s189B(5), (7): otherwise only a notice ends it.
    ['in priority need, intentionally homeless', findings('vulnerable_old_age', 'intentionally_homeless'), 'by_notice'],
    ['not in priority need', findings('not_in_priority_need', 'not_intentionally_homeless'), 'by_notice'],
    ['not in priority need, intentionally homeless', findings('not_in_priority_need', 'intentionally_homeless'), 'by_notice'],
    // Not satisfied of priority need while it is undecided, so s189B(4) does not apply (nor to decisions recorded before it was).
    ['priority need not yet decided', findings(null, 'not_intentionally_homeless'), 'by_notice'],
    ['nothing recorded', findings(null, null), 'by_notice'],
  ])('%s: %s', (_, decided, ending) => {
    expect(reliefEnding(decided)).toBe(ending)
  })
})

describe('a later decision’s findings over an earlier one’s', () => {
  it.each<[string, Findings | undefined, Partial<Findings> | undefined, Findings]>([
    ['nothing before, nothing now', undefined, undefined, findings(null, null)],
    ['decided now', undefined, findings('emergency', null), findings('emergency', null)],
    [
      'kept when left open',
      findings('emergency', 'not_intentionally_homeless'),
      findings(null, null),
      findings('emergency', 'not_intentionally_homeless'),
    ],
    [
      'replaced when decided again',
      findings('emergency', 'not_intentionally_homeless'),
      findings('not_in_priority_need', null),
      findings('not_in_priority_need', 'not_intentionally_homeless'),
    ],
  ])('%s', (_, earlier, later, result) => {
    expect(laterFindings(earlier, later)).toEqual(result)
  })
})

describe('what the main duty decision rests on (s193(1)-(2), s184(3))', () => {
  it.each<[string, boolean, Findings, string | undefined]>([
    ['owed: priority need, not intentional', true, findings('dependent_children', 'not_intentionally_homeless'), undefined],
    ['not owed: no priority need, intentionality left open', false, findings('not_in_priority_need', null), undefined],
    ['not owed: priority need, intentionally homeless', false, findings('pregnant', 'intentionally_homeless'), undefined],
    // Owed by s193 but for another reason not (no longer eligible, no longer homeless): the letter gives it.
    ['not owed: priority need, not intentional', false, findings('pregnant', 'not_intentionally_homeless'), undefined],
    ['owed: no priority need', true, findings('not_in_priority_need', 'not_intentionally_homeless'), 'priorityNeed'],
    ['owed: intentionally homeless (s190(2) instead)', true, findings('pregnant', 'intentionally_homeless'), 'intentionality'],
    ['owed: intentionality not decided', true, findings('pregnant', null), 'intentionality'],
    ['not owed: priority need not decided', false, findings(null, 'intentionally_homeless'), 'priorityNeed'],
    ['not owed: in priority need, intentionality not decided', false, findings('emergency', null), 'intentionality'],
  ])('%s', (_, owed, decided, about) => {
    expect(mainDutyFindingsProblem(owed, decided)?.about).toBe(about)
  })
})

describe('a priority need category in force on the day of the decision', () => {
  it.each<[string, Findings['priorityNeed'], string, boolean]>([
    // Domestic Abuse Act 2021 s78 inserted s189(1)(e) from 5 July 2021.
    ['domestic abuse on 5 July 2021', 'domestic_abuse', '2021-07-05', true],
    ['domestic abuse on 4 July 2021', 'domestic_abuse', '2021-07-04', false],
    ['dependent children in 2019', 'dependent_children', '2019-01-01', true],
    ['not in priority need', 'not_in_priority_need', '2019-01-01', true],
    ['not decided', null, '2019-01-01', true],
  ])('%s: allowed %s', (_, priorityNeed, on, allowed) => {
    expect(priorityNeedProblem(priorityNeed, d(on)) === undefined).toBe(allowed)
  })
})

describe('the reason to believe that interim accommodation is owed (s188(1))', () => {
  const all: ReasonToBelieve[] = ['may_be_homeless', 'may_be_eligible', 'may_have_priority_need']
  it.each<[string, ReasonToBelieve[], Findings['priorityNeed'], Findings['priorityNeed'], string[]]>([
    ['every limb, with the priority need that appears', all, 'dependent_children', null, []],
    ['every limb, priority need already decided', all, 'vulnerable_mental_health', 'vulnerable_mental_health', []],
    ['no reason to believe they may be eligible', ['may_be_homeless', 'may_have_priority_need'], 'pregnant', null, ['reasonToBelieve']],
    ['nothing confirmed, no category', [], null, null, ['reasonToBelieve', 'apparentPriorityNeed']],
    ['every limb, no category', all, null, null, ['apparentPriorityNeed']],
    ['every limb, no category, priority need already decided', all, null, 'emergency', []],
    // Decided not in priority need: there is no longer reason to believe they may be.
    ['every limb, but decided not in priority need', all, 'pregnant', 'not_in_priority_need', ['reasonToBelieve']],
  ])('%s', (_, reasons, apparent, decided, about) => {
    const problems = interimAccommodationProblems(
      { reasons, apparentPriorityNeed: apparent === 'not_in_priority_need' ? null : apparent },
      findings(decided, null),
    )
    expect(problems.map((p) => p.about)).toEqual(about)
  })
})
