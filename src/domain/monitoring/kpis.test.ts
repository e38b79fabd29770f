import { describe, expect, it } from 'vitest'
import { WorkingCalendar } from '../working-days.ts'
import { isOpenOn, monthsBetween, performanceIndicators, preventionEnded, type KpiCase, type KpiReferral } from './kpis.ts'

const calendar = new WorkingCalendar(['2026-02-04'])
const PERIOD = { from: '2026-01-01', to: '2026-03-02', today: '2026-03-02', calendar }

function kase(changes: Partial<KpiCase> = {}): KpiCase {
  const c = {
    authority: 'Basildon',
    worker: 'Priya',
    approachedOn: '2026-01-05',
    stage: 'prevention',
    preventionStartedOn: '2026-01-06',
    reliefStartedOn: null,
    closedOn: null,
    outcome: null,
    riskAtAssessment: 'future_risk',
    hasPlan: true,
    planReviewDue: '2026-03-10',
    reviewDecisionsDue: [],
    ...changes,
  }
  // Never reassigned, unless the test says otherwise.
  return { ...c, officers: changes.officers ?? [{ officer: c.worker, from: c.approachedOn, to: null }] }
}

const run = (cases: KpiCase[], referrals: KpiReferral[] = []) => performanceIndicators({ cases, referrals, ...PERIOD })

describe('preventionEnded', () => {
  it.each([
    ['no prevention duty', { preventionStartedOn: null, stage: 'relief', reliefStartedOn: '2026-01-06' }, null],
    ['still in prevention', {}, null],
    ['became homeless', { stage: 'relief', reliefStartedOn: '2026-02-01' }, { on: '2026-02-01', succeeded: false }],
    [
      'closed with accommodation secured',
      { stage: 'closed', closedOn: '2026-02-10', outcome: 'suitable_accommodation_secured' },
      { on: '2026-02-10', succeeded: true },
    ],
    [
      'closed after 56 days',
      { stage: 'closed', closedOn: '2026-03-01', outcome: 'fifty_six_days_elapsed' },
      { on: '2026-03-01', succeeded: false },
    ],
    [
      'closed from relief with accommodation secured',
      { stage: 'closed', reliefStartedOn: '2026-02-01', closedOn: '2026-03-01', outcome: 'suitable_accommodation_secured' },
      { on: '2026-02-01', succeeded: false },
    ],
  ])('%s', (_label, changes, expected) => {
    expect(preventionEnded(kase(changes))).toEqual(expected)
  })
})

