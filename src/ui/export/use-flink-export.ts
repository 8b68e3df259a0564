/** The current pipeline exported with the current run configuration, recomputed as either changes. */
import { useMemo } from 'react';
import {
  artifactId,
  generateFlinkSql,
  generateJavaProject,
  type ExportOptions,
  type ExportResult,
} from '../../export';
import { useEditor } from '../editor/store/editor-store';
import { selectDoc } from '../editor/store/selectors';
import { useRunStore } from '../run';
import { selectConfig } from '../run/store/selectors';
import { exportOptionsFrom } from './run-options';

export type ExportTarget = 'sql' | 'java';

export interface FlinkExport {
  options: ExportOptions;
  results: Record<ExportTarget, ExportResult>;
  /** The Maven project's folder and zip name. */
  projectName: string;
}

export function useFlinkExport(): FlinkExport {
  const doc = useEditor(selectDoc);
  const config = useRunStore(selectConfig);
  const options = useMemo(() => exportOptionsFrom(config), [config]);
  return useMemo(
    () => ({
      options,
      results: { sql: generateFlinkSql(doc, options), java: generateJavaProject(doc, options) },
      projectName: artifactId(doc.name),
    }),
    [doc, options],
  );
}
