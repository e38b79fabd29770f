/**
 * Likely duplicates: the same person referred again, by anyone, or already known as an applicant.
 * Officers decide; these are the resemblances worth putting side by side before a new approach.
 */
export interface PersonDetails {
  givenName: string
  familyName: string
  dateOfBirth: string | null
  phone?: string | null
  email?: string | null
  postcode?: string | null
}

/** How long after one referral another for the same person is "again, recently". */
export const DUPLICATE_WINDOW_DAYS = 90

export function resemblances(person: PersonDetails, other: PersonDetails): string[] {
  const reasons: string[] = []
  const family = letters(person.familyName)
  // A name with no letters left (all punctuation) says nothing about being family.
  const sameFamily = family !== '' && family === letters(other.familyName)
  const sameBirth = person.dateOfBirth !== null && person.dateOfBirth === other.dateOfBirth
  if (sameBirth && sameFamily && similarGiven(person.givenName, other.givenName)) reasons.push('Same name and date of birth')
  else if (sameBirth && sameFamily) reasons.push('Same last name and date of birth')
  else if (sameBirth && similarGiven(person.givenName, other.givenName)) reasons.push('Same first name and date of birth')
  const phone = digits(person.phone)
  if (phone.length >= 7 && phone === digits(other.phone)) reasons.push('Same phone number')
  const email = person.email?.trim().toLowerCase()
  if (email && email === other.email?.trim().toLowerCase()) reasons.push('Same email address')
  const postcode = compact(person.postcode)
  if (postcode && sameFamily && postcode === compact(other.postcode)) reasons.push('Same last name and postcode')
  return reasons
}

/** "Sam" and "Samantha", "Jon" and "Jonathan": the shorter starts the longer, or they are the same. */
function similarGiven(a: string, b: string): boolean {
  const [x, y] = [letters(a), letters(b)]
  if (x === '' || y === '') return false
  const [short, long] = x.length <= y.length ? [x, y] : [y, x]
  return short.length >= 3 ? long.startsWith(short) : short === long
}

/** Letters of any alphabet, accents taken off ("José" is "jose"): a-z only would make "Шевченко" and "Коваленко" both "". */
function letters(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '')
}

function digits(phone: string | null | undefined): string {
  const all = (phone ?? '').replace(/\D/g, '')
  // +44 7700 900123 and 07700 900123 are the same number.
  return all.startsWith('44') && all.length === 12 ? `0${all.slice(2)}` : all
}

function compact(postcode: string | null | undefined): string {
  return (postcode ?? '').replace(/\s/g, '').toUpperCase()
}
