import { DayOfWeek, LocalDate, Month, TemporalAdjusters } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import { BANK_HOLIDAYS_ENGLAND_AND_WALES } from './bank-holidays.ts'
import { WorkingCalendar } from './working-days.ts'

const d = (iso: string) => LocalDate.parse(iso)
const calendar = new WorkingCalendar()

describe('a working day is Monday to Friday, except a bank holiday in England and Wales', () => {
  it.each([
    ['2026-02-10', 'an ordinary Tuesday', true],
    ['2026-02-13', 'an ordinary Friday', true],
    ['2026-02-14', 'a Saturday', false],
    ['2026-02-15', 'a Sunday', false],
    ['2026-04-02', 'the Thursday before Easter', true],
    ['2026-04-03', 'Good Friday 2026', false],
    ['2026-04-06', 'Easter Monday 2026', false],
    ['2026-04-07', 'the Tuesday after Easter', true],
    ['2026-12-25', 'Christmas Day 2026, a Friday', false],
    ['2026-12-28', 'Monday 28 December 2026, substitute for Boxing Day on a Saturday', false],
    ['2026-12-29', 'the Tuesday after Christmas 2026', true],
    ['2027-12-27', 'Monday 27 December 2027, substitute for Christmas Day on a Saturday', false],
    ['2027-12-28', 'Tuesday 28 December 2027, substitute for Boxing Day on a Sunday', false],
    ['2027-12-29', 'the Wednesday after Christmas 2027', true],
    ['2020-05-08', 'VE Day 2020, the early May bank holiday moved to a Friday', false],
    ['2020-05-04', 'the first Monday of May 2020, which was not a holiday that year', true],
    ['2022-06-02', 'the spring bank holiday 2022, moved to a Thursday', false],
    ['2022-06-03', 'the Platinum Jubilee', false],
    ['2022-05-30', 'the last Monday of May 2022, which was not a holiday that year', true],
    ['2022-09-19', 'the State Funeral of Queen Elizabeth II', false],
    ['2023-05-08', 'the Coronation', false],
    ['2028-01-03', 'Monday 3 January 2028, substitute for New Year’s Day on a Saturday', false],
  ])('%s (%s): %s', (date, _, working) => {
    expect(calendar.isWorkingDay(d(date))).toBe(working)
  })

  it('uses the list it is given, so a calendar without holidays works through Christmas', () => {
    const noHolidays = new WorkingCalendar([])
    expect(noHolidays.isWorkingDay(d('2026-12-25'))).toBe(true)
    expect(noHolidays.isWorkingDay(d('2026-12-26'))).toBe(false)
  })
})

describe('adding working days', () => {
  it.each([
    ['2026-02-10', 0, '2026-02-10', 'no days is the same day'],
    ['2026-02-14', 0, '2026-02-14', 'no days from a Saturday is still that Saturday'],
    ['2026-02-10', 1, '2026-02-11', 'the next day in the week'],
    ['2026-02-13', 1, '2026-02-16', 'a Friday’s next working day is Monday'],
    ['2026-02-12', 3, '2026-02-17', 'over a weekend'],
    ['2026-02-09', 10, '2026-02-23', 'two whole weeks'],
    ['2026-02-14', 1, '2026-02-16', 'a receipt on a Saturday counts from Monday'],
    ['2026-02-15', 2, '2026-02-17', 'a receipt on a Sunday counts from Monday'],
    ['2026-04-02', 1, '2026-04-07', 'over Easter 2026: Good Friday, the weekend and Easter Monday'],
    ['2026-04-01', 2, '2026-04-07', 'from the Wednesday before Easter'],
    ['2026-04-04', 1, '2026-04-07', 'a receipt on Easter Saturday counts from Tuesday'],
    ['2026-04-03', 1, '2026-04-07', 'a receipt on Good Friday counts from Tuesday'],
    ['2026-12-24', 1, '2026-12-29', 'over Christmas 2026 and its substitute day'],
    ['2026-12-23', 3, '2026-12-30', 'from before Christmas 2026'],
    ['2026-12-31', 1, '2027-01-04', 'over New Year’s Day 2027, a Friday'],
    ['2027-12-24', 1, '2027-12-29', 'over Christmas 2027, both days substituted'],
    ['2022-06-01', 1, '2022-06-06', 'over the Platinum Jubilee weekend'],
  ])('%s plus %i working days is %s: %s', (from, days, due) => {
    expect(calendar.addWorkingDays(d(from), days).toString()).toBe(due)
  })

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s working days', (days) => {
    expect(() => calendar.addWorkingDays(d('2026-02-10'), days)).toThrow(RangeError)
  })
})

