import * as path from 'path';

/** The vendored Argo CD v3.5.1 data (see README.md beside this file). */
export const UPSTREAM = path.join(__dirname, 'argo-cd-v3.5.1');
