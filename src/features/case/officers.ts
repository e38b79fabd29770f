import { z } from 'zod'

/**
 * An officer named in a command (the officer to name on a case, the officer who made a decision under
 * review): by their id, as the pages' lists send it and `GET /api/v1/officers` gives it, or by their
 * email address, which a partner's case system already knows. Which officers there are is the
 * organisation's, and the service that reads the command looks the choice up among them.
 */
export function officerChoice(message: string) {
  return z
    .string({ error: message })
    .trim()
    .refine((value) => UUID.test(value) || EMAIL.test(value), message)
    .meta({ description: 'An officer of your organisation: their id (GET /officers) or their email address' })
}

/** The officer a command's choice names: by id, or by email address whatever its case. */
export function findOfficer<O extends { id: string; email: string }>(officers: readonly O[], choice: string | undefined): O | undefined {
  if (choice === undefined) return undefined
  const email = choice.toLowerCase()
  return officers.find((o) => o.id === choice || o.email.toLowerCase() === email)
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/
