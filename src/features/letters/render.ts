import path from 'node:path'
import nunjucks from 'nunjucks'
import { formatDate, humanise } from '../../platform/formatting.ts'
import type { LetterKind } from '../../domain/letters.ts'

/**
 * Letters are rendered from their own templates, outside any web request, so that a letter issued by
 * the command line or the API reads exactly as one issued from a page. Autoescaping is on: nothing an
 * officer or applicant typed can become markup in a letter.
 */
const templates = new nunjucks.Environment(new nunjucks.FileSystemLoader(path.join(import.meta.dirname, 'templates')), {
  autoescape: true,
  throwOnUndefined: false,
  trimBlocks: true,
  lstripBlocks: true,
})
templates.addFilter('date', formatDate)
templates.addFilter('humanise', humanise)

export function renderLetter(kind: LetterKind, context: Record<string, unknown>): { html: string; text: string } {
  const html = templates.render(`${kind}.njk`, context).trim()
  return { html, text: plainTextOf(html) }
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" }

/**
 * The plain-text copy of a letter, for email and for the record: the markup our own templates use
 * (headings, paragraphs, lists, definition lists) turned into lines. Only our templates' HTML comes
 * here, never markup from elsewhere.
 */
export function plainTextOf(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/(dt)>\s*/g, ': ')
    .replace(/<\/(p|h1|h2|h3|div|dl|header|article|li)>/g, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
