/**
 * The demonstration world: Greater Essex as the Trailblazer evaluation describes it (the seed
 * "Evaluation of the Trailblazers Homelessness Prevention Pilot", June 2019): the twelve districts and
 * two unitary authorities, Essex County Council leading the programme, three support providers whose
 * mentors work across districts, and the public bodies that refer.
 */

export interface DemoAuthority {
  name: string
  /** ONS code of the local authority district or unitary. */
  onsCode: string
  /** The prefix of the authority's case references, e.g. BAS-2026-00012. */
  prefix: string
  town: string
  postcodeDistricts: readonly string[]
  /** Cases referred to the Trailblazer service per district (evaluation, section 6.2, base 527). */
  caseWeight: number
  /** How cases were found, in per cent (evaluation, section 6.2): council or partner, other service, self-referral. */
  referralRoutes: { proactive: number; partner_referral: number; self_referral: number }
}

export const ESSEX_AUTHORITIES: readonly DemoAuthority[] = [
  authority('Basildon Borough Council', 'E07000066', 'BAS', 'Basildon', ['SS13', 'SS14', 'SS15', 'SS16'], 43, [58, 21, 21]),
  authority('Braintree District Council', 'E07000067', 'BRA', 'Braintree', ['CM7', 'CM77', 'CO9'], 64, [45, 23, 31]),
  authority('Brentwood Borough Council', 'E07000068', 'BRE', 'Brentwood', ['CM13', 'CM14', 'CM15'], 20, [50, 5, 45]),
  authority('Castle Point Borough Council', 'E07000069', 'CAS', 'Benfleet', ['SS7', 'SS8'], 24, [29, 42, 29]),
  authority('Chelmsford City Council', 'E07000070', 'CHE', 'Chelmsford', ['CM1', 'CM2', 'CM3'], 20, [30, 70, 0]),
  authority('Colchester City Council', 'E07000071', 'COL', 'Colchester', ['CO1', 'CO2', 'CO3', 'CO4'], 23, [30, 70, 0]),
  authority('Epping Forest District Council', 'E07000072', 'EPP', 'Epping', ['CM16', 'IG10', 'EN9'], 51, [53, 16, 31]),
  authority('Harlow Council', 'E07000073', 'HAR', 'Harlow', ['CM17', 'CM18', 'CM19', 'CM20'], 71, [82, 11, 7]),
  authority('Maldon District Council', 'E07000074', 'MAL', 'Maldon', ['CM9'], 52, [15, 69, 15]),
  authority('Rochford District Council', 'E07000075', 'ROC', 'Rochford', ['SS4', 'SS5', 'SS6'], 13, [62, 0, 38]),
  authority('Tendring District Council', 'E07000076', 'TEN', 'Clacton-on-Sea', ['CO15', 'CO16', 'CO12'], 62, [63, 19, 18]),
  authority('Uttlesford District Council', 'E07000077', 'UTT', 'Saffron Walden', ['CB10', 'CB11', 'CM6'], 50, [72, 18, 10]),
  authority('Southend-on-Sea City Council', 'E06000033', 'SOU', 'Southend-on-Sea', ['SS0', 'SS1', 'SS2', 'SS3', 'SS9'], 15, [20, 27, 53]),
  authority('Thurrock Council', 'E06000034', 'THU', 'Grays', ['RM16', 'RM17', 'RM18', 'SS17'], 17, [12, 76, 12]),
]

function authority(
  name: string,
  onsCode: string,
  prefix: string,
  town: string,
  postcodeDistricts: string[],
  caseWeight: number,
  [council, otherService, self]: [number, number, number],
): DemoAuthority {
  return {
    name,
    onsCode,
    prefix,
    town,
    postcodeDistricts,
    caseWeight,
    referralRoutes: { proactive: council, partner_referral: otherService, self_referral: self },
  }
}

export const ESSEX_COUNTY_COUNCIL = { name: 'Essex County Council', onsCode: 'E10000012' } as const

