/**
 * A programme's monitoring data set at any scale, in the interchange format (docs/monitoring-data.md):
 * `cases.csv` and `activities.csv` in a folder, written as a stream so a million cases need no more
 * memory than ten. Shaped like the Essex Trailblazer's data (seeds, and src/demo/essex.ts):
 * districts, routes, households, risks, vulnerabilities, outcomes and durations in roughly its shares,
 * with about 1% of values missing per column and a few records of the kinds the data-quality checks find.
 *
 *   node bench/monitoring-data.ts --cases 100000 --out FOLDER
 */
import { once } from 'node:events'
import { createWriteStream, type WriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { LocalDate } from '@js-joda/core'
import { SeededRandom } from '../src/demo/random.ts'
import { ACTIVITY_COLUMNS, CASE_COLUMNS } from '../src/domain/monitoring/record.ts'
import {
  ACCOMMODATION_OUTCOMES,
  ACTIVITY_TYPES,
  addedIn11,
  EMPLOYMENT,
  ETHNICITIES,
  HOUSING_STATUSES,
  RISKS,
  VULNERABILITIES,
} from '../src/domain/monitoring/vocabulary.ts'

export const DISTRICTS = [
  'Basildon Borough Council',
  'Braintree District Council',
  'Brentwood Borough Council',
  'Castle Point Borough Council',
  'Chelmsford City Council',
  'Colchester City Council',
  'Epping Forest District Council',
  'Harlow Council',
  'Maldon District Council',
  'Rochford District Council',
  'Tendring District Council',
  'Uttlesford District Council',
]

const FIRST_DAY = LocalDate.parse('2022-04-01')
const DAYS = 4 * 365

async function write(stream: WriteStream, line: string): Promise<void> {
  if (!stream.write(line)) await once(stream, 'drain')
}

function csvField(value: string | number | null): string {
  if (value === null) return ''
  const text = String(value)
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Writes the data set, its cases spread over `districts`; returns how many activities it holds. */
export async function writeMonitoringData(
  folder: string,
  cases: number,
  options: { seed?: number; districts?: readonly string[] } = {},
): Promise<{ activities: number }> {
  const { seed = 2018, districts = DISTRICTS } = options
  await fs.mkdir(folder, { recursive: true })
  const random = new SeededRandom(seed)
  const casesFile = createWriteStream(path.join(folder, 'cases.csv'))
  const activitiesFile = createWriteStream(path.join(folder, 'activities.csv'))
  await write(casesFile, `${CASE_COLUMNS.join(',')}\n`)
  await write(activitiesFile, `${ACTIVITY_COLUMNS.join(',')}\n`)
  const missing = () => random.chance(0.01)
  const pick = <T>(values: readonly T[]): T => values[random.between(0, values.length - 1)] as T
  let activities = 0
  for (let i = 1; i <= cases; i++) {
    const caseRef = `C${String(i).padStart(7, '0')}`
    const household =
      random.chance(0.08) && i > 10 ? `H${String(random.between(1, i - 1)).padStart(7, '0')}` : `H${String(i).padStart(7, '0')}`
    const referral = FIRST_DAY.plusDays(Math.floor(DAYS * Math.sqrt(random.next())))
    const days = random.weighted({ 14: 18, 40: 24, 70: 22, 130: 24, 240: 12 })
    const end = referral.plusDays(random.between(1, Number(days)))
    const live = end.isAfter(FIRST_DAY.plusDays(DAYS))
    const outcome = live ? (random.chance(0.5) ? 'ongoing' : '') : random.weighted({ prevented: 82, withdrawn: 12, unsuccessful: 6 })
    const children = random.weighted({ 0: 55, 1: 20, 2: 15, 3: 7, 4: 3 })
    const vulnerabilities = [...new Set(Array.from({ length: random.between(0, 3) }, () => pick(VULNERABILITIES)))]
    const backFilled = random.chance(0.03)
    const row: (string | number | null)[] = [
      caseRef,
      household,
      missing() ? null : pick(districts),
      random.chance(0.5) ? 'Phoenix Futures' : 'Peabody',
      `W${String(random.between(1, 40)).padStart(2, '0')}`,
      missing() ? null : referral.toString(),
      (backFilled ? referral.plusDays(random.between(31, 200)) : referral.plusDays(random.between(0, 3))).toString(),
      missing() ? null : random.weighted({ proactive: 20, partner_referral: 65, self_referral: 15 }),
      random.chance(0.3) ? 'Jobcentre Plus' : null,
      missing() ? null : random.weighted({ female: 58, male: 41, other: 1 }),
      missing() ? null : random.between(17, 80),
      missing() ? null : random.weighted({ yes: 88, no: 12 }),
      missing() ? null : pick(ETHNICITIES),
      missing() ? null : random.weighted({ yes: 70, no: 30 }),
      missing() ? null : pick(EMPLOYMENT),
      missing() ? null : random.weighted({ 1: 80, 2: 17, 3: 2, 4: 1 }),
      missing() ? null : Number(children),
      missing() ? null : pick(HOUSING_STATUSES),
      // The Essex data set is of version 1.0: its risks, as its figures were measured with.
      missing() ? null : pick(RISKS.filter((risk) => !addedIn11(risk))),
      missing() ? null : random.weighted({ yes: 30, no: 60, dont_know: 10 }),
      missing() ? null : random.weighted({ yes: 10, no: 80, dont_know: 10 }),
      missing() ? null : random.weighted({ yes: 12, no: 78, dont_know: 10 }),
      missing() ? null : vulnerabilities.length === 0 ? 'none' : vulnerabilities.join(';'),
      vulnerabilities.length === 0 || missing() ? null : pick(vulnerabilities),
      outcome === '' ? null : outcome,
      live || random.chance(0.02) ? null : end.toString(),
      outcome === 'prevented' ? pick(ACCOMMODATION_OUTCOMES) : null,
      live ? null : random.weighted({ yes: 15, no: 85 }),
      random.chance(0.02) ? 'Withdrew after the bailiffs came, "no further contact"' : null,
    ]
    await write(casesFile, `${row.map(csvField).join(',')}\n`)
    const count = outcome === 'prevented' ? random.between(1, 12) : random.between(0, 3)
    for (let a = 0; a < count; a++) {
      activities++
      const on = referral.plusDays(random.between(0, Math.max(0, end.toEpochDay() - referral.toEpochDay())))
      const activity = [
        random.chance(0.05) ? null : caseRef,
        household,
        on.toString(),
        pick(ACTIVITY_TYPES),
        random.chance(0.1) ? 'relief' : 'prevention',
        null,
      ]
      await write(activitiesFile, `${activity.map(csvField).join(',')}\n`)
    }
  }
  casesFile.end()
  activitiesFile.end()
  await Promise.all([once(casesFile, 'finish'), once(activitiesFile, 'finish')])
  return { activities }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const { values } = parseArgs({ options: { cases: { type: 'string', default: '10000' }, out: { type: 'string' } } })
  if (!values.out) throw new Error('usage: node bench/monitoring-data.ts --cases N --out FOLDER')
  const { activities } = await writeMonitoringData(values.out, Number(values.cases))
  console.log(`wrote ${values.cases} cases and ${String(activities)} activities to ${values.out}`)
}
