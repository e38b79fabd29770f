/**
 * Dates as the programmes' spreadsheets write them (docs/monitoring-data.md): `YYYY-MM-DD`, or
 * `DD/MM/YYYY` as a UK spreadsheet saves a date cell. Nothing else, so that 03/04/2024 can never be
 * read the American way, and only real calendar dates, so that 31/02/2024 is refused rather than
 * rolled over into March.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/
const UK = /^(\d{2})\/(\d{2})\/(\d{4})$/

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** The date as `YYYY-MM-DD`, or null when the text is not a real date in either form. */
export function readDate(text: string): string | null {
  const iso = ISO.exec(text)
  const uk = iso ? null : UK.exec(text)
  const parts = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : null
  if (parts === null) return null
  const [year, month, day] = parts.map(Number) as [number, number, number]
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
