import { describe, expect, it } from 'vitest'
import { parseDateInput } from './date-input.ts'

describe('reading a GOV.UK date input', () => {
  it.each([
    [{ day: '2', month: '3', year: '2026' }, '2026-03-02'],
    [{ day: ' 29 ', month: '02', year: '2028' }, '2028-02-29'],
    [{ day: '31', month: '12', year: '2026' }, '2026-12-31'],
  ])('reads %j as %s', (parts, iso) => {
    const result = parseDateInput(parts, 'Date of decision')
    expect('date' in result && result.date.toString()).toBe(iso)
  })

  it.each([
    [{}, 'Enter the date of decision'],
    [{ day: '', month: '', year: '' }, 'Enter the date of decision'],
    [{ day: '2', year: '2026' }, 'Date of decision must include a month'],
    [{ year: '2026' }, 'Date of decision must include a day and a month'],
    [{ day: '29', month: '2', year: '2027' }, 'Date of decision must be a real date'],
    [{ day: '31', month: '4', year: '2026' }, 'Date of decision must be a real date'],
    [{ day: 'x', month: '4', year: '2026' }, 'Date of decision must be a real date'],
    [{ day: '1', month: '4', year: '26' }, 'Date of decision must be a real date'],
    [{ day: '1', month: '13', year: '2026' }, 'Date of decision must be a real date'],
  ])('refuses %j: %s', (parts, error) => {
    expect(parseDateInput(parts, 'Date of decision')).toEqual({ error })
  })
})