describe('working days between two dates: after the first, up to and including the second', () => {
  it.each([
    ['2026-02-10', '2026-02-10', 0, 'the same day'],
    ['2026-02-13', '2026-02-16', 1, 'Friday to Monday'],
    ['2026-02-13', '2026-02-15', 0, 'Friday to Sunday'],
    ['2026-02-14', '2026-02-16', 1, 'Saturday to Monday'],
    ['2026-02-09', '2026-02-13', 4, 'Monday to Friday'],
    ['2026-04-02', '2026-04-07', 1, 'across Easter 2026'],
    ['2026-12-24', '2026-12-29', 1, 'across Christmas 2026'],
    ['2026-12-23', '2027-01-04', 5, 'across Christmas and New Year'],
    ['2027-12-24', '2027-12-29', 1, 'across Christmas 2027'],
    ['2026-02-16', '2026-02-13', 0, 'a second date before the first'],
  ])('%s to %s: %i (%s)', (from, to, days) => {
    expect(calendar.workingDaysBetween(d(from), d(to))).toBe(days)
  })

  it.each([
    ['2026-02-10', 7],
    ['2026-03-30', 5],
    ['2026-12-21', 6],
    ['2027-12-20', 8],
  ])('counts back what was added: from %s, %i working days', (from, days) => {
    const due = calendar.addWorkingDays(d(from), days)
    expect(calendar.workingDaysBetween(d(from), due)).toBe(days)
    expect(calendar.isWorkingDay(due)).toBe(true)
  })
})

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): LocalDate {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return LocalDate.of(year, month, day)
}

const isWeekend = (date: LocalDate) => date.dayOfWeek() === DayOfWeek.SATURDAY || date.dayOfWeek() === DayOfWeek.SUNDAY

/** The holidays on their days when those are weekdays; those at a weekend move to the next weekday not already taken. */
function withSubstitutes(days: LocalDate[]): LocalDate[] {
  const taken = days.filter((day) => !isWeekend(day))
  for (const day of days.filter(isWeekend)) {
    let substitute = day.plusDays(1)
    while (isWeekend(substitute) || taken.some((t) => t.isEqual(substitute))) substitute = substitute.plusDays(1)
    taken.push(substitute)
  }
  return taken
}

function bankHolidaysByRule(year: number): string[] {
  const easter = easterSunday(year)
  const may = LocalDate.of(year, Month.MAY, 1)
  const days = [
    ...withSubstitutes([LocalDate.of(year, Month.JANUARY, 1)]),
    easter.minusDays(2),
    easter.plusDays(1),
    may.with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)),
    may.with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
    LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
    ...withSubstitutes([LocalDate.of(year, Month.DECEMBER, 25), LocalDate.of(year, Month.DECEMBER, 26)]),
  ]
  return days.map(String).sort()
}

/** The one-off changes the government announced, and no others. */
const EXCEPTIONS: Record<number, { moved?: [string, string]; added?: string[] }> = {
  2020: { moved: ['2020-05-04', '2020-05-08'] },
  2022: { moved: ['2022-05-30', '2022-06-02'], added: ['2022-06-03', '2022-09-19'] },
  2023: { added: ['2023-05-08'] },
}

function expectedBankHolidays(year: number): string[] {
  const { moved, added = [] } = EXCEPTIONS[year] ?? {}
  const byRule = bankHolidaysByRule(year).map((day) => (day === moved?.[0] ? moved[1] : day))
  return [...byRule, ...added].sort()
}

describe('the bank holiday data agrees with the rules, apart from the announced one-off changes', () => {
  const years = [...new Set(BANK_HOLIDAYS_ENGLAND_AND_WALES.map((day) => Number(day.slice(0, 4))))]

  it('covers every year from 2018 to 2028', () => {
    expect(years).toEqual(expect.arrayContaining([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028]))
  })

  it('is sorted, with no day twice', () => {
    expect(BANK_HOLIDAYS_ENGLAND_AND_WALES).toEqual([...new Set(BANK_HOLIDAYS_ENGLAND_AND_WALES)].sort())
  })

  it.each(years)('%i', (year) => {
    const listed = BANK_HOLIDAYS_ENGLAND_AND_WALES.filter((day) => day.startsWith(`${String(year)}-`))
    expect(listed).toEqual(expectedBankHolidays(year))
  })

  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
  ])('computes Easter %i on %s, so the check above checks something', (year, sunday) => {
    expect(easterSunday(year).toString()).toBe(sunday)
  })
})
