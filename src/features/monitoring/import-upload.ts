import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { finished, pipeline } from 'node:stream/promises'
import busboy from 'busboy'
import type { RequestHandler, Response } from 'express'
import StreamSearch from 'streamsearch'
import { ForbiddenError } from '../../platform/http/authentication.ts'
import { unstorableInput } from '../../platform/http/bad-input.ts'
import type { Role } from '../../platform/permissions.ts'

/**
 * A data set uploaded through the import page: a `multipart/form-data` body read by busboy as it
 * arrives, each file written straight to a temporary folder (never held in memory) and each text
 * field kept, small.
 */

export interface UploadedFile {
  /** The form field's name. */
  field: string
  /** The name the browser gave, for messages only: it never chooses where the file is written. */
  filename: string
  path: string
  size: number
}

export interface Upload {
  dir: string
  fields: Record<string, string>
  files: UploadedFile[]
}

/** The upload cannot be read. `fields` holds the text fields read before the problem. */
export class UploadError extends Error {
  fields: Record<string, string> = {}
  constructor(message: string) {
    super(message)
    this.name = 'UploadError'
  }
}

/** Larger than allowed: shown as the service's "too large" page, like any other body over its limit. */
export class UploadTooLargeError extends Error {
  readonly type = 'entity.too.large'
  constructor(maxBytes: number) {
    super(`The files are too large: at most ${String(Math.floor(maxBytes / 1_000_000))} MB in all`)
    this.name = 'UploadTooLargeError'
  }
}

const MAX_FIELD_BYTES = 16 * 1024
/** The import form has two files and two fields; these leave room without letting a body fill the disk with empty files. */
const MAX_FILES = 8
const MAX_FIELDS = 32

/** Busboy's own errors, which it tells apart only by their message, said as this service says them. */
const BUSBOY_ERRORS: Record<string, string> = {
  'Unexpected end of form': 'The upload ended before the form was complete',
  'Unexpected end of file': 'The upload ended before the form was complete',
  'Malformed part header': 'The upload is not a well-formed form (a part’s headers are malformed or too long)',
}

/** The boundary named in a multipart Content-Type, or null. */
export function boundaryOf(contentType: string | undefined): string | null {
  const match = /^multipart\/form-data\s*;.*\bboundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType ?? '')
  return match?.[1] ?? match?.[2] ?? null
}

function asUploadError(error: unknown): unknown {
  if (error instanceof UploadError || !(error instanceof Error)) return error
  const message = BUSBOY_ERRORS[error.message]
  return message === undefined ? error : new UploadError(message)
}

