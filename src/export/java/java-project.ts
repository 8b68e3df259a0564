/** The Java target: a Maven project with pom.xml and one Main.java. */
import type { PipelineDocument } from '../../engine/pipeline/document';
import { resolveOptions, type ExportOptions, type ExportResult } from '../options';
import { generateMainJava, JAVA_PACKAGE } from './main-java';
import { pomXml } from './pom';

export const MAIN_JAVA_PATH = `src/main/java/${JAVA_PACKAGE.replace(/\./g, '/')}/Main.java`;

export function generateJavaProject(
  doc: PipelineDocument,
  options: Partial<ExportOptions> = {},
): ExportResult {
  const resolved = resolveOptions(options);
  const main = generateMainJava(doc, resolved);
  return {
    files: [
      { path: 'pom.xml', content: pomXml(doc.name, `${JAVA_PACKAGE}.Main`, resolved) },
      { path: MAIN_JAVA_PATH, content: main.content },
    ],
    unsupported: main.unsupported,
  };
}
