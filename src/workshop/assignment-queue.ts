/**
 * Exactly-once delivery of a student's events over a network that comes and goes. The page numbers
 * its events 1, 2, 3… and keeps every one not yet acknowledged; the server commits only the events
 * that continue its last committed one. So a resend (lost answer, reconnect, reload) is ignored,
 * a gap is never papered over, and "acknowledged" always means "in the database".
 */
import type { QueuedEvent } from './assignment-protocol.ts';

/** Server side: which of the sent events to commit after `last`, and the acknowledgement once they are. */
export function acceptEvents(last: number, sent: readonly QueuedEvent[]): { accept: QueuedEvent[]; acked: number } {
  const bySeq = new Map<number, QueuedEvent>();
  for (const event of sent) if (event.seq > last && !bySeq.has(event.seq)) bySeq.set(event.seq, event);
  const accept: QueuedEvent[] = [];
  let next = last + 1;
  while (bySeq.has(next)) accept.push(bySeq.get(next++)!);
  return { accept, acked: next - 1 };
}

/** Page side: what is still to send once the server has acknowledged up to `acked`. */
export function pendingAfter(queue: readonly QueuedEvent[], acked: number): QueuedEvent[] {
  return queue.filter((event) => event.seq > acked);
}

/** Page side: the number for the next event, after everything acknowledged or queued. */
export function nextSeq(queue: readonly QueuedEvent[], acked: number): number {
  return Math.max(acked, ...queue.map((event) => event.seq)) + 1;
}
