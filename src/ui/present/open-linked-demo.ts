/**
 * The editor's side of "Open in editor": a `#demo=<id>&step=N` link opens that demo as a
 * project of its own, editable, at its step; the fragment is dropped so a reload does not
 * open it again.
 */
import { demos, type DemoPlayer } from '../demos';
import { editorDemoTarget } from './present-link';

export async function openLinkedDemo(player: DemoPlayer): Promise<void> {
  const target = editorDemoTarget(location.hash);
  if (target === null) return;
  history.replaceState(null, '', location.pathname + location.search);
  const demo = demos.find((d) => d.id === target.demo);
  if (demo === undefined) return;
  await player.open(demo);
  if (target.step > 0) await player.goTo(Math.min(target.step, demo.steps.length - 1));
}
