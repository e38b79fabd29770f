/**
 * A request that cannot be carried out as asked. The message says why in plain English and is safe to
 * show to the person who asked: pages, the API and the command line all show it as it is.
 */
export class RefusedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RefusedError'
  }
}
