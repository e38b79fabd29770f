import { Router } from 'express'
import { requireRole, requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { originOf } from '../accounts/routes.ts'
import type { ReferralService } from './service.ts'

export function referralRoutes(deps: { referrals: ReferralService }): Router {
  const router = Router()
  const { referrals } = deps

  router.get('/referrals', requireSignIn, requireRole('caseworker', 'team_manager', 'referrer'), async (_req, res) => {
    const { user, actor } = signedIn(res)
    const list = await referrals.list(actor)
    const made = user.role === 'referrer'
    res.render('features/referrals/views/list.njk', {
      pageTitle: made ? 'Your organisation’s referrals' : 'Referrals received',
      list,
      made,
    })
  })

  router.get('/referrals/:id', requireSignIn, requireRole('caseworker', 'team_manager', 'referrer'), async (req, res) => {
    const { user, actor } = signedIn(res)
    const referral = await referrals.view(actor, String(req.params['id']), originOf(req))
    if (!referral) throw new NotFoundError()
    res.render('features/referrals/views/referral.njk', {
      pageTitle: `Referral ${referral.reference}`,
      referral,
      made: user.role === 'referrer',
    })
  })

  return router
}
