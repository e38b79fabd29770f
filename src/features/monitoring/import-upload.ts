import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream, type WriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { RequestHandler, Response } from 'express'

/**
 * A data set uploaded through the import page: a `multipart/form-data` body read as it arrives, each
 * file written straight to a temporary folder (never held in memory) and each text field kept, small.
 * No multipart library is installed, and the form is simple, so this is a small splitter of our own
 * (RFC 7578): parts separated by CRLF "--" boundary, each with its headers, then its bytes.
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

const MAX_HEADER_BYTES = 16 * 1024
const MAX_FIELD_BYTES = 16 * 1024
const CRLF = Buffer.from('\r\n')
const HEADER_END = Buffer.from('\r\n\r\n')

/** The boundary named in a multipart Content-Type, or null. */
export function boundaryOf(contentType: string | undefined): string | null {
  const match = /^multipart\/form-data\s*;.*\bboundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType ?? '')
  return match?.[1] ?? match?.[2] ?? null
}

function dispositionOf(headers: string): { name: string; filename: string | null } {
  const line = headers.split('\r\n').find((h) => /^content-disposition\s*:/i.test(h))
  if (!line || !/:\s*form-data\b/i.test(line)) throw new UploadError('The upload is not a form (a part has no form-data disposition)')
  const name = /\bname="([^"]*)"/i.exec(line)?.[1]
  if (name === undefined) throw new UploadError('The upload is not a form (a part has no name)')
  const filename = /\bfilename="([^"]*)"/i.exec(line)?.[1] ?? null
  return { name, filename }
}

async function write(stream: WriteStream, chunk: Buffer): Promise<void> {
  if (chunk.length > 0 && !stream.write(chunk)) await once(stream, 'drain')
}

async function close(stream: WriteStream): Promise<void> {
  stream.end()
  await once(stream, 'finish')
}

/**
 * Splits a multipart body into fields and files in `dir`, refusing more than `maxBytes` in all. The
 * body is prefixed with CRLF so the first boundary is found like every other one.
 */
export async function splitMultipart(
  body: AsyncIterable<Buffer | string>,
  boundary: string,
  dir: string,
  maxBytes: number,
): Promise<Upload> {
  const delimiter = Buffer.from(`\r\n--${boundary}`)
  const upload: Upload = { dir, fields: {}, files: [] }
  let pending: Buffer = CRLF
  // In an object, not a variable: the closures below change it, which TypeScript cannot follow.
  const part: {
    state: 'preamble' | 'after-delimiter' | 'headers' | 'body' | 'done'
    field: { name: string; chunks: Buffer[]; size: number } | null
    file: { record: UploadedFile; stream: WriteStream } | null
  } = { state: 'preamble', field: null, file: null }
  let total = 0

  const sink = async (chunk: Buffer) => {
    if (part.file) {
      part.file.record.size += chunk.length
      await write(part.file.stream, chunk)
    } else if (part.field) {
      part.field.size += chunk.length
      if (part.field.size > MAX_FIELD_BYTES) throw new UploadError(`The form field ${part.field.name} is too long`)
      part.field.chunks.push(chunk)
    }
  }
  const endPart = async () => {
    if (part.file) {
      await close(part.file.stream)
      upload.files.push(part.file.record)
      part.file = null
    } else if (part.field) {
      upload.fields[part.field.name] = Buffer.concat(part.field.chunks).toString('utf8')
      part.field = null
    }
  }

  const consume = async () => {
    for (;;) {
      if (part.state === 'preamble' || part.state === 'body') {
        const at = pending.indexOf(delimiter)
        if (at === -1) {
          // Keep enough to recognise a delimiter that straddles the next chunk.
          const keep = Math.min(pending.length, delimiter.length - 1)
          if (part.state === 'body') await sink(pending.subarray(0, pending.length - keep))
          pending = pending.subarray(pending.length - keep)
          return
        }
        if (part.state === 'body') {
          await sink(pending.subarray(0, at))
          await endPart()
        }
        pending = pending.subarray(at + delimiter.length)
        part.state = 'after-delimiter'
      }
      if (part.state === 'after-delimiter') {
        if (pending.length < 2) return
        const next = pending.subarray(0, 2).toString('latin1')
        if (next === '--') {
          part.state = 'done'
          return
        }
        // Transport padding (spaces or tabs) may follow a delimiter before its line ends.
        const lineEnd = pending.indexOf(CRLF)
        if (lineEnd === -1) {
          if (pending.length > 1024) throw new UploadError('The upload is not a well-formed form')
          return
        }
        if (pending.subarray(0, lineEnd).toString('latin1').trim() !== '') throw new UploadError('The upload is not a well-formed form')
        pending = pending.subarray(lineEnd + 2)
        part.state = 'headers'
      }
      if (part.state === 'headers') {
        const end = pending.indexOf(HEADER_END)
        if (end === -1) {
          if (pending.length > MAX_HEADER_BYTES)
            throw new UploadError('The upload is not a well-formed form (a part’s headers are too long)')
          return
        }
        const { name, filename } = dispositionOf(pending.subarray(0, end).toString('utf8'))
        pending = pending.subarray(end + HEADER_END.length)
        if (filename === null) part.field = { name, chunks: [], size: 0 }
        else {
          const target = path.join(dir, `${String(upload.files.length)}-${randomUUID()}.upload`)
          part.file = {
            record: { field: name, filename: filename.split(/[\\/]/).pop() ?? '', path: target, size: 0 },
            stream: createWriteStream(target, { flags: 'wx' }),
          }
        }
        part.state = 'body'
      }
      if (part.state === 'done') return
    }
  }

  try {
    for await (const chunk of body) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
      total += bytes.length
      if (total > maxBytes) throw new UploadTooLargeError(maxBytes)
      // After the closing delimiter comes only an epilogue: read to the end, and ignore it.
      if (part.state === 'done') continue
      pending = pending.length === 0 ? bytes : Buffer.concat([pending, bytes])
      await consume()
    }
    if (part.state !== 'done') throw new UploadError('The upload ended before the form was complete')
    return upload
  } catch (error) {
    const open: { stream: WriteStream } | null = part.file
    if (open) open.stream.destroy()
    if (error instanceof UploadError) error.fields = upload.fields
    throw error
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
 * `uploadOf(res)` (its files), before the CSRF check, so that the check reads the form's
 * token from the body exactly as it does for every other form. Only for a signed-in session: no one
 * else can make the server write a file. The folder is removed when the response ends unless the
 * import took it over (`claimed`).
 */
export function monitoringUploadParser(maxBytes: number): RequestHandler {
  return async (req, res, next) => {
    if (req.method !== 'POST' || req.path !== '/monitoring/import' || !req.is('multipart/form-data')) {
      next()
      return
    }
    if (req.session.userId === undefined) {
      next()
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
      next()
    } catch (error) {
      if (!(error instanceof UploadError)) {
        next(error)
        return
      }
      // Said on the form, once the CSRF check has passed on the fields read before the problem.
      holder.error = error.message
      req.body = error.fields
      next()
    }
  }
}
