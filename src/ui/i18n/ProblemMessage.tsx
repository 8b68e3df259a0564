import { Fragment } from 'react';
import { useProblemParts, type ProblemWording } from './problem-text';

/** A problem's text in the reader's language, with a parser's own words marked as English. */
export function ProblemMessage({
  problem,
  className,
}: {
  problem: ProblemWording;
  className?: string;
}) {
  const parts = useProblemParts()(problem);
  return (
    <span className={className}>
      {parts.map((part, i) =>
        part.lang === undefined ? (
          <Fragment key={i}>{part.text}</Fragment>
        ) : (
          <span key={i} lang={part.lang}>
            {part.text}
          </span>
        ),
      )}
    </span>
  );
}
