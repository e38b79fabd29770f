import { Router } from 'express'

/** Pages anyone can read, signed in or not. */
export function pageRoutes(): Router {
  const router = Router()
  router.get('/cookies', (_req, res) => {
    res.render('features/pages/views/cookies.njk', { pageTitle: 'Cookies' })
  })
  router.get('/privacy', (_req, res) => {
    res.render('features/pages/views/privacy.njk', { pageTitle: 'Privacy notice' })
  })
  router.get('/accessibility', (_req, res) => {
    res.render('features/pages/views/accessibility.njk', { pageTitle: 'Accessibility statement' })
  })
  return router
}
