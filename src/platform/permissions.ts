import type { Actor } from '../db/actor.ts'

/** Every role an actor can have: staff roles, a partner system's key, and a member of the public. */
export type Role = Actor['role']

/**
 * Who may do what: the one table that route guards, services and the command line read, and against
 * which the database policies' role lists are checked (permissions.int.test.ts). A permission missing
 * here for a role is refused everywhere, so a page, its API and `--as` on the command line agree.
 */
export const PERMISSIONS = {
  /** Read a case and everything on it (not the personal-details file). */
  'case.read': ['caseworker', 'team_manager', 'analyst'],
  /** Record approaches, decisions, assessments, plans, letters, placements, reviews. */
  'case.change': ['caseworker', 'team_manager'],
  /** See the team's caseloads and name another officer. */
  'team.manage': ['team_manager'],
  /** Prepare, check and export the authority's statutory return, personal details included (audited). */
  'return.prepare': ['analyst', 'team_manager'],
  /** A programme's monitoring data, evaluation report, exports, imports and data quality. */
  'monitoring.read': ['analyst', 'team_manager'],
  /** The authority's (or programme's) performance indicators. */
  'performance.read': ['team_manager', 'analyst'],
  /** Counts of the referrals made to the authority (or the programme's authorities). */
  'referral.figures': ['caseworker', 'team_manager', 'analyst'],
  /** Make referrals and follow their own organisation's. */
  'referral.make': ['referrer', 'api_client'],
  /** Receive, accept and answer the referrals made to the authority. */
  'referral.receive': ['caseworker', 'team_manager'],
  /** Where referrals are announced and how fast they must be answered. */
  'referral.settings': ['team_manager', 'administrator'],
  /** Search the audit trail. */
  'audit.read': ['administrator'],
  /** Read the messages the platform has sent or keeps in its outbox. */
  'outbox.read': ['administrator'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof PERMISSIONS

export function may(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role)
}

export function rolesThatMay(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission]
}
