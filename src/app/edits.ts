/** Edits per store and message: the latest one queued, and whether it has yet to start. */
const editing = new WeakMap<object, Map<string, { readonly done: Promise<void>; waiting: boolean }>>();

/**
 * Runs `edit` for the message named `key`, one edit of it at a time: each reads what
 * it shows when its turn comes, so a slower earlier edit never lands last with older
 * figures; a change that finds an edit still waiting to start joins it rather than
 * queueing another, so a burst of changes costs two edits, not one each. Scoped by
 * `owner` (the store), so two cores in one process never share a queue.
 */
export async function editInTurn(owner: object, key: string, edit: () => Promise<void>): Promise<void> {
  let queues = editing.get(owner);
  if (!queues) editing.set(owner, (queues = new Map()));
  const current = queues.get(key);
  if (current?.waiting) return current.done;
  const entry: { done: Promise<void>; waiting: boolean } = { done: Promise.resolve(), waiting: true };
  entry.done = (current?.done ?? Promise.resolve()).then(() => {
    entry.waiting = false;
    return edit();
  });
  queues.set(key, entry);
  try {
    await entry.done;
  } finally {
    if (queues.get(key) === entry) queues.delete(key);
  }
}
