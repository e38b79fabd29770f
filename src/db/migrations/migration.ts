/** A forward-only migration: SQL statements run in order, in one transaction. Never edit one that has shipped. */
export interface Migration {
  name: string
  statements: string[]
}
