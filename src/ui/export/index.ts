export { FlinkExportButton } from './FlinkExportButton';
