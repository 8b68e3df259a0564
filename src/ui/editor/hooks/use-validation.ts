/**
 * Live validation: a short pause after each edit, the document goes to the engine worker's
 * validator; the answer is kept only if the document has not changed since.
 */
import { useEffect } from 'react';
import { engine } from '../../../worker/client';
import { useEditor } from '../store/editor-store';

export const VALIDATION_DELAY_MS = 150;

export function useValidation() {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const validate = async () => {
      const { doc, revision } = useEditor.getState();
      try {
        const problems = await engine().validate(doc);
        if (useEditor.getState().revision === revision) {
          useEditor.getState().setProblems(revision, problems);
        }
      } catch (error) {
        console.error('Validation failed', error);
      }
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void validate(), VALIDATION_DELAY_MS);
    };
    schedule();
    const unsubscribe = useEditor.subscribe((state, previous) => {
      if (state.doc !== previous.doc) schedule();
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, []);
}
