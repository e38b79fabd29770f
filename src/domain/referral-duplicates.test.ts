import { describe, expect, it } from 'vitest'
import { resemblances, type PersonDetails } from './referral-duplicates.ts'

const samantha: PersonDetails = {
  givenName: 'Samantha',
  familyName: 'Taylor',
  dateOfBirth: '1990-04-01',
  phone: '07700 900123',
  email: 'sam@example.org',
  postcode: 'CM20 1AA',
}
/** Someone who shares nothing with Samantha Taylor. */
const stranger: PersonDetails = {
  givenName: 'Robert',
  familyName: 'Okafor',
  dateOfBirth: '1975-11-30',
  phone: '01279 000000',
  email: 'rob@example.net',
  postcode: 'SW1A 2AA',
}
/** Someone else with no contact details, changed as each row needs. */
const person = (more: Partial<PersonDetails>): PersonDetails => ({ ...stranger, phone: null, email: null, postcode: null, ...more })

describe('resemblances worth putting side by side', () => {
  it.each<[string, PersonDetails, PersonDetails, string[]]>([
    [
      'the same first name, last name and date of birth',
      person({ givenName: 'Samantha', familyName: 'Taylor', dateOfBirth: '1990-04-01' }),
      samantha,
      ['Same name and date of birth'],
    ],
    [
      'a shortened first name (Sam for Samantha)',
      person({ givenName: 'Sam', familyName: 'Taylor', dateOfBirth: '1990-04-01' }),
      samantha,
      ['Same name and date of birth'],
    ],
    [
      'names in another case, with spaces and punctuation',
      person({ givenName: ' SAMANTHA ', familyName: 'taylor', dateOfBirth: '1990-04-01' }),
      samantha,
      ['Same name and date of birth'],
    ],
    [
      'an apostrophe in one spelling only',
      person({ givenName: 'Siobhan', familyName: 'OBrien', dateOfBirth: '1990-04-01' }),
      person({ givenName: 'Siobhan', familyName: 'O’Brien', dateOfBirth: '1990-04-01' }),
      ['Same name and date of birth'],
    ],
    [
      'a hyphenated family name written with a space',
      person({ givenName: 'Amy', familyName: 'Smith-Jones', dateOfBirth: '1990-04-01' }),
      person({ givenName: 'Amy', familyName: 'Smith Jones', dateOfBirth: '1990-04-01' }),
      ['Same name and date of birth'],
    ],
    [
      'accents written or left out',
      person({ givenName: 'José', familyName: 'García', dateOfBirth: '1990-04-01' }),
      person({ givenName: 'Jose', familyName: 'Garcia', dateOfBirth: '1990-04-01' }),
      ['Same name and date of birth'],
    ],
    [
      'names in another alphabet, the same',
      person({ givenName: 'Олена', familyName: 'Шевченко', dateOfBirth: '1990-04-01' }),
      person({ givenName: 'Олена', familyName: 'Шевченко', dateOfBirth: '1990-04-01' }),
      ['Same name and date of birth'],
    ],
    [
      'two-letter first names that are the same',
      person({ givenName: 'Al', familyName: 'Taylor', dateOfBirth: '1990-04-01' }),
      person({ givenName: 'Al', familyName: 'Taylor', dateOfBirth: '1990-04-01' }),
      ['Same name and date of birth'],
    ],
    [
      'a first name of fewer than three letters is not taken as short for a longer one (Al, Alan)',
      person({ givenName: 'Al', familyName: 'Taylor', dateOfBirth: '1990-04-01' }),
      person({ givenName: 'Alan', familyName: 'Taylor', dateOfBirth: '1990-04-01' }),
      ['Same last name and date of birth'],
    ],
    [
      'different first names, same last name and date of birth',
      person({ givenName: 'Chris', familyName: 'Taylor', dateOfBirth: '1990-04-01' }),
      samantha,
      ['Same last name and date of birth'],
    ],
    [
      'same first name and date of birth, a new last name',
      person({ givenName: 'Samantha', familyName: 'Okafor', dateOfBirth: '1990-04-01' }),
      samantha,
      ['Same first name and date of birth'],
    ],
    ['the same phone number, with +44 for the 0', person({ phone: '+44 7700 900123' }), samantha, ['Same phone number']],
    ['the same phone number, spaced differently', person({ phone: '077-009-00123' }), samantha, ['Same phone number']],
    ['the same email address in another case', person({ email: ' Sam@Example.ORG ' }), samantha, ['Same email address']],
    [
      'the same postcode written without a space, same last name',
      person({ familyName: 'Taylor', postcode: 'cm201aa' }),
      samantha,
      ['Same last name and postcode'],
    ],
    [
      'everything the same, every reason in order',
      { ...samantha, givenName: 'Sam', phone: '+447700900123', email: 'SAM@example.org', postcode: 'CM201AA' },
      samantha,
      ['Same name and date of birth', 'Same phone number', 'Same email address', 'Same last name and postcode'],
    ],
  ])('%s', (_, one, other, reasons) => {
    expect(resemblances(one, other)).toEqual(reasons)
    expect(resemblances(other, one)).toEqual(reasons)
  })

  it.each<[string, PersonDetails, PersonDetails]>([
    ['different people', stranger, samantha],
    [
      'the same name, a different date of birth',
      person({ givenName: 'Samantha', familyName: 'Taylor', dateOfBirth: '1991-04-01' }),
      samantha,
    ],
    [
      'the same name, neither date of birth known',
      person({ givenName: 'Samantha', familyName: 'Taylor', dateOfBirth: null }),
      { ...samantha, dateOfBirth: null },
    ],
    [
      'the same first name spelled differently is not a shortening (Jon, John)',
      person({ givenName: 'Jon', familyName: 'Okafor', dateOfBirth: '1990-04-01' }),
      person({ givenName: 'John', familyName: 'Taylor', dateOfBirth: '1990-04-01' }),
    ],
    ['the same postcode, different last names', person({ postcode: 'CM20 1AA' }), samantha],
    ['the same short number of fewer than seven digits', person({ phone: '999 999' }), { ...samantha, phone: '999999' }],
    [
      'no phone numbers, no email addresses, no postcodes',
      person({ familyName: 'Taylor' }),
      { ...samantha, phone: null, email: null, postcode: null },
    ],
    ['empty phone numbers and email addresses', person({ phone: '', email: '' }), { ...samantha, phone: '', email: '' }],
    [
      'different names in another alphabet at the same postcode',
      person({ givenName: 'Олена', familyName: 'Шевченко', postcode: 'CM20 1AA' }),
      person({ givenName: 'Іван', familyName: 'Коваленко', postcode: 'CM20 1AA' }),
    ],
    [
      'different names in another alphabet with the same date of birth',
      person({ givenName: 'Олена', familyName: 'Шевченко', dateOfBirth: '1990-04-01' }),
      person({ givenName: 'Іван', familyName: 'Коваленко', dateOfBirth: '1990-04-01' }),
    ],
    [
      'family names with no letters in them say nothing about being family',
      person({ familyName: '-', postcode: 'CM20 1AA' }),
      person({ givenName: 'Chris', familyName: '.', postcode: 'CM20 1AA' }),
    ],
  ])('none for %s', (_, one, other) => {
    expect(resemblances(one, other)).toEqual([])
    expect(resemblances(other, one)).toEqual([])
  })
})
