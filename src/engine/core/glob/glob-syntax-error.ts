/** The error gobwas returns when a pattern does not compile, with gobwas's message. */
export class GlobSyntaxError extends Error {
  constructor(public readonly pattern: string, public readonly reason: string) {
    super(reason);
    this.name = 'GlobSyntaxError';
  }
}
