/**
 * `npm run bench`: the engine's costs on a generated scenario of 10,000 decision points, each
 * beside a baseline measured in the same run on the same scenario. Prints a table, then one line
 * of JSON with every figure and ratio. `npm run bench -- 2000` measures another size.
 */
import { cpus, loadavg } from 'node:os';
import { Compiler } from 'inkjs/full';
import { parseScenarioText } from '../src/scenario/parse.ts';
import { validateParsed } from '../src/scenario/validate.ts';
import { hasErrors } from '../src/scenario/diagnostic.ts';
import { compileScenario } from '../src/engine/compile.ts';
import { analyzeScenario } from '../src/engine/analyze.ts';
import { checkScenario } from '../src/engine/check.ts';
import { bareMachine } from './bare-machine.ts';
import { DEFAULT_GENERATOR_OPTIONS, generateScenario, type GeneratorOptions } from './generate.ts';
import { inkStory } from './ink-story.ts';
import { measure, measureInTurn, time } from './measure.ts';
import { playInk, playMachine, verifyInk, verifyMachine } from './players.ts';
import { randomPlaythroughs } from './playthroughs.ts';
import { ms, perSecond, table, times, type Row } from './report.ts';
import { timeShortestPaths } from './shortest-paths.ts';

const RUNS = 5;
const PARSE_RUNS = 3;
const STEPS = 30_000;
const SHORTEST_PATHS_CAP_MS = 60_000;
const GOALS = {
  validateCompileMs: 300,
  perTransitionVsBare: 1.5,
  choicesVsInk: 2,
  analysisMs: 200,
  analysisVsShortestPaths: 10,
};

const options: GeneratorOptions = {
  ...DEFAULT_GENERATOR_OPTIONS,
  decisions: Number(process.argv[2] ?? DEFAULT_GENERATOR_OPTIONS.decisions),
};
const log = (line: string) => console.log(line);
const loadBefore = loadavg();
log(`Branchpoint engine bench: ${options.decisions.toLocaleString('en')} decision points, seed ${options.seed}`);
log(
  `${new Date().toISOString()}  node ${process.version}  ${cpus().length} cores  load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`,
);

const generated = time(() => generateScenario(options));
const { yaml, sourceFile, sourceText } = generated.result;
const file = 'bench/generated/scenario.yaml';
const readFile = (path: string) => (path === sourceFile ? sourceText : undefined);
// A scenario this large is far over the 1 MB limit for authored files, so the bench lifts it.
const limits = { maxBytes: Infinity };

const check = checkScenario(file, yaml, readFile, limits);
if (hasErrors(check.diagnostics) || !check.analysis || !check.bundle)
  throw new Error(`The generated scenario does not validate: ${check.diagnostics[0]?.message}`);
// Everything after validation works on the validated scenario, as the game and the build do.
const scenario = check.bundle.scenario;
const optionCount = scenario.decisions.reduce((sum, d) => sum + d.options.length, 0);
log(
  `Scenario: ${optionCount.toLocaleString('en')} options, ${(yaml.length / 1e6).toFixed(1)} MB of YAML, source ${Math.round(sourceText.length / 1000)} KB; ` +
    `${check.analysis.configurations.toLocaleString('en')} reachable configurations, ${check.analysis.paths} paths; ` +
    `checkScenario: 0 errors, ${check.diagnostics.length} warnings (generated in ${ms(generated.ms)})`,
);

log('Measuring parse and validation...');
// checkScenario above has already warmed the parser up.
const parse = measure(PARSE_RUNS, () => parseScenarioText(yaml, file, limits), 0);
const parsed = parseScenarioText(yaml, file, limits);
if (!parsed.ok) throw new Error('The generated scenario does not parse');
const validate = measure(RUNS, () => validateParsed(parsed.file, file, readFile));
const building = measureInTurn(RUNS, { compile: () => compileScenario(scenario), bare: () => bareMachine(scenario) });

log('Measuring transitions...');
const plays = randomPlaythroughs(scenario, STEPS, options.seed + 1);
const machine = compileScenario(scenario);
const bare = bareMachine(scenario);
verifyMachine(machine, plays, 'compiled machine');
verifyMachine(bare, plays, 'bare XState machine');
const inkCompile = time(() => new Compiler(inkStory(scenario)).Compile());
const story = inkCompile.result;
verifyInk(story, plays, scenario);
const playing = measureInTurn(RUNS, {
  ours: () => playMachine(machine, plays),
  bare: () => playMachine(bare, plays),
  ink: () => playInk(story, plays),
});
const rate = (elapsedMs: number) => STEPS / (elapsedMs / 1000);

log('Measuring analysis, then getShortestPaths once in a worker...');
const analysis = measure(RUNS, () => analyzeScenario(scenario));
const shortest = await timeShortestPaths(scenario, SHORTEST_PATHS_CAP_MS);

const validateCompileMs = validate.ms + building.compile.ms;
const oursPerSecond = rate(playing.ours.ms);
const barePerSecond = rate(playing.bare.ms);
const inkPerSecond = rate(playing.ink.ms);
const perTransitionVsBare = barePerSecond / oursPerSecond;
const choicesVsInk = oursPerSecond / inkPerSecond;
const analysisVsShortestPaths = shortest.ms / analysis.ms;
const shortestLabel = shortest.finished ? ms(shortest.ms) : `> ${ms(shortest.capMs)} (stopped)`;
const atLeast = shortest.finished ? '' : '>= ';

