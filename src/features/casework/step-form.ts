import type { Request, Response } from 'express'
import type { z } from 'zod'
import type { Actor } from '../../db/actor.ts'
import type { Origin } from '../../platform/audit.ts'
import { signedIn } from '../../platform/http/authentication.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { errorsOn, readForm, type FormBinding } from '../../platform/http/form-commands.ts'
import type { FormError } from '../../platform/forms.ts'
import { originOf } from '../../platform/http/origin.ts'
import { refusalOf, type StepResult } from '../case/kernel.ts'

/**
 * A case page's form for one step: reads the submitted form into the binding's command, gives it to
 * the service, and then either goes on to `next` or shows the page again (`show`) with the form as it
 * was sent and what was refused on its fields (400), or another officer's change first (409).
 */
export async function submitStep<S extends z.ZodType>(
  req: Request,
  res: Response,
  step: {
    binding: FormBinding<S>
    give(actor: Actor, reference: string, command: z.output<S>, origin: Origin): Promise<StepResult>
    next(reference: string): string
    show(reference: string, values: Record<string, unknown>, errors: FormError[], status: number): Promise<void>
  },
): Promise<void> {
  const reference = String(req.params['reference'])
  const form = req.body as Record<string, unknown>
  const read = readForm(step.binding, form)
  const result: StepResult =
    'refusals' in read
      ? { outcome: 'invalid', refusals: read.refusals, errors: [] }
      : await step.give(signedIn(res).actor, reference, read.command, originOf(req))
  if (result.outcome === 'not_found') throw new NotFoundError()
  if (result.outcome === 'recorded') {
    res.redirect(303, step.next(reference))
    return
  }
  if (result.outcome === 'conflict') {
    const refused = refusalOf(result)
    await step.show(reference, form, refused.errors, refused.status)
    return
  }
  await step.show(reference, form, errorsOn(step.binding, result.refusals ?? []), 400)
}
