// An inline text field to rename something: Enter saves, Escape cancels.

import { t } from '@/components/i18n';
import { useEffect, useRef, useState } from 'preact/hooks';

export function RenameForm({
  label,
  initial,
  onSave,
  onCancel,
}: {
  label: string;
  initial: string;
  onSave: (value: string) => void | Promise<void>;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(initial);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);
  return (
    <form
      class="cbc-inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (value.trim()) void onSave(value.trim());
      }}
    >
      <input
        ref={inputRef}
        type="text"
        aria-label={label}
        value={value}
        required
        onInput={(event) => setValue(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
        }}
      />
      <button type="submit">{t('commonSave')}</button>
      <button type="button" onClick={onCancel}>
        {t('commonCancel')}
      </button>
    </form>
  );
}
