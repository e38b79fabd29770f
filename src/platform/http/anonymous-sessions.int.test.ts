import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { useWorld } from '../../test-support/world.ts'

describe.each(testDatabaseKinds())('sessions of people not signed in, on $name', (kind) => {
  const current = useWorld(kind)
  const sessions = async () =>
    Number(
      (
        await current()
          .db.selectFrom('sessions')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('stores none for a request that keeps nothing: a page without a form, a page not found', async () => {
    const before = await sessions()
    for (let i = 0; i < 20; i++) {
      expect((await request(current().app).get('/privacy')).status).toBe(200)
      expect((await request(current().app).get('/no-such-page')).status).toBe(404)
    }
    expect(await sessions()).toBe(before)
  })

  it('stores one for a form, whose token it must keep to check the form when it comes back', async () => {
    const before = await sessions()
    const page = await request(current().app).get('/sign-in')
    expect(page.text).toMatch(/name="_csrf" value="[^"]+"/)
    expect(await sessions()).toBe(before + 1)
  })
})
