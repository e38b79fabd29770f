import { SECTIONS, SECTION_ORDER, type Section } from '../../domain/assessment.ts'
import { DATE_FIELDS } from '../assessment/assessment-form.ts'
import { AssessmentCompletionRequest, AssessmentView, sectionRequest } from './case-schemas.ts'
import { CASE_OFFICERS, camel, command, dateFields, type Command, type Reading } from './commands.ts'

/** The assessment's commands and reading: the same AssessmentService methods as the assessment pages. */

const CONFLICT = 'Someone else has saved this assessment since that version. Read it again, then make your change.'

/** A section's body as its form: dates in their three boxes, each person's needs as their checkboxes. */
function sectionForm(section: Section, body: Record<string, unknown>): Record<string, unknown> {
  const form: Record<string, unknown> = { action: body['complete'] === false ? 'later' : 'continue', version: String(body['version']) }
  for (const [key, value] of Object.entries(body)) {
    if (key === 'complete' || key === 'version') continue
    if ((DATE_FIELDS as readonly string[]).includes(key)) Object.assign(form, dateFields(value as string, camel(key)))
    else if (section === 'support_needs' && key === 'needs')
      for (const [personId, needs] of Object.entries(value as Record<string, string[]>))
        form[`needs-${personId}`] = needs.length === 0 ? ['none'] : needs
    else form[key] = typeof value === 'number' ? String(value) : value
  }
  return form
}

/** A section's error href as the body's path: `#noticeServedOn-day` is noticeServedOn, `#needs-ID` is needs.ID. */
function sectionPath(href: string): string {
  const field = href.replace(/^#/, '')
  if (field.startsWith('needs-')) return `needs.${field.slice('needs-'.length)}`
  return field.replace(/-day$/, '')
}

export const ASSESSMENT_COMMANDS: Command<unknown>[] = [
  ...SECTION_ORDER.map((section) =>
    command({
      operation: {
        path: `/cases/{reference}/assessment/sections/${section}`,
        summary: `Save the assessment’s section “${SECTIONS[section]}”`,
        description: 'Saved as a whole: what the section already held is replaced by what is sent.',
      },
      body: sectionRequest(section),
      toForm: (b) => sectionForm(section, b as Record<string, unknown>),
      fields: sectionPath,
      roles: CASE_OFFICERS,
      conflict: CONFLICT,
      run: ({ assessment }, officer, reference, form, origin) => assessment.saveSection(officer, reference, section, form, origin),
    }),
  ),
  command({
    operation: {
      path: '/cases/{reference}/assessment/completion',
      summary: 'Complete the assessment (s189A)',
      description: 'Once every section is complete. A section still to complete is named by the path sections.SECTION.',
    },
    body: AssessmentCompletionRequest,
    toForm: (b) => ({ ...dateFields(b.date), version: String(b.version) }),
    fields: (href) =>
      href.startsWith('#section-') ? `sections.${href.slice('#section-'.length)}` : href === '#assessedOn-day' ? 'date' : '',
    roles: CASE_OFFICERS,
    conflict: CONFLICT,
    run: ({ assessment }, officer, reference, form, origin) => assessment.complete(officer, reference, form, origin),
  }),
]

export const ASSESSMENT_READINGS: Reading[] = [
  {
    operation: {
      path: '/cases/{reference}/assessment',
      summary: 'The assessment: each section’s status and answers',
      description: 'Reading the assessment is recorded in the audit trail.',
    },
    response: AssessmentView,
    roles: CASE_OFFICERS,
    async read({ assessment }, officer, { reference = '' }, origin) {
      const state = await assessment.view(officer, reference, origin)
      return (
        state && {
          reference: state.found.reference,
          version: state.version,
          assessedOn: state.assessedOn,
          sections: state.sections.map((s) => ({
            section: s.key,
            title: s.title,
            status: s.status,
            answers: (state.answers[s.key] as Record<string, unknown> | undefined) ?? null,
          })),
          incomplete: state.incomplete,
        }
      )
    },
  },
]
