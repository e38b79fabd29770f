import type { Migration } from './migration.ts'

/**
 * Adult and children's social care are different partners with different duties, and the referral
 * figures counted every `social_services` organisation as children's services. An organisation whose
 * name says which side it is (domain/organisations.ts, socialCareSideOfName: "child" or "adult" in the
 * name, not both) becomes that side. One whose name says neither, or both, stays `social_services`,
 * now reported as "adult or children's not recorded": calling it children's would repeat the error
 * this corrects, and calling it adults' would invent another.
 */
export const socialCareSplit: Migration = {
  name: '0025_social_care_split',
  statements: [
    `UPDATE organisations SET type = 'childrens_social_care'
       WHERE type = 'social_services' AND lower(name) LIKE '%child%' AND lower(name) NOT LIKE '%adult%'`,
    `UPDATE organisations SET type = 'adult_social_care'
       WHERE type = 'social_services' AND lower(name) LIKE '%adult%' AND lower(name) NOT LIKE '%child%'`,
  ],
}
