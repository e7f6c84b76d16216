// The eID engine's public surface.
export { EidEngine, type EngineOptions } from './engine';
export * from './errors';
export type { CardEvent, WatchOptions } from './events';
export { knownModulePaths, locateMiddleware } from './middleware';
export type * from './model';
export { eidPinPattern } from './model';
export type { DsaEncoding } from './signing';
