/**
 * The executable grid model: a definition, a state, events and a pure `step`.
 * Properties, scenarios, the planner and reports read it; it reads none of them.
 */
export type {
  AotmDefinition,
  AutoRemovalDefinition,
  CategoryDefinition,
  ClusterDefinition,
  ClusterId,
  ClusterKind,
  CopyPoint,
  CopyPolicyOverride,
  GridDefinition,
  HostDefinition,
  LinkDefinition,
  ManagementClassDefinition,
  ModelOptions,
  ScratchCategoryDefinition,
  TakeoverMode,
  TsscNetwork,
  WriteProtectDefinition,
} from './definition.js';
export { defaultModelOptions } from './definition.js';
export type { GridEvent, GridEventType } from './events.js';
export type { Observation, RefusalReason, StepResult, Surfaced } from './observations.js';
export type { ClusterCopy, ClusterStatus, GridState, MountState, OwnershipToken, QueuedCopy, TakeoverSetting, VolumeState } from './state.js';
export { initialState } from './initial.js';
export { step } from './step.js';
export { gridStates, gridStateNames, type GridStateCode } from './gridStates.js';
export { classDefinedOn, dualOwnedVolumes, hasDiverged, nextDeadline, oldestUncopiedAge, readabilityThrough, type Readability } from './queries.js';
export { scratchCandidates } from './mount.js';
export { copySource } from './copies.js';
export { effectiveCopyPoints } from './selection.js';
export { cacheFreeMB, cacheFull, cacheUsedMB } from './cache.js';
export { canCommunicate, pairKey } from './topology.js';
export { devicesOnline, hostSiteLost } from './devices.js';
export { writeCapableOwners } from './ownership.js';
export { defineGrid, sketchCategories, type GridSketch } from './sketch.js';
export { runEvents, type TraceEntry } from './run.js';
export {
  completionMegabytes,
  exportingCluster,
  initialLibraryState,
  reclaimExported,
  runExport,
  type ExportLibraryState,
  type ExportRequest,
  type ExportResult,
  type ExportStatistics,
  type PoolDefinition,
  type StackedVolume,
  type TapeLibraryDefinition,
} from './copyExport.js';
export { compareCodeLevels, recoverFromExport, type DriveGeneration, type RecoveryRequest, type RecoveryResult, type RecoverySource, type RecoveryTarget } from './exportRecovery.js';
