/** Export to Flink: the pipeline document as Flink SQL or as a Java DataStream project. */
export { generateFlinkSql, SQL_FILE } from './sql/flink-sql';
export { generateJavaProject, MAIN_JAVA_PATH } from './java/java-project';
export { artifactId } from './java/pom';
export {
  DEFAULT_EXPORT_OPTIONS,
  FLINK_VERSION,
  type CheckpointMode,
  type ExportedFile,
  type ExportOptions,
  type ExportResult,
  type FlinkStateBackend,
  type TimeMode,
  type Unsupported,
  type UnsupportedReason,
} from './options';
