/** Offline ApplicationSet expansion and Argo CD's template rendering (Render.Replace). */
export { expandApplicationSet, generateParamSets, renderModeOf, AppSetExpansionError, mergeTemplates } from './expand-application-set';
export type { ExpandInputs, GeneratedParams } from './expand-application-set';
export type { RemoteParams } from './generators/remote';
export { replace, replaceDeep, renderApplication, applyTemplatePatch, AppSetRenderError, Params } from './render';
export type { ParamSet, RenderMode, AppSetTemplate } from './render';
export { flattenParams, selectorMatches, selectorError, sprintV } from './selector';
