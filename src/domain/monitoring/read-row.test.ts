import { describe, expect, it } from 'vitest'
import { readDate } from './dates.ts'
import {
  caseRefOf,
  caseWarnings,
  describeProblem,
  districtIndex,
  isBlankRow,
  neutraliseFormula,
  readActivityRow,
  readCaseRow,
  readHeader,
  restoreFormula,
  unmatchedActivityWarning,
} from './read-row.ts'
import { CASE_COLUMNS, type MonitoringCase } from './record.ts'

const districts = {
  districts: districtIndex([
    { id: 'd-basildon', name: 'Basildon Borough Council', onsCode: 'E07000066' },
    { id: 'd-harlow', name: 'Harlow Council', onsCode: 'E07000073' },
  ]),
  lead: { id: 'd-basildon', name: 'Basildon Borough Council' },
}

/** A message that begins with the text (the list of codes after it is long). */
const containing = (text: string): string => expect.stringContaining(text) as string

const caseHeader = readHeader('cases', 'cases.csv', ['case_ref', ...CASE_COLUMNS.filter((c) => c !== 'case_ref')]).header

/** One cases.csv row with only the given cells filled. */
function caseRow(cells: Record<string, string>, row = 2) {
  return readCaseRow(
    caseHeader,
    caseHeader.columns.map((c) => (c === null ? '' : (cells[c] ?? (c === 'case_ref' ? 'C1' : '')))),
    row,
    districts,
  )
}

function readCase(cells: Record<string, string>): MonitoringCase {
  const result = caseRow(cells)
  if (!result.ok) throw new Error(result.problems.map(describeProblem).join('\n'))
  return result.record.case
}

function problemsOf(cells: Record<string, string>) {
  const result = caseRow(cells)
  return result.ok ? [] : result.problems.map((p) => ({ column: p.column, value: p.value, message: p.message }))
}

describe('dates', () => {
  it.each([
    ['2024-02-29', '2024-02-29'],
    ['29/02/2024', '2024-02-29'],
    ['01/12/2023', '2023-12-01'],
    ['2000-02-29', '2000-02-29'],
    ['31/12/1999', '1999-12-31'],
  ])('reads %s as %s', (text, date) => {
    expect(readDate(text)).toBe(date)
  })

  it.each([
    '31/02/2024',
    '2023-02-29',
    '1900-02-29',
    '2024-13-01',
    '00/01/2024',
    '2024-04-31',
    '1/2/2024',
    '2024/02/01',
    '02-01-2024',
    '2024-2-1',
    'yesterday',
    '45321',
    '12/31/2024',
  ])('refuses %s', (text) => {
    expect(readDate(text)).toBeNull()
  })
})

describe('the header', () => {
  it('accepts columns in any order, in any case, with spaces around them', () => {
    const { header, problems } = readHeader('cases', 'cases.csv', [' Outcome', 'CASE_REF ', 'district'])
    expect(problems).toEqual([])
    expect(header.columns).toEqual(['outcome', 'case_ref', 'district'])
  })

  it('names an unknown column, suggesting the likely one, and a missing case_ref', () => {
    const { problems } = readHeader('cases', 'cases.csv', ['refferal_date', 'postcode', 'outcome'])
    expect(problems).toEqual([
      {
        file: 'cases.csv',
        row: 1,
        column: 'refferal_date',
        value: 'refferal_date',
        message: "'refferal_date' is not a column of cases.csv: did you mean referral_date?",
      },
      { file: 'cases.csv', row: 1, column: 'postcode', value: 'postcode', message: "'postcode' is not a column of cases.csv" },
      { file: 'cases.csv', row: 1, column: 'case_ref', value: '', message: 'The required column case_ref is missing' },
    ])
  })

  it('refuses a column given twice and a column with no name', () => {
    const { problems } = readHeader('cases', 'cases.csv', ['case_ref', 'outcome', 'Outcome', ''])
    expect(problems.map((p) => p.message)).toEqual([
      'The column outcome appears more than once in the header',
      'A column has no name in the header row',
    ])
  })

  it('needs activity_type and a way to link each activity to a case in activities.csv', () => {
    expect(readHeader('activities', 'activities.csv', ['household_ref', 'activity_type']).problems).toEqual([])
    expect(readHeader('activities', 'activities.csv', ['activity_date', 'comment']).problems.map((p) => p.message)).toEqual([
      'The required column activity_type is missing',
      'activities.csv needs a case_ref or household_ref column to link activities to cases',
    ])
  })
})

