/** The package's root folder; see config/packageRoot.ts. */
export { packageRoot } from '../config/packageRoot.js';
