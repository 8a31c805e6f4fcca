export {
  PREVIEW_WORKSET,
  previewRunFile,
  runFileFor,
  runnerFiles,
  type RunnerFile,
  type RunnerFilesInput,
} from './runner-files.ts';
export {
  DAYLILY_BRANCH,
  isMonitorFormat,
  readRunFile,
  runFileOf,
  targetOfDyR,
  writeRunFile,
  type RunFile,
  type RunFileInput,
  type RunFileResult,
} from './run-file.ts';
export { readInfoFile, writeInfoFile, type InfoFile } from './info-file.ts';
export { readStageSamples, writeStageSamples, type StageSamplesTable } from './stage-samples.ts';
export { readSentinelBody, readyBody, sentinelAt, SENTINELS, type Sentinel, type SentinelBody } from './sentinels.ts';
export {
  defaultExportUri,
  RUNNER_FILE_NAMES,
  WORKSET_ID_PATTERN,
  worksetFolder,
  type RunnerFileName,
} from './workset-folder.ts';
