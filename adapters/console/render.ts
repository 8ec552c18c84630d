import type { Block, Message } from '../../src/ports/chat';

const renderBlock = (block: Block): string[] => {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return [block.text];
    case 'context':
      return [`(${block.text})`];
    case 'fields':
      return block.fields.map((f) => `${f.label}: ${f.value}`);
    case 'list':
      return block.items.map((item, i) => `  ${block.ordered ? `${i + 1}.` : '-'} ${item}`);
    case 'divider':
      return ['----'];
  }
};

/** A message as console lines: blocks when there are any, else the plain text; then buttons, forms, files. */
export function renderMessage(message: Message, savedAt: readonly string[] = []): string[] {
  const body = message.blocks?.length ? message.blocks.flatMap(renderBlock) : message.text.split('\n');
  const mark = message.tone === 'error' || message.tone === 'warning' ? '! ' : '';
  const lines = [`${mark}${body[0] ?? ''}`, ...body.slice(1)];
  if (message.actions?.length) lines.push(`Buttons: ${message.actions.map((b) => `[${b.label}]`).join(' ')}`);
  if (message.form) lines.push(`Form: ${message.form.title}`);
  for (const [i, file] of (message.files ?? []).entries()) lines.push(`File: ${savedAt[i] ?? file.name}`);
  return lines;
}

/** `[#leaders] Setwise: first line`, later lines indented under it. */
export function formatDelivery(label: string, message: Message, savedAt?: readonly string[]): string {
  const [first, ...rest] = renderMessage(message, savedAt);
  return [`[${label}] Setwise: ${first}`, ...rest.map((l) => `  ${l}`)].join('\n');
}
