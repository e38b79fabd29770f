import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { formBinding, given, listOf, readForm } from './form-commands.ts'

/** A form with one text field and one set of checkboxes, as a page binds them. */
const BINDING = formBinding({
  schema: z.object({ name: z.string().optional(), needs: z.array(z.string()) }),
  read: (form) => ({ input: { name: given(form['name']), needs: listOf(form['needs']) } }),
  fieldId: (path) => (path === 'needs' ? 'needs' : 'name'),
})

describe('reading a form whose fields are sent more than once', () => {
  // A field sent twice arrives as an array (application/x-www-form-urlencoded has no other way to say
  // it); read as one value it was blank, and an optional field was saved as empty.
  it.each([
    { sent: { name: 'Jade', needs: ['a', 'b'] }, read: { command: { name: 'Jade', needs: ['a', 'b'] } } },
    { sent: { name: 'Jade', needs: 'a' }, read: { command: { name: 'Jade', needs: ['a'] } } },
    {
      sent: { name: ['Jade', 'Leo'], needs: [] },
      read: { refusals: [{ path: '', message: 'The field "name" was sent more than once: it takes one value' }] },
    },
    {
      sent: { name: 'Jade', needs: 'a', version: ['1', '2'] },
      read: { refusals: [{ path: '', message: 'The field "version" was sent more than once: it takes one value' }] },
    },
  ])('$sent', ({ sent, read }) => {
    expect(readForm(BINDING, sent)).toEqual(read)
  })
})
