import type { OwnerDb } from '../db/modes.ts'
import type { Clock } from './clock.ts'

/** What nearly every service works with: the database (through asActor and asSystem) and the one clock. */
export interface ServiceDeps {
  db: OwnerDb
  clock: Clock
}

/** A service of the platform or a feature, holding its database and clock. */
export abstract class Service {
  protected readonly db: OwnerDb
  protected readonly clock: Clock

  constructor(deps: ServiceDeps) {
    this.db = deps.db
    this.clock = deps.clock
  }
}
