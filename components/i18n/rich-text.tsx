// A message with elements in it ("{keys} moves to your notes"): the translated words stay text,
// each {name} placeholder becomes the element given for it, wherever the language put it.

import type { ComponentChildren } from 'preact';
import { Fragment } from 'preact';
import { t, type MessageKey } from './index';

export function RichText({
  message,
  parts,
}: {
  message: MessageKey;
  parts: Readonly<Record<string, ComponentChildren>>;
}) {
  // Placeholders are left in place by t() when no value is given, then split on here.
  const template = t(message);
  const pieces = template.split(/(\{\w+\})/);
  return (
    <>
      {pieces.map((piece, index) => {
        const name = /^\{(\w+)\}$/.exec(piece)?.[1];
        return (
          <Fragment key={index}>
            {name !== undefined && name in parts ? parts[name] : piece}
          </Fragment>
        );
      })}
    </>
  );
}
