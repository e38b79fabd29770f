import { argon2, randomBytes, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

const argon2Async = promisify(argon2)

// OWASP's recommended minimum for Argon2id: 19 MiB of memory, 2 passes, 1 lane.
const PARAMETERS = { memory: 19456, passes: 2, parallelism: 1, tagLength: 32 } as const

/** Hashes a password with Argon2id, in the PHC string format so parameters can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const nonce = randomBytes(16)
  const hash = await argon2Async('argon2id', { message: password, nonce, ...PARAMETERS })
  return `$argon2id$v=19$m=${String(PARAMETERS.memory)},t=${String(PARAMETERS.passes)},p=${String(PARAMETERS.parallelism)}$${nonce.toString('base64url')}$${hash.toString('base64url')}`
}

const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = PHC.exec(stored)
  if (!match) return false
  const [, memory, passes, parallelism, nonce, expected] = match as unknown as [string, string, string, string, string, string]
  const expectedBytes = Buffer.from(expected, 'base64url')
  const actual = await argon2Async('argon2id', {
    message: password,
    nonce: Buffer.from(nonce, 'base64url'),
    memory: Number(memory),
    passes: Number(passes),
    parallelism: Number(parallelism),
    tagLength: expectedBytes.length,
  })
  return timingSafeEqual(actual, expectedBytes)
}

/** A hash that matches no password, verified when the account does not exist so timing reveals nothing. */
export const UNMATCHABLE_HASH = '$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