const rows: Row[] = [
  {
    figure: 'parse (yaml package)',
    ours: ms(parse.ms),
    cpu: ms(parse.cpuMs),
    baseline: '',
    ratio: '',
    goal: 'reported on its own',
  },
  { figure: 'validate', ours: ms(validate.ms), cpu: ms(validate.cpuMs), baseline: '', ratio: '', goal: '' },
  {
    figure: 'compile',
    ours: ms(building.compile.ms),
    cpu: ms(building.compile.cpuMs),
    baseline: `createMachine ${ms(building.bare.ms)}`,
    ratio: times(building.compile.ms / building.bare.ms),
    goal: '',
  },
  {
    figure: 'validate + compile',
    ours: ms(validateCompileMs),
    cpu: ms(validate.cpuMs + building.compile.cpuMs),
    baseline: '',
    ratio: '',
    goal: `< ${GOALS.validateCompileMs} ms`,
    pass: validateCompileMs < GOALS.validateCompileMs,
  },
  {
    figure: 'transitions (vs bare XState)',
    ours: perSecond(oursPerSecond, 'transitions'),
    baseline: perSecond(barePerSecond, 'transitions'),
    ratio: `${times(perTransitionVsBare)} per transition`,
    goal: `<= ${GOALS.perTransitionVsBare}x`,
    pass: perTransitionVsBare <= GOALS.perTransitionVsBare,
  },
  {
    figure: 'transitions (vs inkjs)',
    ours: perSecond(oursPerSecond, 'transitions'),
    baseline: perSecond(inkPerSecond, 'choices'),
    ratio: `${times(choicesVsInk)} inkjs`,
    goal: `>= ${GOALS.choicesVsInk}x`,
    pass: choicesVsInk >= GOALS.choicesVsInk,
  },
  {
    figure: 'analysis',
    ours: ms(analysis.ms),
    cpu: ms(analysis.cpuMs),
    baseline: '',
    ratio: '',
    goal: `< ${GOALS.analysisMs} ms`,
    pass: analysis.ms < GOALS.analysisMs,
  },
  {
    figure: 'analysis (vs getShortestPaths)',
    ours: ms(analysis.ms),
    cpu: ms(analysis.cpuMs),
    baseline: shortestLabel,
    ratio: `${atLeast}${times(analysisVsShortestPaths)} faster`,
    goal: `>= ${GOALS.analysisVsShortestPaths}x`,
    pass: analysisVsShortestPaths >= GOALS.analysisVsShortestPaths,
  },
];
const loadAfter = loadavg();
log('');
log(table(rows));
log('');
log(
  `Medians of ${RUNS} runs after a warm-up (parse: ${PARSE_RUNS} runs); wall-clock time, and this process's CPU time beside it. ${STEPS.toLocaleString('en')} transitions per run over ${plays.playthroughs.toLocaleString('en')} playthroughs, the same choices for every engine.`,
);
log(
  `inkjs compiled the equivalent story in ${ms(inkCompile.ms)} (not timed above). getShortestPaths ran once${shortest.finished ? ` and found ${shortest.states.toLocaleString('en')} states` : `, stopped at ${ms(shortest.capMs)}`}.`,
);
log(
  `Load average after: ${loadAfter.map((l) => l.toFixed(2)).join(' ')} (a shared machine: compare only within one run).`,
);

const round = (value: number, digits = 1) => Number(value.toFixed(digits));
console.log(
  JSON.stringify({
    bench: 'engine',
    date: new Date().toISOString(),
    node: process.version,
    cores: cpus().length,
    loadAverage: { before: loadBefore.map((l) => round(l, 2)), after: loadAfter.map((l) => round(l, 2)) },
    scenario: {
      ...options,
      options: optionCount,
      yamlBytes: yaml.length,
      sourceBytes: sourceText.length,
      configurations: check.analysis.configurations,
      paths: String(check.analysis.paths),
      warnings: check.diagnostics.length,
    },
    runs: RUNS,
    steps: STEPS,
    playthroughs: plays.playthroughs,
    ms: {
      parse: round(parse.ms),
      validate: round(validate.ms),
      compile: round(building.compile.ms),
      validateCompile: round(validateCompileMs),
      bareCreateMachine: round(building.bare.ms),
      analysis: round(analysis.ms),
      shortestPaths: round(shortest.ms),
      inkCompile: round(inkCompile.ms),
    },
    cpuMs: {
      parse: round(parse.cpuMs),
      validate: round(validate.cpuMs),
      compile: round(building.compile.cpuMs),
      bareCreateMachine: round(building.bare.cpuMs),
      analysis: round(analysis.cpuMs),
      shortestPaths: shortest.finished ? round(shortest.cpuMs) : null,
      transitionsOurs: round(playing.ours.cpuMs),
      transitionsBare: round(playing.bare.cpuMs),
      choicesInk: round(playing.ink.cpuMs),
    },
    perSecond: {
      ours: Math.round(oursPerSecond),
      bareXState: Math.round(barePerSecond),
      inkjs: Math.round(inkPerSecond),
    },
    shortestPathsFinished: shortest.finished,
    ratios: {
      compileVsCreateMachine: round(building.compile.ms / building.bare.ms, 2),
      perTransitionVsBare: round(perTransitionVsBare, 2),
      choicesVsInk: round(choicesVsInk, 2),
      analysisVsShortestPaths: round(analysisVsShortestPaths, 1),
    },
    goals: GOALS,
    pass: {
      validateCompile: rows[3]!.pass,
      perTransitionVsBare: rows[4]!.pass,
      choicesVsInk: rows[5]!.pass,
      analysis: rows[6]!.pass,
      analysisVsShortestPaths: rows[7]!.pass,
    },
  }),
);
