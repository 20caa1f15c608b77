export type { Glob } from './glob';
export { compileGlob, globMatch, globSyntaxError, GlobSyntaxError, GoPanic, quoteGlobMeta } from './glob';
