/** Short text for a window's result or a key, to fit a label on the canvas. */
export function formatValue(value: unknown, maxLength = 24): string {
  let text: string;
  if (typeof value === 'number') {
    text = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
  } else if (typeof value === 'string') {
    text = value;
  } else if (value === undefined) {
    text = '';
  } else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