/** The three providers that employed the Trailblazer mentors, and the districts each mentor covers. */
export const PROVIDERS: readonly { name: string; slug: string; mentors: readonly (readonly string[])[] }[] = [
  {
    name: 'Phoenix Futures',
    slug: 'phoenix-futures',
    mentors: [
      ['BAS', 'HAR', 'CAS'],
      ['EPP', 'HAR'],
      ['SOU', 'ROC'],
      ['THU', 'BRE'],
    ],
  },
  { name: 'Peabody', slug: 'peabody', mentors: [['BRA'], ['UTT', 'BRA'], ['CHE', 'MAL']] },
  { name: 'One Support', slug: 'one-support', mentors: [['COL'], ['TEN'], ['TEN', 'MAL', 'COL']] },
]

/** The public bodies with the duty to refer (s213B) that refer in the demonstration, and how often they do. */
export const REFERRING_BODIES: readonly {
  type: string
  name: string
  slug: string
  referrerRole: string
  emailDomain: string
  weight: number
}[] = [
  {
    type: 'hospital',
    name: 'Mid and South Essex NHS Foundation Trust',
    slug: 'hospital',
    referrerRole: 'Discharge coordinator',
    emailDomain: 'mse.nhs.example',
    weight: 30,
  },
  {
    type: 'prison',
    name: 'HMP Chelmsford',
    slug: 'prison',
    referrerRole: 'Resettlement officer',
    emailDomain: 'justice.example',
    weight: 15,
  },
  {
    type: 'probation',
    name: 'Probation Service, Essex',
    slug: 'probation',
    referrerRole: 'Probation officer',
    emailDomain: 'probation.example',
    weight: 20,
  },
  {
    type: 'jobcentre_plus',
    name: 'Jobcentre Plus, Essex',
    slug: 'jobcentre',
    referrerRole: 'Work coach',
    emailDomain: 'dwp.example',
    weight: 20,
  },
  {
    type: 'childrens_social_care',
    name: "Essex Children's Social Care",
    slug: 'childrens-services',
    referrerRole: 'Social worker',
    emailDomain: 'essex.example',
    weight: 15,
  },
  {
    type: 'adult_social_care',
    name: 'Essex Adult Social Care',
    slug: 'adult-social-care',
    referrerRole: 'Social worker',
    emailDomain: 'essex.example',
    weight: 8,
  },
]

export const PROGRAMME_NAME = 'Essex Homelessness Prevention Trailblazer'

export const FEMALE_GIVEN_NAMES: readonly string[] =
  'Jade Kirsty Stacey Emma Chloe Sophie Gemma Laura Danielle Amy Charlotte Hannah Leanne Natalie Rebecca Samantha Sarah Lauren Megan Aisha Fatima Amira Zainab Priya Agnieszka Monika Grace Ruth Joanne Michelle Tracey Karen Julie Maria Olivia Ellie Mia Chantelle Toni Jodie'.split(
    ' ',
  )

export const MALE_GIVEN_NAMES: readonly string[] =
  'Daniel Lee Craig Ryan Jamie Liam Callum Connor Jordan Dean Wayne Stuart Mark Paul Gary Darren Kevin Steven Michael James Tom Sam Mohammed Ahmed Kwame Tomasz Piotr Andrei Oliver Harry Jack George Alfie Reece Kyle Aaron Joe Ben Adam Chris'.split(
    ' ',
  )

export const FAMILY_NAMES: readonly string[] =
  'Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White Roberts Green Hall Wood Jackson Clarke Turner Hughes Cooper Hill Ward Morris King Baker Harris Lewis Osei Mensah Khan Ahmed Begum Patel Kowalski Nowak Popescu Okafor Price Shah Cole Reeves Walsh Murphy Kelly Fisher Barker Marsh'.split(
    ' ',
  )

export const STREETS: readonly string[] =
  'High Street|Church Road|Station Road|London Road|Victoria Road|Mill Lane|Park Avenue|The Crescent|Queens Road|Kings Road|Elm Close|Oak Drive|Chapel Lane|Market Street|Brook Way|Meadow View'.split(
    '|',
  )
