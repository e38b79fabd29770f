import type { Migration } from './migration.ts'

/**
 * What happens during a review (Homelessness (Review Procedure etc.) Regulations 2018): the reviewer's
 * notice that they are minded to decide against the applicant despite a deficiency or irregularity in
 * the original decision (reg 7(2)), the applicant's representations in answer (reg 7(2)(b)), which
 * start a three-week review's period again (reg 9(1)(a)), and a longer period for the decision agreed
 * in writing (reg 9(1)). `decision_due_on` keeps the day the decision is then due. Each is recorded
 * once on the review's row (a later longer period replaces an earlier one); the case's timeline keeps
 * every step.
 */
export const reviewRepresentationsAndExtensions: Migration = {
  name: '0026_review_representations_and_extensions',
  statements: [
    `ALTER TABLE reviews
       ADD COLUMN minded_to_notified_on date,
       ADD COLUMN minded_to_reasons text,
       ADD COLUMN minded_to_by uuid REFERENCES users(id),
       ADD COLUMN representations_received_on date,
       ADD COLUMN representations_means text
         CHECK (representations_means IN ('orally', 'in_writing', 'orally_and_in_writing')),
       ADD COLUMN representations_summary text,
       ADD COLUMN extension_agreed_on date,
       ADD COLUMN extended_to date,
       ADD CONSTRAINT reviews_minded_to_complete
         CHECK ((minded_to_notified_on IS NULL) = (minded_to_reasons IS NULL) AND (minded_to_notified_on IS NULL) = (minded_to_by IS NULL)),
       ADD CONSTRAINT reviews_minded_to_after_request
         CHECK (minded_to_notified_on IS NULL OR minded_to_notified_on >= received_on),
       ADD CONSTRAINT reviews_representations_answer_minded_to
         CHECK (representations_received_on IS NULL
                OR (minded_to_notified_on IS NOT NULL AND representations_received_on >= minded_to_notified_on)),
       ADD CONSTRAINT reviews_representations_complete
         CHECK ((representations_received_on IS NULL) = (representations_means IS NULL)),
       ADD CONSTRAINT reviews_extension_complete
         CHECK ((extension_agreed_on IS NULL) = (extended_to IS NULL)),
       ADD CONSTRAINT reviews_extension_after_request
         CHECK (extension_agreed_on IS NULL OR (extension_agreed_on >= received_on AND extended_to >= extension_agreed_on))`,
  ],
}
