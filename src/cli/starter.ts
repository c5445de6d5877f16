/**
 * The starter written by `npm run scenario -- new <id>`: the smallest complete scenario (one
 * decision, two options, two endings, one source), commented so an educator can read it top to
 * bottom and replace it piece by piece. It validates with no errors and no warnings as written.
 */

export const STARTER_SOURCE_FILE = 'sources/source.txt';

export const STARTER_SOURCE_TEXT = `Replace this text with the source your scenario rests on: an article, a report, minutes of a
meeting. Save it as plain UTF-8 text.

Until then, here is a made-up example the starter scenario quotes.

Riverside school, staff meeting of 12 March. The head teacher reported that the playground
will be closed for repairs from April. Some teachers proposed moving break time to the park
across the road. The caretaker warned that "the crossing is busy at that hour".
`;

export function starterScenario(id: string, schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}
# ^ That first line lets editors such as VS Code (with the YAML extension by Red Hat) suggest
#   field names and underline mistakes as you type. Keep it first.
#
# A new Branchpoint scenario. Lines starting with # are comments: the checker ignores them.
# Check your work at any time with:
#
#   npm run scenario -- validate ${'<this folder>'}
#
# Every problem is reported with its line and column. docs/authoring.md explains each field,
# and its tutorial writes a scenario like this one from start to finish.

format: 1                   # the version of the file format: always 1 for now
id: ${id}                   # lowercase letters, digits and dashes; usually the folder's name
title: "Break time in the park? (replace with your title)"
summary: >-
  A school decides where pupils spend break time while the playground is repaired.
  Replace with one or two sentences on what your scenario is about.
language: en                # the language of the text: en, fr, de, fr-CA ...
authors:
  - Your Name
licence: CC-BY-4.0          # the licence of your scenario text
start: where-to-play        # the id of the first decision point (below)

# The texts the scenario rests on. Each is a plain text file in this folder; every quote
# below is checked against it, word for word.
sources:
  - id: minutes
    title: Staff meeting minutes, 12 March (a made-up example)
    file: ${STARTER_SOURCE_FILE}

# Who takes the decisions.
actors:
  - id: head-teacher
    name: The head teacher

# The decision points. Each offers 2 to 4 options; each option leads ("next") to another
# decision point or to an ending.
decisions:
  - id: where-to-play
    actor: head-teacher
    title: Where do pupils play?
    situation: >-
      The playground closes for repairs in April. Pupils still need somewhere to spend
      their break.
    citations:
      - source: minutes
        quote: the playground will be closed for repairs from April
    options:
      - id: use-the-park
        label: Take pupils to the park
        outcome: Classes cross the road to the park at break time.
        # What kind of claim the outcome is: reported, stated-position, analysis or hypothetical.
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
          # A quote may use straight or curly quote marks; the checker treats them alike.
          - source: minutes
            quote: 'The caretaker warned that "the crossing is busy at that hour"'
            evidence: stated-position
        next: indoors

# The endings, each with questions for the class to discuss.
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
}