describe('a cases.csv row', () => {
  it('reads a full row into the typed record, trimming cells and reading codes case-insensitively', () => {
    expect(
      readCase({
        case_ref: ' ESX-001 ',
        household_ref: 'H1',
        district: 'basildon borough council',
        provider: 'Peabody',
        worker: 'W07',
        referral_date: '03/04/2024',
        recorded_date: '2024-04-05',
        referral_route: 'Partner_Referral',
        referral_agency: 'Jobcentre Plus',
        applicant_sex: 'FEMALE',
        applicant_age: ' 34 ',
        applicant_uk_national: 'yes',
        applicant_ethnicity: 'white',
        applicant_receives_benefits: 'no',
        applicant_employment: 'part_time',
        adults: '2',
        dependent_children: '0',
        housing_status: 'private_rented',
        risk_at_assessment: 'threatened_within_28_days',
        previously_homeless: 'dont_know',
        previously_slept_rough: 'no',
        previously_in_temporary_accommodation: 'yes',
        vulnerabilities: 'mental_health; Domestic_Abuse;mental_health',
        primary_vulnerability: 'domestic_abuse',
        outcome: 'prevented',
        case_end_date: '30/06/2024',
        accommodation_outcome: 'remained_in_own_home',
        relief_activity: 'no',
        comments: 'Landlord agreed to "pause" the notice, then withdrew it',
      }),
    ).toEqual({
      caseRef: 'ESX-001',
      householdRef: 'H1',
      district: 'Basildon Borough Council',
      provider: 'Peabody',
      worker: 'W07',
      referralDate: '2024-04-03',
      recordedDate: '2024-04-05',
      referralRoute: 'partner_referral',
      referralAgency: 'Jobcentre Plus',
      applicantSex: 'female',
      applicantAge: 34,
      applicantUkNational: 'yes',
      applicantEthnicity: 'white',
      applicantReceivesBenefits: 'no',
      applicantEmployment: 'part_time',
      adults: 2,
      dependentChildren: 0,
      housingStatus: 'private_rented',
      riskAtAssessment: 'threatened_within_28_days',
      previouslyHomeless: 'dont_know',
      previouslySleptRough: 'no',
      previouslyInTemporaryAccommodation: 'yes',
      vulnerabilities: ['mental_health', 'domestic_abuse'],
      primaryVulnerability: 'domestic_abuse',
      outcome: 'prevented',
      caseEndDate: '2024-06-30',
      accommodationOutcome: 'remained_in_own_home',
      reliefActivity: 'no',
      comments: 'Landlord agreed to "pause" the notice, then withdrew it',
    })
  })

  // Version 1.1 only adds codes: a 1.0 row reads as it always did (above), a 1.1 row reads its new codes.
  it.each([
    ['outcome', 'relieved', 'outcome'],
    ['outcome', 'No_Duty_Owed', 'outcome'],
    ['risk_at_assessment', 'not_at_risk', 'riskAtAssessment'],
  ] as const)('reads the version 1.1 code %s %s', (column, value, field) => {
    expect(readCase({ [column]: value })[field]).toBe(value.toLowerCase())
  })

  it('reads an empty or blank cell as not recorded, and none as no vulnerabilities', () => {
    const c = readCase({ referral_date: '   ', vulnerabilities: 'None', applicant_age: '' })
    expect(c.referralDate).toBeNull()
    expect(c.applicantAge).toBeNull()
    expect(c.vulnerabilities).toEqual([])
    expect(readCase({}).vulnerabilities).toBeNull()
  })

  it('matches a district by name or ONS code, in any case, and gives the platform’s id', () => {
    const byCode = caseRow({ district: 'e07000073' })
    expect(byCode.ok && byCode.record).toEqual({
      case: expect.objectContaining({ district: 'Harlow Council' }) as unknown,
      authorityId: 'd-harlow',
    })
  })

  it('gives a case with no district to the programme’s lead, whatever kind of organisation it is', () => {
    const none = caseRow({})
    expect(none.ok && none.record).toEqual({ case: expect.objectContaining({ district: null }) as unknown, authorityId: 'd-basildon' })
    const county = { ...districts, lead: { id: 'c-essex', name: 'Essex County Council' } }
    const held = readCaseRow(caseHeader, ['C1'], 4, county)
    expect(held.ok && held.record.authorityId).toBe('c-essex')
    const inHarlow = readCaseRow(caseHeader, ['C1', '', 'Harlow Council'], 4, county)
    expect(inHarlow.ok && inHarlow.record.authorityId).toBe('d-harlow')
  })

  it('gives the case_ref of a row whatever else is wrong with it', () => {
    expect(caseRefOf(caseHeader, [" '=C1 ", 'H1'])).toBe('=C1')
    expect(caseRefOf(caseHeader, ['', 'H1'])).toBeNull()
  })

  it.each([
    ['referral_date', '31/02/2024', "'31/02/2024' is not a date: use YYYY-MM-DD or DD/MM/YYYY"],
    ['recorded_date', '2024-4-1', "'2024-4-1' is not a date: use YYYY-MM-DD or DD/MM/YYYY"],
    ['case_end_date', '12/31/2024', "'12/31/2024' is not a date: use YYYY-MM-DD or DD/MM/YYYY"],
    ['applicant_age', '34.5', "'34.5' is not a whole number"],
    ['applicant_age', '-3', "'-3' is not a whole number"],
    ['applicant_age', '1200', "'1200' is too large for applicant_age"],
    ['adults', '0', "'0' is too small: adults is at least 1"],
    ['dependent_children', 'two', "'two' is not a whole number"],
    ['referral_route', 'gp', "'gp' is not a code for referral_route: use proactive, partner_referral or self_referral"],
    ['applicant_sex', 'f', "'f' is not a code for applicant_sex: use female, male or other"],
    ['applicant_uk_national', 'y', "'y' is not a code for applicant_uk_national: use yes or no"],
    ['applicant_ethnicity', 'british', "'british' is not a code for applicant_ethnicity: use white, mixed, asian, black or other"],
    ['applicant_receives_benefits', 'true', "'true' is not a code for applicant_receives_benefits: use yes or no"],
    ['applicant_employment', 'retired', containing("'retired' is not a code for applicant_employment: use full_time")],
    ['housing_status', 'council', containing("'council' is not a code for housing_status: use social_rented")],
    ['risk_at_assessment', 'high', containing("'high' is not a code for risk_at_assessment")],
    ['previously_homeless', 'unknown', "'unknown' is not a code for previously_homeless: use yes, no or dont_know"],
    ['previously_slept_rough', 'maybe', "'maybe' is not a code for previously_slept_rough: use yes, no or dont_know"],
    ['previously_in_temporary_accommodation', '1', "'1' is not a code for previously_in_temporary_accommodation: use yes, no or dont_know"],
    ['vulnerabilities', 'mental_health;gambling', containing("'gambling' is not a code for vulnerabilities: use dependent_children")],
    ['vulnerabilities', 'none;mental_health', "'none;mental_health' lists vulnerabilities and none: use one or the other"],
    ['vulnerabilities', ';', "';' names no vulnerability: use none if there are none"],
    ['primary_vulnerability', 'debt', containing("'debt' is not a code for primary_vulnerability")],
    ['outcome', 'closed', "'closed' is not a code for outcome: use prevented, relieved, unsuccessful, withdrawn, no_duty_owed or ongoing"],
    ['accommodation_outcome', 'council_house', containing("'council_house' is not a code for accommodation_outcome")],
    ['relief_activity', 'Y', "'Y' is not a code for relief_activity: use yes or no"],
    ['district', 'Gotham', "'Gotham' is not a local housing authority known to the platform: give its name or its ONS code"],
    ['case_ref', '', 'case_ref is required: every case needs one'],
    ['case_ref', 'X'.repeat(65), 'case_ref is 65 characters long: at most 64'],
  ])('refuses %s %j', (column, value, message) => {
    expect(problemsOf({ [column]: value })).toEqual([{ column, value: column === 'vulnerabilities' ? value : value.trim(), message }])
  })

  it('lists every problem of a row, not only the first', () => {
    const result = caseRow({ referral_date: '31/02/2024', outcome: 'done', adults: '0' }, 12)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.problems.map(describeProblem)).toEqual([
      "cases.csv row 12, column referral_date: '31/02/2024' is not a date: use YYYY-MM-DD or DD/MM/YYYY",
      "cases.csv row 12, column adults: '0' is too small: adults is at least 1",
      "cases.csv row 12, column outcome: 'done' is not a code for outcome: use prevented, relieved, unsuccessful, withdrawn, no_duty_owed or ongoing",
    ])
  })

  it('refuses a row with more values than the header has columns, and reads a shorter one as missing values', () => {
    const { header } = readHeader('cases', 'cases.csv', ['case_ref', 'outcome'])
    const long = readCaseRow(header, ['C1', 'prevented', 'extra'], 5, districts)
    expect(!long.ok && long.problems).toEqual([
      { file: 'cases.csv', row: 5, column: '', value: 'extra', message: 'This row has 3 values but the header names 2 columns' },
    ])
    const short = readCaseRow(header, ['C1'], 6, districts)
    expect(short.ok && short.record.case.outcome).toBeNull()
  })

  it('does not repeat a header problem on every row: an unknown column’s cells are not read', () => {
    const { header } = readHeader('cases', 'cases.csv', ['case_ref', 'postcode'])
    expect(readCaseRow(header, ['C1', 'SS14 1DL'], 2, districts).ok).toBe(true)
    const { header: noRef } = readHeader('cases', 'cases.csv', ['outcome'])
    expect(readCaseRow(noRef, ['prevented'], 2, districts).ok).toBe(true)
  })

  it('knows a blank row', () => {
    expect(isBlankRow(['', ' ', ''])).toBe(true)
    expect(isBlankRow(['', 'x'])).toBe(false)
  })
})

