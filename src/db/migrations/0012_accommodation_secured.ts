import type { Migration } from './migration.ts'

/** The type of accommodation secured when a duty ends with accommodation (H-CLIC 4.8 / 5.8). */
export const accommodationSecured: Migration = {
  name: '0012_accommodation_secured',
  statements: [`ALTER TABLE cases ADD COLUMN accommodation_secured text`],
}
