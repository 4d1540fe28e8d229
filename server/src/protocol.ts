// Custom requests between the VS Code client and the server (beyond LSP). Types only: the client
// bundles this file too, so it must not import anything with side effects.

/** `bonding/topology`: every host the server indexed, with its bonds and their members. */
export const TopologyRequest = 'bonding/topology';

export interface TopologyParams {
  /** Limit to the host containing this document (optional). */
  uri?: string;
}

export interface TopologyMember {
  device: string;
  /** ifcfg file of the member, when one exists. */
  uri?: string;
  line?: number;
}

export interface TopologyBond {
  device: string;
  uri: string;
  /** Line of the DEVICE assignment (or 0). */
  line: number;
  mode: string;
  /** "miimon 100 ms", "ARP 1000 ms → 10.0.0.1", or "none". */
  monitoring: string;
  primary?: string;
  members: TopologyMember[];
}

export interface TopologyHost {
  /** Host root as a URI (the folder that holds etc/). */
  root: string;
  /** Display name: the root folder's path relative to the workspace folder. */
  name: string;
  bonds: TopologyBond[];
  /** Interfaces that are neither bonds nor members (for the New Bond member picker). */
  interfaces: { device: string; uri: string }[];
}

export interface TopologyResult {
  hosts: TopologyHost[];
}

/** `bonding/topologyChanged` (server → client notification): the topology may have changed. */
export const TopologyChangedNotification = 'bonding/topologyChanged';
