/**
 * A Go panic, reproduced: where a ported Go library panics (gobwas/glob on some pattern/text
 * pairs, expr's runtime on a bad operation), our port throws this, with Go's panic message, so a
 * caller can tell "Argo CD would crash or fail here" from a bug of ours.
 */
export class GoPanic extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoPanic';
  }
}
