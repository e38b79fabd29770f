import type { Actor } from '../db/actor.ts'

/** The person signed in, as every page and the command line's --as see them. */
export interface CurrentUser {
  id: string
  email: string
  displayName: string
  role: 'caseworker' | 'team_manager' | 'referrer' | 'analyst' | 'administrator'
  organisationId: string
  organisationName: string
  organisationType: string
}

/** The actor a signed-in person acts as: their organisation and role, for row-level security and the audit trail. */
export function actorOf(user: CurrentUser): Extract<Actor, { kind: 'user' }> {
  return {
    kind: 'user',
    userId: user.id,
    organisationId: user.organisationId,
    role: user.role,
    label: `${user.displayName} (${user.organisationName})`,
  }
}
