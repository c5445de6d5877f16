/**
 * The vote's clock: time left when the facilitator set a limit, time since opening otherwise.
 * Drawn from the server's clock (the offset is measured when each view arrives), and ticked once
 * a second by the page. role="timer" keeps screen readers from reading every tick aloud.
 */
import type { VoteView } from '../../../workshop/protocol.ts';
import { h } from '../../dom.ts';

export function voteTimer(vote: VoteView): HTMLElement | null {
  if (vote.phase !== 'open' || vote.openedAt === undefined) return null;
  return h('p', {
    class: 'vote-timer',
    role: 'timer',
    'aria-label': vote.endsAt ? 'Time left to vote' : 'Time since the vote opened',
    'data-opened-at': vote.openedAt,
    'data-ends-at': vote.endsAt,
  });
}

const clock = (ms: number) => {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/** Redraws every timer on the page; `serverNow` is the server's clock as best known. */
function tickTimers(root: ParentNode, serverNow: number): void {
  for (const timer of root.querySelectorAll<HTMLElement>('.vote-timer')) {
    const endsAt = Number(timer.dataset.endsAt);
    const openedAt = Number(timer.dataset.openedAt);
    if (timer.dataset.endsAt) {
      const left = endsAt - serverNow;
      // The server closes the vote when the time runs out; until its word arrives the vote is
      // still open, so the clock rests at zero rather than claiming the time is up.
      timer.textContent = `${clock(Math.max(0, left))} left`;
      timer.classList.toggle('time-up', left <= 0);
    } else {
      timer.textContent = `Open ${clock(serverNow - openedAt)}`;
    }
  }
}

/**
 * Keeps a page's vote timers ticking on the server's time: `sync` with each view's serverTime,
 * `tick` after each redraw, `stop` when the page leaves.
 */
export class VoteClock {
  private offset = 0;
  private readonly interval: ReturnType<typeof setInterval>;

  constructor(private readonly root: ParentNode) {
    this.interval = setInterval(() => this.tick(), 1000);
  }

  sync(serverTime: number): void {
    this.offset = serverTime - Date.now();
  }

  tick(): void {
    tickTimers(this.root, Date.now() + this.offset);
  }

  stop(): void {
    clearInterval(this.interval);
  }
}
