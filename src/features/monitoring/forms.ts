import { formBinding, given } from '../../platform/http/form-commands.ts'
import { ReviewFlag } from './commands.ts'

/** The monitoring pages' forms: how each one's fields make its command, and which field each refusal is about. */

/** The data-quality page's review form of one flag: its reason field is the flag's own, as the page lists many. */
export const reviewFlagForm = (flagId: string) =>
  formBinding({
    schema: ReviewFlag,
    read: (form) => ({ input: { reason: given(form['reason']) } }),
    fieldId: () => `reason-${flagId}`,
  })
