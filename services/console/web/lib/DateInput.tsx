import { useEffect, useState } from 'preact/hooks';
import { vnDate } from './format.js';

const DMY = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/**
 * A day typed as dd/mm/yyyy whatever the browser's own locale (a native date input follows the
 * browser's); the value in and out is YYYY-MM-DD, as the API takes it.
 */
export function DateInput({
  id,
  value,
  required,
  onChange,
}: {
  id: string;
  value: string;
  required?: boolean;
  onChange: (day: string) => void;
}) {
  const [text, setText] = useState(value ? vnDate(value) : '');
  useEffect(() => setText(value ? vnDate(value) : ''), [value]);
  return (
    <input
      id={id}
      type="text"
      inputMode="numeric"
      placeholder="dd/mm/yyyy"
      pattern="\d{2}/\d{2}/\d{4}"
      required={required}
      value={text}
      onInput={(e) => {
        const typed = e.currentTarget.value;
        setText(typed);
        const m = DMY.exec(typed);
        if (m) onChange(`${m[3]}-${m[2]}-${m[1]}`);
        else if (typed === '') onChange('');
      }}
    />
  );
}
