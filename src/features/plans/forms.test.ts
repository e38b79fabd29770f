import { describe, expect, it } from 'vitest'
import { readCommand } from '../../platform/commands.ts'
import { errorsOn, readForm } from '../../platform/http/form-commands.ts'
import { AddSteps } from './commands.ts'
import { ACTIVITY_FORM, STEP_FORM, STEPS_FORM } from './forms.ts'

const step = (n: number, fields: Record<string, string>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${k}-${String(n)}`, v]))
const due = (n: number, day: string, month: string, year: string) => ({
  [`due-${String(n)}-day`]: day,
  [`due-${String(n)}-month`]: month,
  [`due-${String(n)}-year`]: year,
})

describe('the plan pages’ forms', () => {
  it('reads the repeated step fields into the command’s list, a blank step’s words as written', () => {
    const read = readForm(STEPS_FORM, {
      count: '2',
      version: '3',
      ...step(0, { owner: 'applicant', text: ' Register with agents ', library: 'register_letting_agents' }),
      ...due(0, '16', '3', '2026'),
      ...step(1, { owner: 'council', ownerName: 'Priya Shah', text: ' ' }),
      ...due(1, '9', '3', '2026'),
    })
    expect(read).toEqual({
      command: {
        steps: [
          { owner: 'applicant', text: 'Register with agents', due: '2026-03-16', library: 'register_letting_agents' },
          { owner: 'council', ownerName: 'Priya Shah', text: '', due: '2026-03-09' },
        ],
        version: 3,
      },
    })
  })

  it('numbers each step’s refusals as the page does, linked to its fields', () => {
    const read = readForm(STEPS_FORM, {
      count: '2',
      version: '3',
      ...step(0, { owner: '', text: 'Register' }),
      ...due(0, '16', '', '2026'),
      ...step(1, { owner: 'partner', text: 'Debt advice' }),
      ...due(1, '31', '2', '2026'),
    })
    if (!('refusals' in read)) throw new Error('read')
    expect(read.refusals).toEqual([
      { path: 'steps[0].due', message: 'Step 1: Due date must include a month' },
      { path: 'steps[0].owner', message: 'Step 1: select who is to take the step' },
      { path: 'steps[1].due', message: 'Step 2: Due date must be a real date' },
    ])
    expect(errorsOn(STEPS_FORM, read.refusals).map((e) => e.href)).toEqual(['#due-0-day', '#owner-0', '#due-1-day'])
  })

  it('refuses a count the page never sends as an out of date form, about the plan', () => {
    for (const count of ['', '0', 'x', '99']) {
      const read = readForm(STEPS_FORM, { count, version: '1' })
      expect(read).toEqual({ refusals: [{ path: 'steps', message: 'The form is out of date: open the plan again' }] })
      if ('refusals' in read) expect(errorsOn(STEPS_FORM, read.refusals)).toEqual([{ href: '#plan', text: read.refusals[0]?.message }])
    }
  })

  it('numbers nothing for a step changed on its own, and names its fields', () => {
    const read = readForm(STEP_FORM, { 'text-0': 'Register', ...due(0, '', '', ''), status: '', version: '2' })
    if (!('refusals' in read)) throw new Error('read')
    expect(read.refusals).toEqual([
      { path: 'due', message: 'Enter the due date' },
      { path: 'status', message: 'Select how the step is going' },
    ])
    expect(errorsOn(STEP_FORM, read.refusals).map((e) => e.href)).toEqual(['#due-0-day', '#status'])
  })

  it('lets the service tell a blank activity beside its date', () => {
    expect(
      readForm(ACTIVITY_FORM, { activity: '', doneBy: ' ', 'done-on-day': '2', 'done-on-month': '3', 'done-on-year': '2026' }),
    ).toEqual({
      command: { doneBy: '', date: '2026-03-02' },
    })
  })

  it('gives the API the same numbered refusals at the same paths', () => {
    const read = readCommand(AddSteps, {
      steps: [
        { owner: 'applicant', text: 'a', due: '2026-03-01' },
        { owner: 'x', text: 'b', due: '2026-02-30' },
      ],
      version: 1,
    })
    expect(read).toEqual({
      refusals: [
        { path: 'steps[1].owner', message: 'Step 2: select who is to take the step' },
        { path: 'steps[1].due', message: 'Step 2: Due date must be a real date' },
      ],
    })
  })
})
