// Knowledge base: the single source of truth for bonding modes, bonding options, ifcfg keys and
// modprobe.d syntax used by completion, hover and diagnostics. Pure data + small pure helpers.
export * from './parse';
export * from './modes';
export * from './options';
export * from './ifcfg-keys';
export * from './modprobe';
