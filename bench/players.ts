/**
 * Replaying the same random choices through each engine: one long-lived actor (or story) per
 * playthrough, restarted at each ending. The verify functions run outside the timed sections and
 * prove that each engine really made the moves being counted.
 */
import { createActor, type AnyStateMachine } from 'xstate';
import type { Story } from 'inkjs/full';
import type { Scenario } from '../src/scenario/schema.ts';
import type { Playthroughs } from './playthroughs.ts';

export function playMachine(machine: AnyStateMachine, plays: Playthroughs): void {
  let actor = createActor(machine).start();
  for (let step = 0; step < plays.options.length; step++) {
    actor.send({ type: 'CHOOSE', option: plays.options[step] });
    if (plays.endsPlaythrough[step]) {
      actor.stop();
      actor = createActor(machine).start();
    }
  }
  actor.stop();
}

export function playInk(story: Story, plays: Playthroughs): void {
  story.ResetState();
  story.ContinueMaximally();
  for (let step = 0; step < plays.offeredIndex.length; step++) {
    story.ChooseChoiceIndex(plays.offeredIndex[step]!);
    story.ContinueMaximally();
    if (plays.endsPlaythrough[step]) {
      story.ResetState();
      story.ContinueMaximally();
    }
  }
}

/** Throws unless every event moves the machine and every playthrough ends in a final state. */
export function verifyMachine(machine: AnyStateMachine, plays: Playthroughs, label: string): void {
  let actor = createActor(machine).start();
  for (let step = 0; step < plays.options.length; step++) {
    const before = actor.getSnapshot();
    actor.send({ type: 'CHOOSE', option: plays.options[step] });
    const after = actor.getSnapshot();
    if (after === before) throw new Error(`${label}: step ${step} (${plays.options[step]}) did not move the machine`);
    if (Boolean(plays.endsPlaythrough[step]) !== (after.status === 'done'))
      throw new Error(`${label}: step ${step} ended out of turn`);
    if (plays.endsPlaythrough[step]) {
      actor.stop();
      actor = createActor(machine).start();
    }
  }
  actor.stop();
}

/** Throws unless ink offers, at every step, the chosen option under the same label, and ends where the scenario does. */
export function verifyInk(story: Story, plays: Playthroughs, scenario: Scenario): void {
  const labels = new Map(
    scenario.decisions.flatMap((d) => d.options.map((o) => [`${d.id}\u0000${o.id}`, o.label] as const)),
  );
  const decisions = new Map(scenario.decisions.map((d) => [d.id, d]));
  let at = scenario.start;
  story.ResetState();
  story.ContinueMaximally();
  for (let step = 0; step < plays.options.length; step++) {
    const offered = story.currentChoices[plays.offeredIndex[step]!];
    const expected = labels.get(`${at}\u0000${plays.options[step]}`);
    if (offered?.text !== expected)
      throw new Error(`ink: step ${step} offers "${offered?.text}" where the scenario offers "${expected}"`);
    story.ChooseChoiceIndex(plays.offeredIndex[step]!);
    story.ContinueMaximally();
    at = decisions.get(at)!.options.find((o) => o.id === plays.options[step])!.next as string;
    const ended = story.currentChoices.length === 0 && !story.canContinue;
    if (ended !== Boolean(plays.endsPlaythrough[step])) throw new Error(`ink: step ${step} ended out of turn`);
    if (ended) {
      story.ResetState();
      story.ContinueMaximally();
      at = scenario.start;
    }
  }
}