describe('an activities.csv row', () => {
  const { header } = readHeader('activities', 'activities.csv', [
    'case_ref',
    'household_ref',
    'activity_date',
    'activity_type',
    'stage',
    'comment',
  ])
  const row = (cells: string[]) => readActivityRow(header, cells, 3)

  it('reads an activity, prevention by default', () => {
    expect(row(['C1', '', '01/05/2024', 'Mediation', '', 'With the landlord'])).toEqual({
      ok: true,
      record: {
        caseRef: 'C1',
        householdRef: null,
        activityDate: '2024-05-01',
        activityType: 'mediation',
        stage: 'prevention',
        comment: 'With the landlord',
      },
    })
    expect(row(['', 'H1', '', 'referral', 'RELIEF', '']).ok && row(['', 'H1', '', 'referral', 'RELIEF', '']).ok).toBe(true)
  })

  it.each([
    [['', '', '2024-05-01', 'mediation', '', ''], 'case_ref', 'Give a case_ref or a household_ref: an activity must say whose it is'],
    [['C1', '', '2024-05-01', '', '', ''], 'activity_type', 'activity_type is required: say what was done'],
    [
      ['C1', '', '2024-05-01', 'text_message', '', ''],
      'activity_type',
      containing("'text_message' is not a code for activity_type: use information_advice"),
    ],
    [['C1', '', '2024-05-01', 'mediation', 'main_duty', ''], 'stage', "'main_duty' is not a code for stage: use prevention or relief"],
    [['C1', '', '30/02/2024', 'mediation', '', ''], 'activity_date', "'30/02/2024' is not a date: use YYYY-MM-DD or DD/MM/YYYY"],
  ])('refuses %j', (cells, column, message) => {
    const result = row(cells)
    expect(!result.ok && result.problems.map((p) => ({ column: p.column, message: p.message }))).toEqual([{ column, message }])
  })
})

