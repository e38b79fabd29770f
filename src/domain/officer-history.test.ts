import { describe, expect, it } from 'vitest'
import { officerIntervals, officersHolding, type OfficerInterval, type Reassignment } from './officer-history.ts'

const opened = { openedOn: '2026-01-05' }

describe('who held a case when, from its reassignments', () => {
  it.each<[string, string, Reassignment[], OfficerInterval[]]>([
    ['never reassigned: the named officer since it was opened', 'Priya', [], [{ officer: 'Priya', from: '2026-01-05', to: null }]],
    [
      'reassigned once: the officer before until that day, the named officer from it',
      'Tom',
      [{ on: '2026-02-10', from: 'Priya', to: 'Tom' }],
      [
        { officer: 'Priya', from: '2026-01-05', to: '2026-02-10' },
        { officer: 'Tom', from: '2026-02-10', to: null },
      ],
    ],
    [
      'reassigned twice, the events given out of date order',
      'Ana',
      [
        { on: '2026-03-01', from: 'Tom', to: 'Ana' },
        { on: '2026-02-10', from: 'Priya', to: 'Tom' },
      ],
      [
        { officer: 'Priya', from: '2026-01-05', to: '2026-02-10' },
        { officer: 'Tom', from: '2026-02-10', to: '2026-03-01' },
        { officer: 'Ana', from: '2026-03-01', to: null },
      ],
    ],
    [
      'passed on and back on one day: no time with the other officer',
      'Priya',
      [
        { on: '2026-02-10', from: 'Priya', to: 'Tom' },
        { on: '2026-02-10', from: 'Tom', to: 'Priya' },
      ],
      [{ officer: 'Priya', from: '2026-01-05', to: null }],
    ],
    [
      'reassigned on the day it was opened',
      'Tom',
      [{ on: '2026-01-05', from: 'Priya', to: 'Tom' }],
      [{ officer: 'Tom', from: '2026-01-05', to: null }],
    ],
    [
      'a reassignment dated before the opening counts from the opening',
      'Tom',
      [{ on: '2025-12-20', from: 'Priya', to: 'Tom' }],
      [{ officer: 'Tom', from: '2026-01-05', to: null }],
    ],
    [
      'the named officer holds the case now, even where the last event named another',
      'Ana',
      [{ on: '2026-02-10', from: 'Priya', to: 'Tom' }],
      [
        { officer: 'Priya', from: '2026-01-05', to: '2026-02-10' },
        { officer: 'Ana', from: '2026-02-10', to: null },
      ],
    ],
  ])('%s', (_label, officer, reassignments, expected) => {
    expect(officerIntervals({ ...opened, officer }, reassignments)).toEqual(expected)
  })
})

describe('who held a case in a period', () => {
  const intervals: OfficerInterval[] = [
    { officer: 'Priya', from: '2026-01-05', to: '2026-02-01' },
    { officer: 'Tom', from: '2026-02-01', to: '2026-02-20' },
    { officer: 'Ana', from: '2026-02-20', to: null },
  ]
  it.each<[string, { from: string; to: string | null }, string, string, string[]]>([
    ['January: Priya alone (Tom takes it on 1 February)', { from: '2026-01-05', to: null }, '2026-01-01', '2026-01-31', ['Priya']],
    ['February: Tom and Ana, each for part of the month', { from: '2026-01-05', to: null }, '2026-02-01', '2026-02-28', ['Tom', 'Ana']],
    ['March: Ana', { from: '2026-01-05', to: null }, '2026-03-01', '2026-03-31', ['Ana']],
    ['December, before it was opened: no one', { from: '2026-01-05', to: null }, '2025-12-01', '2025-12-31', []],
    [
      'closed on 20 February: not open on the day Ana took it',
      { from: '2026-01-05', to: '2026-02-20' },
      '2026-02-01',
      '2026-02-28',
      ['Tom'],
    ],
    ['closed on 1 February: January only', { from: '2026-01-05', to: '2026-02-01' }, '2026-02-01', '2026-02-28', []],
    [
      'a period of one day, the day of a reassignment: the new officer',
      { from: '2026-01-05', to: null },
      '2026-02-20',
      '2026-02-20',
      ['Ana'],
    ],
  ])('%s', (_label, open, first, last, expected) => {
    expect(officersHolding(intervals, open, first, last)).toEqual(expected)
  })
})
