import type { z } from 'zod'
import { SECTIONS, SECTION_ORDER } from '../../domain/assessment.ts'
import { CompleteAssessment, SECTION_COMMANDS, type SectionCommand } from '../assessment/commands.ts'
import { AssessmentView } from './case-schemas.ts'
import { CASE_OFFICERS, command, type Command, type Reading } from './commands.ts'

/** The assessment's commands and reading: the same AssessmentService methods as the assessment pages. */

const CONFLICT = 'Someone else has saved this assessment since that version. Read it again, then make your change.'

export const ASSESSMENT_COMMANDS: Command<unknown>[] = [
  ...SECTION_ORDER.map((section) =>
    command({
      operation: {
        path: `/cases/{reference}/assessment/sections/${section}`,
        summary: `Save the assessment’s section “${SECTIONS[section]}”`,
        description: 'Saved as a whole: what the section already held is replaced by what is sent.',
      },
      body: SECTION_COMMANDS[section] as z.ZodType<SectionCommand>,
      roles: CASE_OFFICERS,
      conflict: CONFLICT,
      run: ({ assessment }, officer, reference, answers, origin) => assessment.saveSection(officer, reference, section, answers, origin),
    }),
  ),
  command({
    operation: {
      path: '/cases/{reference}/assessment/completion',
      summary: 'Complete the assessment (s189A)',
      description: 'Once every section is complete. A section still to complete is named by the path sections.SECTION.',
    },
    body: CompleteAssessment,
    roles: CASE_OFFICERS,
    conflict: CONFLICT,
    run: ({ assessment }, officer, reference, completion, origin) => assessment.complete(officer, reference, completion, origin),
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