describe('performanceIndicators', () => {
  it('counts prevention success over duties ended in the period, by the month they ended', () => {
    const result = run([
      kase({ stage: 'closed', closedOn: '2026-02-10', outcome: 'suitable_accommodation_secured' }),
      kase({ stage: 'closed', closedOn: '2026-02-11', outcome: 'contact_lost' }),
      kase({ stage: 'relief', reliefStartedOn: '2026-01-20' }),
      kase({ stage: 'closed', closedOn: '2025-12-31', outcome: 'suitable_accommodation_secured' }),
    ])
    expect(result.total.preventionSuccess).toEqual({ n: 1, base: 3, pct: 33.3 })
    expect(result.byMonth.map((m) => [m.month, m.preventionSuccess.n, m.preventionSuccess.base])).toEqual([
      ['2026-01', 0, 1],
      ['2026-02', 1, 2],
      ['2026-03', 0, 0],
    ])
    expect(result.byMonth[2]?.preventionSuccess.pct).toBeNull()
  })

  it.each([
    ['opened on the first day of the period', '2026-01-01', 1],
    ['opened the day before the period', '2025-12-31', 0],
    ['opened on the last day', '2026-03-02', 1],
  ])('counts cases found early by when they were opened: %s', (_label, approachedOn, base) => {
    expect(run([kase({ approachedOn })]).total.foundEarly).toEqual({ n: base, base, pct: base === 0 ? null : 100 })
  })

  it('shares found early among cases with a risk recorded, a household not at risk being neither found early nor late', () => {
    const result = run([
      kase({ riskAtAssessment: 'future_risk' }),
      kase({ riskAtAssessment: 'threatened_29_56_days' }),
      kase({ riskAtAssessment: 'homeless' }),
      kase({ riskAtAssessment: null }),
      kase({ riskAtAssessment: 'not_at_risk' }),
    ])
    expect(result.total.foundEarly).toEqual({ n: 1, base: 3, pct: 33.3 })
  })

  it('measures working days to first contact, skipping weekends and bank holidays', () => {
    const result = run(
      [],
      [
        { authority: 'Basildon', receivedOn: '2026-01-02', contactedOn: '2026-01-02' },
        { authority: 'Basildon', receivedOn: '2026-01-09', contactedOn: '2026-01-12' },
        // Monday to Friday with a (test) bank holiday on the Wednesday: 3 working days.
        { authority: 'Harlow', receivedOn: '2026-02-02', contactedOn: '2026-02-06' },
        { authority: 'Harlow', receivedOn: '2026-02-03', contactedOn: null },
        { authority: 'Harlow', receivedOn: '2025-12-31', contactedOn: '2026-01-02' },
      ],
    )
    expect(result.total.firstContact).toEqual({ referrals: 4, contacted: 3, medianWorkingDays: 1, meanWorkingDays: 1.3 })
    expect(result.byAuthority.map((a) => [a.authority, a.firstContact.medianWorkingDays])).toEqual([
      ['Basildon', 0.5],
      ['Harlow', 3],
    ])
  })

  it('counts caseload per worker today, and in each month every officer who held a case then', () => {
    const result = run([
      kase({ worker: 'Priya', approachedOn: '2026-01-05' }),
      kase({ worker: 'Priya', approachedOn: '2026-02-05' }),
      kase({ worker: 'Tom', approachedOn: '2026-01-20', stage: 'closed', closedOn: '2026-02-27', outcome: 'contact_lost' }),
      // Opened and closed on one day: never open at the end of a day, so in no one's caseload.
      kase({ worker: 'Tom', approachedOn: '2026-01-31', stage: 'closed', closedOn: '2026-01-31', outcome: 'contact_lost' }),
    ])
    expect(result.total.caseload).toEqual({ openCases: 2, workers: 1, perWorker: 2 })
    expect(result.byMonth.map((m) => [m.month, m.caseload.openCases, m.caseload.workers, m.caseload.perWorker])).toEqual([
      ['2026-01', 2, 2, 1],
      // Tom's case was open until 27 February: it was in his caseload in February.
      ['2026-02', 3, 2, 1.5],
      ['2026-03', 2, 1, 2],
    ])
    expect(result.byWorker.map((w) => [w.worker, w.caseload.openCases])).toEqual([
      ['Priya', 2],
      ['Tom', 0],
    ])
  })

  it('attributes a month’s caseload to whoever held each case then, not to today’s named officer', () => {
    // Tom held the case in January and passed it to Priya on 10 February; Ana's case passed to Priya on 1 March.
    const fromTom = kase({
      worker: 'Priya',
      officers: [
        { officer: 'Tom', from: '2026-01-05', to: '2026-02-10' },
        { officer: 'Priya', from: '2026-02-10', to: null },
      ],
    })
    const fromAna = kase({
      worker: 'Priya',
      approachedOn: '2026-01-20',
      officers: [
        { officer: 'Ana', from: '2026-01-20', to: '2026-03-01' },
        { officer: 'Priya', from: '2026-03-01', to: null },
      ],
    })
    const monthly = run([fromTom, fromAna]).byMonth.map((m) => [m.month, m.caseload.openCases, m.caseload.workers, m.caseload.perWorker])
    expect(monthly).toEqual([
      // Tom and Ana, one case each.
      ['2026-01', 2, 2, 1],
      // Tom, Priya (from the 10th) and Ana: Tom's case counts for both who held it.
      ['2026-02', 2, 3, 1],
      // Priya holds both.
      ['2026-03', 2, 1, 2],
    ])
    // The same officer name in two authorities is two officers.
    const twoPriyas = run([kase(), kase({ authority: 'Harlow' })]).byMonth[0]?.caseload
    expect(twoPriyas).toEqual({ openCases: 2, workers: 2, perWorker: 1 })
  })

  it('shares open prevention and relief cases with a plan, today only', () => {
    const result = run([
      kase({ hasPlan: true }),
      kase({ stage: 'relief', hasPlan: false, planReviewDue: null }),
      kase({ stage: 'approach', hasPlan: false, planReviewDue: null }),
      kase({ stage: 'closed', closedOn: '2026-02-01', hasPlan: false, planReviewDue: null }),
    ])
    expect(result.total.withPlan).toEqual({ n: 1, base: 2, pct: 50 })
    expect(result.byMonth.every((m) => m.withPlan === null && m.overdue === null)).toBe(true)
  })

  it.each([
    ['a plan review due today', { planReviewDue: '2026-03-02' }, { planReviews: 0, reviewDecisions: 0 }],
    ['a plan review due yesterday', { planReviewDue: '2026-03-01' }, { planReviews: 1, reviewDecisions: 0 }],
    [
      'a plan review past due on a closed case',
      { planReviewDue: '2026-03-01', stage: 'closed', closedOn: '2026-02-01' },
      { planReviews: 0, reviewDecisions: 0 },
    ],
    [
      'review decisions due today and yesterday',
      { reviewDecisionsDue: ['2026-03-02', '2026-03-01'] },
      { planReviews: 0, reviewDecisions: 1 },
    ],
  ])('counts overdue reviews: %s', (_label, changes, expected) => {
    expect(run([kase(changes)]).total.overdue).toEqual(expected)
  })

  it('gives each worker their own figures within their authority', () => {
    const result = run([
      kase({ worker: 'Priya' }),
      kase({ worker: 'Priya', authority: 'Harlow' }),
      kase({ worker: 'Ana', riskAtAssessment: 'homeless' }),
    ])
    expect(result.byWorker.map((w) => [w.worker, w.authority, w.foundEarly.n, w.foundEarly.base])).toEqual([
      ['Ana', 'Basildon', 0, 1],
      ['Priya', 'Basildon', 1, 1],
      ['Priya', 'Harlow', 1, 1],
    ])
  })
})

describe('helpers', () => {
  it('lists the months of a period', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
  })
  it.each([
    ['2026-01-04', false],
    ['2026-01-05', true],
    ['2026-02-09', true],
    ['2026-02-10', false],
  ])('a case open 5 January to 10 February is open at the end of %s: %s', (day, open) => {
    expect(isOpenOn(kase({ approachedOn: '2026-01-05', closedOn: '2026-02-10' }), day)).toBe(open)
  })
})
