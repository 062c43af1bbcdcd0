export { createImportsRepo, type ImportsRepo } from './imports.repo';
export { createImportsService, type ImportsService, type ImportsDeps, type ImportProgress } from './imports.service';
export { importsRoutes } from './imports.routes';
export { importAchievementsCommand, type ImportCliOptions } from './imports.cli';
export { escapeFormula } from './imports.export';
export { readTable, type RawRecord, type RawTable } from './imports.parse';
