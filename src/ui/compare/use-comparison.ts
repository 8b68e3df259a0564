/**
 * Runs the comparison while compare mode is open: the setup is filled from the pipeline when
 * it opens, and every change of the setup, the document or the run bar's seed, parallelism
 * or state backend runs A and B again. Closing ends the worker's runs.
 */
import { useEffect } from 'react';
import type { PipelineDocument } from '../../engine/pipeline/document';
import { selectConfig, useRunStore } from '../run';
import { compareRunner } from './app-compare';
import { selectOpen, selectRequestedKind, selectSetup, useCompare } from './compare-store';
import { availableKinds, defaultSetup } from './variants';

export function useComparison(doc: PipelineDocument): void {
  const open = useCompare(selectOpen);
  const setup = useCompare(selectSetup);
  const requested = useCompare(selectRequestedKind);
  const { seed, parallelism, stateBackend } = useRunStore(selectConfig);

  useEffect(() => {
    if (!open || setup !== null) return;
    const kinds = availableKinds(doc);
    useCompare
      .getState()
      .setSetup(defaultSetup(doc, kinds.includes(requested) ? requested : 'time'));
  }, [open, setup, doc, requested]);

  useEffect(() => {
    if (!open || setup === null) return;
    let current = true;
    const store = useCompare.getState();
    store.started();
    const config = {
      time: 'event' as const,
      speed: 'max' as const,
      seed,
      parallelism,
      stateBackend,
    };
    void compareRunner()
      .compare(doc, config, setup, (side) => current && useCompare.getState().runningSide(side))
      .then((result) => {
        if (!current) return;
        if (result.ok) useCompare.getState().finished(setup, result.comparison, result.sides);
        else if (result.side !== null) useCompare.getState().failed(result.side, result.message);
      });
    return () => {
      current = false;
    };
  }, [open, setup, doc, seed, parallelism, stateBackend]);

  useEffect(() => {
    if (!open) return;
    return () => void compareRunner().end();
  }, [open]);
}
