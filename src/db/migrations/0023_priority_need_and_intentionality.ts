import type { Migration } from './migration.ts'

/**
 * Priority need (s189) and intentionality (s191) as the authority last decided them on a case, with the
 * reasons for a finding of intentional homelessness the applicant must be told (s184(3)); each decision
 * that records them keeps its own codes in its timeline event. An interim placement (s188(1)) keeps the
 * reason to believe it was owed: may be homeless, eligible, and in which priority need.
 *
 * The columns are on the tables they describe, so the case's and the placement's row-level policies
 * (0001, 0002, 0011; their roles since 0021) cover them. Nothing is filled in for what was recorded
 * before: null is "not recorded", which the statutory return reports as not known.
 */
export const priorityNeedAndIntentionality: Migration = {
  name: '0023_priority_need_and_intentionality',
  statements: [
    `ALTER TABLE cases
       ADD COLUMN priority_need text,
       ADD COLUMN intentionality text
         CONSTRAINT cases_intentionality_known CHECK (intentionality IN ('not_intentionally_homeless', 'intentionally_homeless')),
       ADD COLUMN intentionality_reasons text,
       ADD CONSTRAINT cases_intentionality_reasons_when_intentional
         CHECK (intentionality_reasons IS NULL OR intentionality = 'intentionally_homeless')`,
    `ALTER TABLE accommodation_placements
       ADD COLUMN reason_to_believe text[],
       ADD COLUMN apparent_priority_need text,
       ADD CONSTRAINT accommodation_placements_reason_to_believe_for_interim
         CHECK (duty = 's188' OR (reason_to_believe IS NULL AND apparent_priority_need IS NULL))`,
  ],
}
