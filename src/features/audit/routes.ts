import { LocalDate, ZonedDateTime } from '@js-joda/core'
import { Router } from 'express'
import { LONDON } from '../../platform/clock.ts'
import { humanise } from '../../platform/formatting.ts'
import { requirePermission, requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import type { AuditService } from './service.ts'

const ACTIONS = [
  'view',
  'create',
  'update',
  'sign_in',
  'sign_in_failed',
  'sign_in_refused_locked',
  'sign_in_throttled',
  'sign_in_refused_disabled',
  'sign_out',
  'sessions_ended',
  'api_key_created',
  'organisation_added',
  'demo_seeded',
]

export function auditRoutes(deps: { audit: AuditService }): Router {
  const router = Router()

  router.get('/admin/audit', requireSignIn, requirePermission('audit.read'), async (req, res) => {
    const { actor } = signedIn(res)
    const query = req.query as Record<string, string | undefined>
    const form = {
      who: query['who'] ?? '',
      action: query['action'] ?? '',
      subjectId: query['subjectId'] ?? '',
      from: query['from'] ?? '',
      to: query['to'] ?? '',
    }
    const errors: { text: string; href: string }[] = []
    const from = parseDay(form.from, 'from', errors)
    const to = parseDay(form.to, 'to', errors)
    if (form.action && !ACTIONS.includes(form.action)) errors.push({ text: 'Choose an action from the list', href: '#action' })
    if (from && to && from.isAfter(to)) errors.push({ text: 'The ‘to’ date must be the same as or after the ‘from’ date', href: '#to' })
    const events =
      errors.length > 0
        ? []
        : await deps.audit.search(actor, {
            who: form.who || undefined,
            action: form.action || undefined,
            subjectId: form.subjectId || undefined,
            from: from ? startOfDay(from) : undefined,
            to: to ? startOfDay(to.plusDays(1)) : undefined,
            limit: 200,
          })
    res.status(errors.length > 0 ? 400 : 200).render('features/audit/views/search.njk', {
      pageTitle: 'Audit trail',
      form,
      errors,
      fieldErrors: Object.fromEntries(errors.map((e) => [e.href.slice(1), { text: e.text }])),
      actionItems: [
        { value: '', text: 'Any action' },
        ...ACTIONS.map((a) => ({ value: a, text: humanise(a), selected: form.action === a })),
      ],
      events,
    })
  })

  return router
}

function parseDay(value: string, field: string, errors: { text: string; href: string }[]): LocalDate | undefined {
  if (value.trim() === '') return undefined
  try {
    return LocalDate.parse(value.trim())
  } catch {
    errors.push({ text: `Enter the ‘${field}’ date as a real date, for example 2026-03-27`, href: `#${field}` })
    return undefined
  }
}

function startOfDay(day: LocalDate): Date {
  return new Date(ZonedDateTime.of(day.atStartOfDay(), LONDON).toInstant().toEpochMilli())
}
