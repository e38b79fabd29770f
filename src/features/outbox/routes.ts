import { Router } from 'express'
import { formatDateTime, humanise } from '../../platform/formatting.ts'
import { requirePermission, requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { originOf } from '../../platform/http/origin.ts'
import { OUTBOX_PAGE_SIZE, type OutboxService } from './service.ts'

/** How each status reads to an administrator, and its tag's colour. */
const STATUS: Record<string, { text: string; colour: string }> = {
  queued: { text: 'Waiting to send', colour: 'grey' },
  sending: { text: 'Sending', colour: 'blue' },
  sent: { text: 'Sent', colour: 'green' },
  local: { text: 'Not sent (kept here)', colour: 'yellow' },
  failed: { text: 'Failed', colour: 'red' },
}

export function outboxRoutes(deps: { outbox: OutboxService }): Router {
  const router = Router()
  const administrators = [requireSignIn, requirePermission('outbox.read')]

  router.get('/admin/outbox', ...administrators, async (_req, res) => {
    const messages = await deps.outbox.recent(signedIn(res).actor)
    res.render('features/outbox/views/outbox.njk', {
      pageTitle: 'Outbox',
      messages: messages.map((m) => ({ ...m, statusTag: statusTag(m.status) })),
      pageSize: OUTBOX_PAGE_SIZE,
    })
  })

  router.get('/admin/outbox/:id', ...administrators, async (req, res) => {
    const message = await deps.outbox.read(signedIn(res).actor, String(req.params['id']), originOf(req))
    if (!message) throw new NotFoundError()
    const rows = [
      { key: { text: 'Queued' }, value: { text: formatDateTime(message.created_at) } },
      { key: { text: 'What' }, value: { text: humanise(message.kind) } },
      { key: { text: 'By' }, value: { text: message.channel === 'email' ? 'Email' : 'Text message' } },
      { key: { text: 'To' }, value: { text: message.recipient } },
      ...(message.channel === 'email' ? [{ key: { text: 'Subject' }, value: { text: message.subject } }] : []),
      { key: { text: 'Status' }, value: { text: statusTag(message.status).text } },
      ...(message.sent_at ? [{ key: { text: 'Sent' }, value: { text: formatDateTime(message.sent_at) } }] : []),
      ...(message.provider_id ? [{ key: { text: 'GOV.UK Notify id' }, value: { text: message.provider_id } }] : []),
      ...(message.error ? [{ key: { text: 'Problem' }, value: { text: message.error } }] : []),
    ]
    res.render('features/outbox/views/message.njk', {
      pageTitle: `Message: ${humanise(message.kind)}`,
      message,
      rows,
      // Paragraphs at blank lines, line breaks within them, as the recipient reads the plain text.
      paragraphs: message.body.split(/\r?\n\s*\r?\n/).map((paragraph) => paragraph.split(/\r?\n/)),
    })
  })

  return router
}

function statusTag(status: string): { text: string; classes: string } {
  const known = STATUS[status]
  return known ? { text: known.text, classes: `govuk-tag--${known.colour}` } : { text: humanise(status), classes: 'govuk-tag--grey' }
}
