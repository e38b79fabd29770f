import type { Request, Response } from 'express'
import type { z } from 'zod'
import type { Actor } from '../../db/actor.ts'
import type { Origin } from '../../platform/audit.ts'
import { signedIn } from '../../platform/http/authentication.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { errorsOn, withCommand, type FormBinding } from '../../platform/http/form-commands.ts'
import type { FormError } from '../../platform/forms.ts'
import { originOf } from '../../platform/http/origin.ts'
import type { Refusal } from '../../platform/commands.ts'
import type { StepResult } from './kernel.ts'

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
  const result = await withCommand(step.binding, form, (command) => step.give(signedIn(res).actor, reference, command, originOf(req)))
  if (result.outcome === 'not_found') throw new NotFoundError()
  if (result.outcome === 'recorded') {
    res.redirect(303, step.next(reference))
    return
  }
  const refused = refusalShown(step.binding, result)
  await step.show(reference, form, refused.errors, refused.status)
}

/** A refused command as its page shows it: the refusals on the form's fields (400), or another officer's change first (409). */
export function refusalShown(
  binding: Pick<FormBinding, 'fieldId'>,
  result: { outcome: 'invalid'; refusals: Refusal[] } | { outcome: 'conflict' },
): { errors: FormError[]; status: number } {
  return result.outcome === 'invalid'
    ? { errors: errorsOn(binding, result.refusals), status: 400 }
    : {
        errors: [{ href: '#main-content', text: 'Someone else changed this case while you were working on it. Check it, then try again.' }],
        status: 409,
      }
}
