/**
 * A dialog's footer when it asks the user to choose: Cancel first, with the focus, so Enter on
 * opening does nothing harmful; any other choice closes the dialog, then acts.
 */
export interface Choice {
  label: string;
  /** It cannot be undone (deleting, running code from elsewhere). */
  danger?: boolean;
  act(): void;
}

export function ChoiceButtons({
  cancelLabel,
  choices,
  onClose,
}: {
  cancelLabel: string;
  choices: readonly Choice[];
  onClose(): void;
}) {
  return (
    <>
      <button type="button" className="button" onClick={onClose} data-autofocus>
        {cancelLabel}
      </button>
      {choices.map((choice) => (
        <button
          key={choice.label}
          type="button"
          className={choice.danger ? 'button button--danger' : 'button'}
          onClick={() => {
            onClose();
            choice.act();
          }}
        >
          {choice.label}
        </button>
      ))}
    </>
  );
}
