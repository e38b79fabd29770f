import type { Migration } from './migration.ts'

/**
 * Two records that casework could not keep until now.
 *
 * A non-cooperation warning names the step in the personalised housing plan that the applicant refused
 * (s193B(2), (5)(a)). Warnings given before this kept the step only as the officer's words: they keep
 * them, with no step, as nothing in the words says which step of the plan they meant.
 *
 * Every approach records how the household came to the authority (the monitoring `referral_route`):
 * `self_referral`, `partner_referral` or `proactive`. Routes stored under the demonstration's longer
 * names are the same codes by another name. An approach recorded as "referred by another organisation"
 * was a partner's referral. An approach in person, by phone or by email without a route is left without
 * one: a walk-in may have been found by an outreach worker, so calling it a self-referral would invent
 * the very figure ("found early") the route is there to show. The approach page asks for it from now on.
 */
export const warningStepAndApproachRoute: Migration = {
  name: '0024_warning_step_and_approach_route',
  statements: [
    `ALTER TABLE non_cooperation_warnings ADD COLUMN plan_step_id uuid REFERENCES housing_plan_steps(id)`,

    `UPDATE cases SET referral_route = 'proactive' WHERE referral_route = 'identified_by_council_or_partner'`,
    `UPDATE cases SET referral_route = 'partner_referral' WHERE referral_route = 'referred_by_other_service'`,
    `UPDATE cases SET referral_route = 'partner_referral' WHERE referral_route IS NULL AND approach_channel = 'referral'`,
  ],
}
