export { createImportsRepo, type ImportsRepo } from './imports.repo';
export { createImportsService, type ImportsService, type ImportsDeps, type ImportProgress } from './imports.service';
export { importsRoutes } from './imports.routes';
export { importAchievementsCommand, type ImportCliOptions } from './imports.cli';
export { escapeFormula } from './imports.export';
export { readTable, type RawRecord, type RawTable } from './imports.parse';
export { headerIndex, matchHeaders, normaliseHeader } from './imports.headers';
export { acceptUploads, refuseOversizedUpload, uploadedBytes, JSONL_UPLOAD_TYPES, TABLE_UPLOAD_TYPES, type UploadBody } from './imports.upload';
