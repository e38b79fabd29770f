import type { SystemActor } from './audit.ts'

export type Values = Record<string, string | boolean | string[] | undefined>

/**
 * What a command works with: the same services as the pages (those it names in `S`), acting as the
 * system. The command line gives every command all of them.
 */
export interface CommandContext<S = unknown> {
  services: S
  actor: SystemActor
  out: (line: string) => void
  /** Progress and other lines for the person watching, apart from the command's output. */
  err: (line: string) => void
}

export interface Command<S = unknown> {
  name: string
  usage: string
  summary: string
  options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>
  required?: string[]
  positionals?: boolean
  run(values: Values, context: CommandContext<S>): Promise<void>
}

/** The command was asked wrongly (a missing argument): exit status 2, with the command's usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}
