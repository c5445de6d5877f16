/**
 * A new scenario begun in the page's editor: the smallest complete format-2 scenario (one decision
 * point, two options, two endings, one source), with comments that say what each part is. It passes
 * the checker as it is, so whatever the checker reports later comes from the author's last change.
 */
export const NEW_SOURCE_FILE = 'sources/source.txt';

export const NEW_SOURCE_TEXT = `Replace this text with the source your scenario rests on: an article, a report, the minutes of a
meeting.

Riverside school, staff meeting of 12 March. The head teacher reported that the playground
will be closed for repairs from April. Some teachers proposed moving break time to the park
across the road. The caretaker warned that the crossing is busy at that hour.
`;

export const NEW_SCENARIO_TEXT = `# A Branchpoint scenario, begun in the page's editor. Lines starting with # are comments:
# the editor keeps them, and so does the checker (it ignores them).
format: 2
id: my-scenario
title: Break time in the park?
summary: A school decides where pupils spend break time while the playground is repaired.
language: en
authors:
  - Your Name
licence: CC-BY-4.0
start: where-to-play

# The texts the scenario rests on; every quote is checked against them, word for word.
sources:
  - id: minutes
    title: Staff meeting minutes, 12 March (a made-up example)
    file: ${NEW_SOURCE_FILE}

# Who takes the decisions.
actors:
  - id: head-teacher
    name: The head teacher

# The decision points, each with 2 to 4 options leading to another point or an ending.
decisions:
  - id: where-to-play
    actor: head-teacher
    title: Where do pupils play?
    situation: The playground closes for repairs in April. Pupils still need somewhere to spend their break.
    citations:
      - source: minutes
        quote: the playground will be closed for repairs from April
    options:
      - id: use-the-park
        label: Take pupils to the park
        outcome: Classes cross the road to the park at break time.
        evidence: stated-position
        citations:
          - source: minutes
            quote: Some teachers proposed moving break time to the park
        next: park
      - id: stay-inside
        label: Keep pupils indoors
        outcome: Break time moves to the hall and the classrooms.
        evidence: hypothetical
        citations:
          - source: minutes
            quote: The caretaker warned that the crossing is busy at that hour
            evidence: stated-position
        next: indoors

# The endings, each with questions for the class.
endings:
  - id: park
    title: Break in the park
    text: Pupils play in the park, with teachers at the crossing.
    evidence: hypothetical
    citations:
      - source: minutes
        quote: the crossing is busy at that hour
    questions:
      - Was the park worth the busy crossing?
  - id: indoors
    title: Break indoors
    text: Pupils stay inside until the playground opens again.
    evidence: hypothetical
    citations:
      - source: minutes
        quote: the playground will be closed for repairs
    questions:
      - What do pupils lose when break time stays indoors?
`;
