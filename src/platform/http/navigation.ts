import type { CurrentUser } from '../current-user.ts'

export interface NavigationItem {
  href: string
  text: string
  active?: boolean
}

type Role = CurrentUser['role']

/** The menu each role sees: only the places that role can use. */
const MENU: readonly { href: string; text: string; roles: readonly Role[] }[] = [
  { href: '/', text: 'Home', roles: ['caseworker', 'team_manager', 'referrer', 'analyst', 'administrator'] },
  { href: '/cases', text: 'Cases', roles: ['caseworker', 'team_manager', 'analyst'] },
  { href: '/referrals', text: 'Referrals', roles: ['caseworker', 'team_manager', 'referrer'] },
  { href: '/referrals/figures', text: 'Referral figures', roles: ['analyst'] },
  { href: '/hclic', text: 'Statutory return', roles: ['team_manager', 'analyst'] },
  { href: '/monitoring', text: 'Monitoring and evaluation', roles: ['team_manager', 'analyst'] },
  { href: '/admin/audit', text: 'Audit trail', roles: ['administrator'] },
  { href: '/admin/outbox', text: 'Outbox', roles: ['administrator'] },
]

export function navigationFor(role: Role, currentPath: string): NavigationItem[] {
  return MENU.filter((item) => item.roles.includes(role)).map((item) => ({
    href: item.href,
    text: item.text,
    active: item.href === '/' ? currentPath === '/' : currentPath === item.href || currentPath.startsWith(`${item.href}/`),
  }))
}