describe('warnings', () => {
  const base = readCase({ referral_date: '2024-04-01' })
  const kinds = (changes: Partial<MonitoringCase>) =>
    caseWarnings({ ...base, ...changes }, '2025-01-31').map((w) => `${w.kind} ${w.field ?? ''}`)

  it.each<[string, Partial<MonitoringCase>, string[]]>([
    [
      'a clean case',
      {
        outcome: 'prevented',
        caseEndDate: '2024-06-01',
        applicantAge: 34,
        vulnerabilities: ['mental_health'],
        primaryVulnerability: 'mental_health',
      },
      [],
    ],
    ['an end before the referral', { caseEndDate: '2024-03-31' }, ['end_before_referral case_end_date']],
    ['an end on the referral day', { caseEndDate: '2024-04-01' }, []],
    ['an end after the import', { caseEndDate: '2025-02-01' }, ['end_after_import case_end_date']],
    ['an end on the day of the import', { caseEndDate: '2025-01-31' }, []],
    ['an age of 15', { applicantAge: 15 }, ['age_out_of_range applicant_age']],
    ['an age of 16', { applicantAge: 16 }, []],
    ['an age of 110', { applicantAge: 110 }, []],
    ['an age of 111', { applicantAge: 111 }, ['age_out_of_range applicant_age']],
    [
      'a primary vulnerability not listed',
      { vulnerabilities: ['mental_health'], primaryVulnerability: 'domestic_abuse' },
      ['primary_not_among_vulnerabilities primary_vulnerability'],
    ],
    [
      'a primary vulnerability with none',
      { vulnerabilities: [], primaryVulnerability: 'domestic_abuse' },
      ['primary_not_among_vulnerabilities primary_vulnerability'],
    ],
    [
      'a primary vulnerability with the list not recorded',
      { vulnerabilities: null, primaryVulnerability: 'other' },
      ['primary_not_among_vulnerabilities primary_vulnerability'],
    ],
    ['a final outcome without an end date', { outcome: 'withdrawn' }, ['final_outcome_without_end_date case_end_date']],
    ['relieved (1.1) without an end date', { outcome: 'relieved' }, ['final_outcome_without_end_date case_end_date']],
    ['no duty owed (1.1) without an end date', { outcome: 'no_duty_owed' }, ['final_outcome_without_end_date case_end_date']],
    ['an ongoing case without an end date', { outcome: 'ongoing' }, []],
    ['a live case (no outcome) without an end date', { outcome: null }, []],
  ])('%s', (_name, changes, expected) => {
    expect(kinds(changes)).toEqual(expected)
  })

  it('says what is wrong in the message', () => {
    expect(caseWarnings({ ...base, caseEndDate: '2024-03-01' }, '2025-01-31')[0]?.message).toBe(
      'Support ended before the referral date: ended 2024-03-01, referred 2024-04-01',
    )
    expect(unmatchedActivityWarning({ caseRef: null, householdRef: 'H9' })).toEqual({
      kind: 'unmatched_activity',
      field: 'household_ref',
      message: 'Activity matches no case: no case has the household_ref H9',
    })
  })
})

describe('spreadsheet formulas in text cells', () => {
  it.each(['=HYPERLINK("http://x")', '+44 7700 900123', '-5', '@SUM(A1)', "'=1+1", "''@x", "'quoted", 'plain', "it's", ''])(
    'neutralises %j on export and gives it back on import',
    (text) => {
      const written = neutraliseFormula(text)
      expect(/^[=+\-@]/.test(written)).toBe(false)
      expect(restoreFormula(written)).toBe(text)
    },
  )

  it('reads a typed apostrophe before a formula character as a spreadsheet does', () => {
    expect(readCase({ comments: "'=not a formula" }).comments).toBe('=not a formula')
    expect(readCase({ comments: "'tis so" }).comments).toBe("'tis so")
  })
})
