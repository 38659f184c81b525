/**
 * The configuration file: format (zod schema and JSON Schema), loading, validation with every problem
 * at once, and the model definition built from a valid file.
 */
export { loadConfig, validateConfigText, type LoadedConfig, type RejectedConfig, type SectionPositions } from './load.js';
export { configJsonSchema, driveTypes, type GridConfigFile } from './schema.js';
export { configDefaults } from './definition.js';
export type { ConfigProblem, ConfigProblemCode } from './problems.js';
export { loadUnitParser, type Dimension, type LinkCapacity, type Quantity, type UnitParser } from './quantity.js';
export { buildVerifySetup, defaultVolumesPerHost, exhaustiveBoundsOf } from './verifySetup.js';
export { loadCatalog, referenceCatalogPath } from './catalog.js';
export { buildPlanInputs, configDataNotation, hourlyShare } from './planInputs.js';
export { starterConfig, type StarterAnswers } from './starter.js';
export { buildTapeLibraries } from './libraries.js';