/** Splits a multipart body into fields and files in `dir`, refusing more than `maxBytes` in all. */
export async function splitMultipart(
  body: AsyncIterable<Buffer | string>,
  boundary: string,
  dir: string,
  maxBytes: number,
): Promise<Upload> {
  const upload: Upload = { dir, fields: {}, files: [] }
  const parser = busboy({
    headers: { 'content-type': `multipart/form-data; boundary="${boundary}"` },
    // Browsers send file names as UTF-8; busboy's default would read them as Latin-1.
    defParamCharset: 'utf8',
    // Busboy marks a value truncated when it reaches the limit, so one more byte than is allowed.
    limits: { fieldSize: MAX_FIELD_BYTES + 1, fields: MAX_FIELDS, files: MAX_FILES },
  })
  // Busboy silently drops a part without a form-data disposition; counting the delimiters beside it
  // is the only way to notice one and refuse the form, as a form with a part missing is not the one sent.
  let delimiters = 0
  const search = new StreamSearch(`\r\n--${boundary}`, (isMatch) => {
    if (isMatch) delimiters++
  })
  search.push('\r\n')
  let fields = 0
  const writes: Promise<void>[] = []
  // In an object, not a variable: the listeners below change it, which TypeScript cannot follow.
  const state: { failure: Error | null } = { failure: null }
  const fail = (error: unknown) => {
    state.failure ??= error instanceof Error ? error : new Error(String(error))
    parser.destroy(state.failure)
  }
  // Listening from the start, so an error busboy emits while no one awaits is neither lost nor unhandled.
  const ended = finished(parser)
  ended.catch(fail)

  parser.on('field', (name: string | undefined, value, info) => {
    if (name === undefined) fail(new UploadError('The upload is not a form (a part has no name)'))
    else if (info.valueTruncated) fail(new UploadError(`The form field ${name} is too long`))
    else {
      fields++
      upload.fields[name] = value
    }
  })
  parser.on('file', (name: string | undefined, stream, info) => {
    if (name === undefined) {
      stream.resume()
      fail(new UploadError('The upload is not a form (a part has no name)'))
      return
    }
    const record: UploadedFile = {
      field: name,
      filename: info.filename ?? '',
      path: path.join(dir, `${String(upload.files.length)}-${randomUUID()}.upload`),
      size: 0,
    }
    upload.files.push(record)
    const file = createWriteStream(record.path, { flags: 'wx' })
    const written = pipeline(stream, file).then(() => {
      record.size = file.bytesWritten
    })
    written.catch(fail)
    writes.push(written)
  })
  parser.on('filesLimit', () => {
    fail(new UploadError(`The upload has too many files: at most ${String(MAX_FILES)}`))
  })
  parser.on('fieldsLimit', () => {
    fail(new UploadError(`The upload has too many fields: at most ${String(MAX_FIELDS)}`))
  })

  try {
    let total = 0
    for await (const chunk of body) {
      if (state.failure !== null) break
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
      total += bytes.length
      if (total > maxBytes) throw new UploadTooLargeError(maxBytes)
      search.push(bytes)
      // Waiting for busboy, which waits for the disk, keeps the body streaming rather than buffered.
      if (!parser.write(bytes)) await Promise.race([once(parser, 'drain'), ended])
    }
    if (state.failure === null) parser.end()
    await ended.catch(() => undefined)
    await Promise.allSettled(writes)
    if (state.failure !== null) throw state.failure
    // The closing delimiter ends the last part without starting another.
    if (delimiters - 1 > fields + upload.files.length)
      throw new UploadError('The upload is not a form (a part has no form-data disposition)')
    return upload
  } catch (error) {
    parser.destroy()
    await Promise.allSettled(writes)
    const refusal = asUploadError(error)
    if (refusal instanceof UploadError) refusal.fields = upload.fields
    throw refusal
  }
}

/** What the parser left for the import route: the upload, or why it could not be read. */
export interface UploadHolder {
  upload: Upload | null
  error: string | null
  /** Set by the import when it takes the files over (it removes them when it has finished). */
  claimed: boolean
}

/** Each response's upload, for the import route: kept beside the response, gone with it. */
const holders = new WeakMap<Response, UploadHolder>()

export function uploadOf(res: Response): UploadHolder | undefined {
  return holders.get(res)
}

/** A new private temporary folder for one upload. */
export async function uploadFolder(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'upstream-monitoring-upload-'))
}

export async function removeUpload(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true })
}

/**
 * Reads a multipart upload to the import page into `req.body` (its text fields) and
 * `uploadOf(res)` (its files). It runs after the session, the CSRF token (from the form's action URL
 * or a header, as the body is not read yet) and the signed-in person have been checked, so that no
 * one else can make the server write a byte: someone not signed in is left to the route (sent to sign
 * in), and a person whose role has no upload limit is refused before the body is read. The folder is
 * removed when the response ends unless the import took it over (`claimed`).
 */
export function monitoringUploadParser(limitFor: (role: Role) => number): RequestHandler {
  return async (req, res, next) => {
    if (req.method !== 'POST' || req.path !== '/monitoring/import' || !req.is('multipart/form-data')) {
      next()
      return
    }
    const user = res.locals.currentUser
    if (user === undefined) {
      next()
      return
    }
    const maxBytes = limitFor(user.role)
    if (maxBytes <= 0) {
      next(new ForbiddenError('You may not upload monitoring data'))
      return
    }
    const boundary = boundaryOf(req.get('content-type'))
    if (boundary === null) {
      next()
      return
    }
    if (Number(req.get('content-length') ?? '0') > maxBytes) {
      next(new UploadTooLargeError(maxBytes))
      return
    }
    const dir = await uploadFolder()
    const holder: UploadHolder = { upload: null, error: null, claimed: false }
    holders.set(res, holder)
    res.on('close', () => {
      if (!holder.claimed) void removeUpload(dir)
    })
    try {
      holder.upload = await splitMultipart(req, boundary, dir, maxBytes)
      req.body = holder.upload.fields
    } catch (error) {
      if (!(error instanceof UploadError)) {
        next(error)
        return
      }
      // Said on the form with the fields read before the problem.
      holder.error = error.message
      req.body = error.fields
    }
    // The text fields are held to what every other form is held to (refuseUnstorableInput ran before they were read).
    next(unstorableInput(req.body))
  }
}
