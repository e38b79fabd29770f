/**
 * What a case's free-text notes say happened, read for the two contradictions the evaluators found by
 * hand: a case closed as withdrawn whose notes say the eviction went ahead, and a case closed as
 * unsuccessful whose notes say the household walked away. A note is a hint for a person to check,
 * never evidence on its own, so the phrases are narrow and a negation or a not-yet ("bailiffs booked",
 * "eviction avoided", "not evicted") stops a phrase from counting.
 */

/** Phrases saying the household lost its home. */
const EVICTION_WENT_AHEAD = [
  /\bevicted\b/,
  /\bbailiffs?\b/,
  /\bpossession order (?:was )?(?:executed|enforced)\b/,
  /\bwarrant (?:of possession )?(?:was )?executed\b/,
  /\beviction (?:went|has gone|had gone) ahead\b/,
  /\beviction took place\b/,
  /\blost (?:the|their|her|his|its) (?:tenancy|home|accommodation)\b/,
  /\blocks (?:were )?changed\b/,
]

/** Phrases saying the household stopped taking the help, rather than the help failing. */
const HOUSEHOLD_WITHDREW = [
  /\bwithdrew from (?:the )?(?:service|support|programme|scheme)\b/,
  /\bwithdrew (?:their|her|his) (?:application|consent)\b/,
  /\b(?:client|household|applicant|tenant|customer) withdrew\b/,
  /\bdis-?engaged\b/,
  /\bstopped engaging\b/,
  /\b(?:did not|didn['’]t|failed to|would not|wouldn['’]t) engage\b/,
  /\bno longer (?:wanted|wants|needed|needs|requires|required) (?:help|support|assistance|the service)\b/,
  /\bmoved (?:away|out of (?:the )?area)\b/,
  /\blost contact\b/,
  /\b(?:declined|refused) (?:further |any )?(?:help|support|assistance)\b/,
]

/** Words just before a phrase that deny it or make it hypothetical ("not evicted", "could be evicted"). */
const DENIED_BEFORE =
  /\b(?:not|no|never|nor|without|avoid(?:ed|ing)?|prevent(?:ed|ing)?|stop(?:ped|ping)?|halt(?:ed)?|cancel(?:led)?|risk of|threat(?:ened)? (?:of|with)|facing|could|would|might|may|will|if|about to|due to be|nearly|almost)\b|n['’]t\b/

/** Words just after a phrase that undo it or say it has not happened yet ("bailiffs cancelled", "bailiffs booked"). */
const UNDONE_AFTER =
  /^\W*(?:\w+\W+){0,3}?(?:avoided|prevented|stopped|halted|cancell?ed|called off|postponed|adjourned|suspended|withdrawn|averted|booked|scheduled|due|not)\b/

/** How many words before a phrase a negation may stand and still govern it. */
const WORDS_BEFORE = 3

export function suggestsEvictionWentAhead(note: string | null): boolean {
  return note !== null && mentions(note, EVICTION_WENT_AHEAD)
}

export function suggestsHouseholdWithdrew(note: string | null): boolean {
  return note !== null && mentions(note, HOUSEHOLD_WITHDREW)
}

function mentions(note: string, phrases: readonly RegExp[]): boolean {
  // A clause at a time, so "not evicted, but lost the tenancy" still counts its second half.
  const clauses = note.toLowerCase().split(/[.;!?\n]|,|\bbut\b|\bhowever\b|\bthen\b/)
  return clauses.some((clause) =>
    phrases.some((phrase) => {
      const global = new RegExp(phrase.source, 'g')
      for (const match of clause.matchAll(global)) {
        const before = clause.slice(0, match.index).trim().split(/\s+/).slice(-WORDS_BEFORE).join(' ')
        const after = clause.slice(match.index + match[0].length)
        if (!DENIED_BEFORE.test(before) && !UNDONE_AFTER.test(after)) return true
      }
      return false
    }),
  )
}
