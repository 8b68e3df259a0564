import { ArrowLeft, ArrowRight, Check, LoaderCircle, X } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemoQuestion } from './demo';
import {
  selectAnswer,
  selectDemo,
  selectDryRun,
  selectMoving,
  selectStep,
  useDemos,
} from './demo-store';
import { DemoDryRun } from './DemoDryRun';
import { DemoHighlight } from './DemoHighlight';
import { pick } from './localized';
import { EmbedMenu } from '../present/EmbedMenu';
import { demoEmbedLink } from '../present/present-link';
import type { DemoPlayer } from './use-demo-player';

/** The guided player: a compact card with the current step, and the ring on what it is about. */
export function DemoStepCard({
  player,
  large = false,
}: {
  player: DemoPlayer;
  /** Presentation mode: large type, in the page's flow, and no closing or finishing. */
  large?: boolean;
}) {
  const { t, i18n } = useTranslation('demos');
  const demo = useDemos(selectDemo);
  const step = useDemos(selectStep);
  const moving = useDemos(selectMoving);
  const dryRun = useDemos(selectDryRun);
  const titleId = useId();
  if (demo === null) return null;
  const lng = i18n.resolvedLanguage;
  const current = demo.steps[step];
  if (current === undefined) return null;
  const last = step === demo.steps.length - 1;
  const title = pick(demo.title, lng);

  return (
    <>
      {current.highlight !== undefined && <DemoHighlight highlight={current.highlight} />}
      <section
        className={large ? 'demo-step demo-step--large' : 'demo-step'}
        aria-labelledby={titleId}
        data-testid="demo-player"
        data-step={step}
        data-moving={moving}
      >
        <header className="demo-step__header">
          <h2 id={titleId} className="demo-step__title" aria-label={t('player.label', { title })}>
            {title}
          </h2>
          {!large && (
            <EmbedMenu
              link={() => demoEmbedLink(location.href, demo.id, { language: lng, step })}
              title={title}
              testId="demo-embed"
              className="demo-step__embed"
            />
          )}
          {!large && (
            <button
              type="button"
              className="icon-button"
              onClick={player.close}
              aria-label={t('player.close')}
              title={t('player.close')}
              data-testid="demo-close"
            >
              <X size={16} aria-hidden="true" />
            </button>
          )}
        </header>
        <p className="demo-step__progress" data-testid="demo-progress">
          {t('player.progress', { n: step + 1, total: demo.steps.length })}
          {moving && (
            <span className="demo-step__moving" role="status">
              <LoaderCircle size={12} aria-hidden="true" className="spin" /> {t('player.moving')}
            </span>
          )}
        </p>
        <p className="demo-step__text" data-testid="demo-text">
          {pick(current.text, lng)}
        </p>
        {current.action === 'restoreSavepoint' && dryRun !== null && <DemoDryRun result={dryRun} />}
        {current.question !== undefined && <Question question={current.question} />}
        {last && (
          <p className="demo-step__outcome" data-testid="demo-outcome">
            <strong>{t('player.outcome')}</strong> {pick(demo.outcome.text, lng)}
          </p>
        )}
        <footer className="demo-step__footer">
          <button
            type="button"
            className="button"
            onClick={() => void player.goTo(step - 1)}
            disabled={step === 0}
            data-testid="demo-back"
          >
            <ArrowLeft size={14} aria-hidden="true" /> {t('player.back')}
          </button>
          {last ? (
            !large && (
              <button
                type="button"
                className="button button--primary"
                onClick={player.close}
                data-testid="demo-finish"
              >
                <Check size={14} aria-hidden="true" /> {t('player.finish')}
              </button>
            )
          ) : (
            <button
              type="button"
              className="button button--primary"
              onClick={() => void player.goTo(step + 1)}
              data-testid="demo-next"
            >
              {t('player.next')} <ArrowRight size={14} aria-hidden="true" />
            </button>
          )}
        </footer>
      </section>
    </>
  );
}

function Question({ question }: { question: DemoQuestion }) {
  const { t, i18n } = useTranslation('demos');
  const answer = useDemos(selectAnswer);
  const lng = i18n.resolvedLanguage;
  const promptId = useId();
  return (
    <div className="demo-question" role="group" aria-labelledby={promptId}>
      <p className="demo-question__kicker">{t('player.predict')}</p>
      <p id={promptId} className="demo-question__prompt">
        {pick(question.prompt, lng)}
      </p>
      <div className="demo-question__choices">
        {question.choices.map((choice, i) => {
          const state =
            answer === null
              ? ''
              : i === question.answer
                ? ' is-right'
                : i === answer
                  ? ' is-wrong'
                  : '';
          return (
            <button
              key={i}
              type="button"
              className={`demo-choice${state}`}
              aria-pressed={answer === i}
              disabled={answer !== null}
              onClick={() => useDemos.getState().choose(i)}
              data-testid={`demo-choice-${i}`}
            >
              {pick(choice, lng)}
            </button>
          );
        })}
      </div>
      {answer !== null && (
        <p className="demo-question__explanation" role="status" data-testid="demo-explanation">
          <strong>{answer === question.answer ? t('player.right') : t('player.wrong')}</strong>{' '}
          {pick(question.explanation, lng)}
        </p>
      )}
    </div>
  );
}
