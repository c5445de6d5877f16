/**
 * The one starter scenario, for `npm run scenario -- new <id>` and for "Start a new scenario" in the
 * page's editor: the smallest complete format-2 scenario (one decision point, two options, one ending
 * written in two versions, two meters, one source), commented so a teacher can read it top to bottom
 * and replace it piece by piece. It shows the format-2 features briefly: a text that follows the
 * path, a condition, reasons beside the meters, stage directions and teacher material. It passes the
 * checker with no errors and no warnings as written, so whatever the checker reports later comes
 * from the author's last change.
 */

export const STARTER_SOURCE_FILE = 'sources/source.txt';

export const STARTER_SOURCE_TEXT = `Replace this text with the source your scenario rests on: an article, a report, the minutes of a
meeting. Save it as plain UTF-8 text.

Until then, here is a made-up example the starter scenario quotes.

Riverside school, staff meeting of 12 March. The head teacher reported that the playground
will be closed for repairs from April. Some teachers proposed moving break time to the park
across the road. The caretaker warned that "the crossing is busy at that hour".
`;

export interface StarterOptions {
  /** The scenario's id: lowercase letters, digits and dashes. */
  id: string;
  /** The path of scenarios/scenario.schema.json from the scenario's folder, for editors' completion; none in the page. */
  schemaPath?: string;
}

const schemaLines = (schemaPath: string) => `# yaml-language-server: $schema=${schemaPath}
# ^ That first line lets editors such as VS Code (with the YAML extension by Red Hat) suggest
#   field names and underline mistakes as you type. Keep it first.
#
`;

export function starterScenario({ id, schemaPath }: StarterOptions): string {
  return `${schemaPath ? schemaLines(schemaPath) : ''}# A new Branchpoint scenario. Lines starting with # are comments: the checker ignores them,
# and the page's editor keeps them. Check your work at any time: in the page (the editor's
# Problems, or "Open a scenario from your computer"), or in a terminal with
#
#   npm run scenario -- validate <this folder>
#
# Every problem is reported with its line and column. docs/authoring.md explains each field.

format: 2                   # the version of the file format
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

# The meters students see. Name each for what it measures, and let no option win on every meter.
variables:
  - id: time-outdoors
    label: Time outdoors at break
    description: In this model, 2 means all of break outdoors, as before the repairs; 0 means none.
    min: 0
    max: 2
    initial: 2
  - id: road-crossings
    label: Road crossings at break
    description: In this model, how often classes cross the road at break; 0 means never.
    min: 0
    max: 2
    initial: 0

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
        # How the choice moves the meters, each with the reason students read beside the change.
        effects:
          - variable: road-crossings
            add: 2
            reason: classes cross the road to the park and back
        # What the stage shows after the choice: here the actor's stance. With a map (see
        # docs/authoring.md), it can also highlight places, mark areas and draw arcs.
        stage:
          - stance: { actor: head-teacher, is: support }
        next: after-repairs
      - id: stay-inside
        label: Keep pupils indoors
        outcome: Break time moves to the hall and the classrooms.
        evidence: hypothetical
        citations:
          # A quote may use straight or curly quote marks; the checker treats them alike.
          - source: minutes
            quote: 'The caretaker warned that "the crossing is busy at that hour"'
            evidence: stated-position
        effects:
          - variable: time-outdoors
            add: -2
            reason: break moves to the hall and the classrooms
        stage:
          - stance: { actor: head-teacher, is: hold }
        next: after-repairs

# The endings, each with questions for the class. Options may lead to different endings; here both
# lead to one, whose text follows the path: the first version whose conditions hold is shown, and
# the last, without "when", on every other path.
endings:
  - id: after-repairs
    title: The playground reopens
    evidence: hypothetical
    text:
      - when:
          - chose: use-the-park     # also: notChose, passed, notPassed, or a meter's atLeast/atMost
        text: The playground reopens. All spring, classes crossed the road to the park at break.
        citations:
          - source: minutes
            quote: the crossing is busy at that hour
      - text: The playground reopens. All spring, pupils spent their break indoors.
        citations:
          - source: minutes
            quote: the playground will be closed for repairs
    questions:
      - What did pupils gain, and what did they give up, while the playground was closed?

# For the teacher. Everything here is shown to students except "notes".
teacher:
  ageBand: "11+"
  objectives:
    - Tell a proposal and a warning apart from what was decided, in a short text.
  debrief:
    - Which claims in your run did the minutes report, and which were someone's proposal or warning?
  notes: For the teacher only. Students never see these notes, unless you add shipNotes set to true.
`;
}
