// Navigation over a host's interface names: definition, references, rename, symbols, links, code
// lenses and inlay hints. Pure functions of a WorkspaceModel (no I/O, no `vscode` import); every
// function returns an empty result on odd input instead of throwing — except rename(), which throws
// an Error with a user-facing message when the new name is refused.
export { definition, references, documentLinks } from './goto';
export { prepareRename, rename, newNameProblem } from './rename';
export type { RenameOptions } from './rename';
export { documentSymbols, workspaceSymbols } from './symbols';
export type { WorkspaceSymbolOptions } from './symbols';
export { codeLenses, inlayHints, SHOW_REFERENCES } from './lenses';
export type { CodeLensOptions } from './lenses';
