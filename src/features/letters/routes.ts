import { Router, type Response } from 'express'
import { requirePermission, requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { originOf } from '../../platform/http/origin.ts'
import { formatDateTime, humanise } from '../../platform/formatting.ts'
import type { LettersService } from './service.ts'
import type { FormError } from '../../platform/forms.ts'
import { errorsOn, readForm } from '../../platform/http/form-commands.ts'
import { issueLetterForm } from './forms.ts'

/** A case's letters and notices: the list, one letter as issued (printable), and issuing a missing or corrected one. */
export function letterRoutes(deps: { letters: LettersService }): Router {
  const router = Router()
  const { letters } = deps
  const readers = [requireSignIn, requirePermission('case.read')]
  const issuers = [requireSignIn, requirePermission('case.change')]

  async function renderList(res: Response, reference: string, values: Record<string, unknown>, errors: FormError[], status = 200) {
    const found = await letters.ofCase(signedIn(res).actor, reference)
    if (!found) throw new NotFoundError()
    res.status(status).render('features/letters/views/letters.njk', {
      pageTitle: `Letters: case ${found.reference}`,
      found,
      values,
      errors,
      errorText: errors.map((e) => e.text).join('. '),
    })
  }

  router.get('/cases/:reference/letters', ...readers, async (req, res) => {
    await renderList(res, String(req.params['reference']), {}, [])
  })

  router.post('/cases/:reference/letters', ...issuers, async (req, res) => {
    const reference = String(req.params['reference'])
    const form = req.body as Record<string, unknown>
    // On the page each decision has its own form, so the refusals are shown on that form's reasons box.
    const binding = issueLetterForm(form['eventId'])
    const read = readForm(binding, form)
    const result =
      'refusals' in read
        ? ({ outcome: 'invalid', ...read } as const)
        : await letters.issueForEvent(signedIn(res).actor, reference, read.command, originOf(req))
    if (result.outcome === 'not_found') throw new NotFoundError()
    if (result.outcome === 'issued') {
      res.redirect(303, `/cases/${encodeURIComponent(reference)}/letters/${result.id}`)
      return
    }
    await renderList(res, reference, form, errorsOn(binding, result.refusals), 400)
  })

  router.get('/cases/:reference/letters/:id', ...readers, async (req, res) => {
    const { actor } = signedIn(res)
    const letter = await letters.read(actor, String(req.params['reference']), String(req.params['id']), originOf(req))
    if (!letter) throw new NotFoundError()
    const summaryRows = [
      {
        key: { text: 'Issued' },
        value: { text: `${formatDateTime(letter.issued_at)} by ${letter.issued_by_name ?? 'another organisation’s officer'}` },
      },
      { key: { text: 'Wording' }, value: { text: `${humanise(letter.kind)}, template version ${String(letter.template_version)}` } },
    ]
    if (letter.replaces_letter_id)
      summaryRows.push({ key: { text: 'Corrects' }, value: { text: 'An earlier letter on this case: see the list of letters' } })
    res.render('features/letters/views/letter.njk', { pageTitle: `${letter.title}: case ${letter.reference}`, letter, summaryRows })
  })

  return router
}
