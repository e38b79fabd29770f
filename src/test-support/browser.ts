import request from 'supertest'
import type express from 'express'
import { PASSWORD } from './world.ts'

export type Agent = ReturnType<typeof request.agent>

/** The CSRF token of the first form on a page, read as a browser would submit it. */
export function csrfTokenOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html)
  if (!match?.[1]) throw new Error('no CSRF token on the page')
  return match[1]
}

/** A cookie-keeping client that has signed in through the sign-in form. */
export async function signedInAgent(app: express.Express, email: string, password = PASSWORD): Promise<Agent> {
  const agent = request.agent(app)
  const page = await agent.get('/sign-in')
  const response = await agent
    .post('/sign-in')
    .type('form')
    .send({ email, password, _csrf: csrfTokenOf(page.text) })
  if (response.status !== 303) throw new Error(`sign-in as ${email} failed with ${String(response.status)}`)
  return agent
}
