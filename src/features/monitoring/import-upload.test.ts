import fs from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { boundaryOf, removeUpload, splitMultipart, UploadError, UploadTooLargeError, uploadFolder } from './import-upload.ts'

const dirs: string[] = []
afterAll(async () => {
  for (const dir of dirs) await removeUpload(dir)
})

const BOUNDARY = '----UpstreamBoundary7MA4YWxkTrZu0gW'
const CASES = 'case_ref,comments\r\nC1,"a\r\n------UpstreamBoundary7MA4 looks like a boundary but is not"\r\n'

function body(parts: { name: string; filename?: string; content: string }[], boundary = BOUNDARY): Buffer {
  const chunks = parts.map(
    (p) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}\r\n` +
      `${p.filename === undefined ? '' : 'Content-Type: text/csv\r\n'}\r\n${p.content}\r\n`,
  )
  return Buffer.from(`${chunks.join('')}--${boundary}--\r\n`)
}

const FORM = body([
  { name: '_csrf', content: 'token-123' },
  { name: 'programme', content: 'Essex Trailblazer' },
  { name: 'cases', filename: 'cases.csv', content: CASES },
  { name: 'activities', filename: 'C:\\Users\\me\\activities.csv', content: '' },
])

async function* inChunks(buffer: Buffer, size: number) {
  for (let i = 0; i < buffer.length; i += size) {
    await Promise.resolve()
    yield buffer.subarray(i, i + size)
  }
}

async function split(buffer: Buffer, size: number, maxBytes = 1_000_000) {
  const dir = await uploadFolder()
  dirs.push(dir)
  return splitMultipart(inChunks(buffer, size), BOUNDARY, dir, maxBytes)
}

describe('reading an uploaded form', () => {
  it('finds the boundary in the content type', () => {
    expect(boundaryOf(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY)
    expect(boundaryOf('multipart/form-data; charset=utf-8; boundary="quoted boundary"')).toBe('quoted boundary')
    expect(boundaryOf('application/x-www-form-urlencoded')).toBeNull()
    expect(boundaryOf(undefined)).toBeNull()
  })

  it.each([1, 2, 3, 7, 41, 64, 1000, 100_000])('keeps fields and writes files to disk, read in chunks of %i bytes', async (size) => {
    const upload = await split(FORM, size)
    expect(upload.fields).toEqual({ _csrf: 'token-123', programme: 'Essex Trailblazer' })
    expect(upload.files.map((f) => [f.field, f.filename, f.size])).toEqual([
      ['cases', 'cases.csv', Buffer.byteLength(CASES)],
      ['activities', 'activities.csv', 0],
    ])
    expect(fs.readFileSync(upload.files[0]?.path ?? '', 'utf8')).toBe(CASES)
    expect(upload.files.every((f) => f.path.startsWith(upload.dir))).toBe(true)
  })

  it('ignores a preamble and an epilogue', async () => {
    const upload = await split(Buffer.concat([Buffer.from('preamble\r\n'), FORM, Buffer.from('epilogue')]), 5)
    expect(upload.fields['programme']).toBe('Essex Trailblazer')
  })

  it('refuses a body larger than allowed', async () => {
    await expect(split(FORM, 10, 100)).rejects.toBeInstanceOf(UploadTooLargeError)
  })

  it('refuses a body that ends early, keeping the fields read before', async () => {
    const cut = FORM.subarray(0, FORM.indexOf('cases.csv') + 40)
    const error = await split(cut, 16).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UploadError)
    expect((error as UploadError).fields).toEqual({ _csrf: 'token-123', programme: 'Essex Trailblazer' })
  })

  it('refuses a part that is not a form field', async () => {
    const bad = Buffer.from(`--${BOUNDARY}\r\nContent-Type: text/plain\r\n\r\nx\r\n--${BOUNDARY}--\r\n`)
    await expect(split(bad, 8)).rejects.toThrow('a part has no form-data disposition')
  })

  it('refuses an over-long text field', async () => {
    await expect(split(body([{ name: 'programme', content: 'x'.repeat(20_000) }]), 1000)).rejects.toThrow(
      'The form field programme is too long',
    )
  })
})
