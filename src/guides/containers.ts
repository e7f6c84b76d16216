// The structure of a guide's body as writers type it: `::: step` and `::: variant` containers, each
// closed by a line `:::`, and translator notes in HTML comments (translatorNotes.ts). Read line by
// line before markdown-it, which pairs a container with the first fence at least as long as its opening one and
// silently closes what is left open at the end: here a missing or stray fence is reported once,
// where it is, and markdown-it is given fences it pairs as the writer meant.
import { closestWord } from '../procedures/closestWord';
import type { GuideProblem } from './guide';
import { readNotes, type NoteLine } from './translatorNotes';

export interface BodyStructure {
  /** What markdown-it parses: notes blanked, fences lengthened by depth, stray fences blanked, missing closes added. */
  text: string;
  /** The body line (0-based) each line of `text` stands for; an added close stands for the line before the one it precedes. */
  origin: number[];
  /** Lines are the file's (1-based): the body's line + `lineOffset` + 1. */
  problems: GuideProblem[];
}

type Kind = 'step' | 'variant' | 'unknown';
interface Open {
  kind: Kind;
  /** Its opening fence in `out`, lengthened when it is closed. */
  at: number;
  bodyLine: number;
  info: string;
  /** The longest run of colons starting a line inside it (inner fences, code): its own fences get one more, so nothing inside ends it. */
  innerColons: number;
}

const opening = /^\s*:{3,}\s*(\S.*)$/;
const closing = /^\s*:{3,}\s*$/;
const containerKinds = ['step', 'variant'];

export function readContainers(body: string, lineOffset: number): BodyStructure {
  const notes = readNotes(body.split('\n'));
  const lines = notes.lines;
  const out: string[] = [];
  const origin: number[] = [];
  const problems: GuideProblem[] = [];
  const stack: Open[] = [];
  const report = (code: GuideProblem['code'], bodyLine: number, detail?: string, suggestion?: string) =>
    problems.push({ code, line: bodyLine + lineOffset + 1, ...(detail !== undefined ? { detail } : {}), ...(suggestion ? { suggestion } : {}) });
  const emit = (line: string, bodyLine: number) => {
    out.push(line);
    origin.push(bodyLine);
  };
  const close = (bodyLine: number, line = ':::') => {
    const open = stack.pop()!;
    const colons = ':'.repeat(Math.max(3, open.innerColons + 1));
    out[open.at] = out[open.at].replace(/:{3,}/, colons);
    emit(line.replace(/:{3,}/, colons), bodyLine);
    const parent = stack.at(-1);
    if (parent) parent.innerColons = Math.max(parent.innerColons, colons.length);
  };
  if (notes.unclosed !== undefined) report('note-unclosed', notes.unclosed);
  let stepsBegun = false;
  let textReported = false;
  for (let index = 0; index < lines.length; index++) {
    const { text, code } = lines[index];
    const info = code ? undefined : opening.exec(text)?.[1]?.trim();
    if (info !== undefined) {
      const kind = kindOf(info);
      if (kind === 'step') {
        const outer = stack.findIndex((open) => open.kind === 'step');
        if (outer >= 0 && closesOuterStep(lines, index)) report('step-nested', index, stepName(info));
        else if (outer >= 0) {
          // A step opening while another is open, and no close left for that one: it was not closed.
          report('step-unclosed', stack[outer].bodyLine, stepName(stack[outer].info));
          while (stack.length > outer) close(Math.max(index - 1, 0));
        }
        stepsBegun = true;
        textReported = false;
      }
      if (kind === 'unknown') report('container-unknown', index, info.split(/\s+/)[0], closestWord(info.split(/\s+/)[0], containerKinds));
      stack.push({ kind, at: out.length, bodyLine: index, info, innerColons: 0 });
      emit(text, index);
    } else if (!code && closing.test(text)) {
      if (stack.length === 0) {
        report('fence-stray', index);
        emit('', index);
        continue;
      }
      if (stack.at(-1)!.kind === 'step') textReported = false;
      close(index, text);
    } else {
      const colonsInCode = code ? /^\s*(:{3,})/.exec(text)?.[1].length : undefined;
      if (colonsInCode && stack.length > 0) stack.at(-1)!.innerColons = Math.max(stack.at(-1)!.innerColons, colonsInCode);
      if (stack.length === 0 && stepsBegun && !textReported && text.trim()) {
        report('text-outside-step', index, text.trim().slice(0, 40));
        textReported = true;
      }
      emit(text, index);
    }
  }
  // Left open at the end: the outermost one is reported (a step, or else a variant outside any step),
  // unless a note left open hid its close (one slip, one message).
  if (stack.length > 0 && notes.unclosed === undefined) {
    const first = stack.find((open) => open.kind === 'step') ?? stack[0];
    report(first.kind === 'step' ? 'step-unclosed' : 'container-unclosed', first.bodyLine, first.kind === 'step' ? stepName(first.info) : first.info);
  }
  while (stack.length > 0) close(lines.length - 1);
  return { text: out.join('\n'), origin, problems };
}

const kindOf = (info: string): Kind => (/^step(\s|$)/.test(info) ? 'step' : /^variant(\s|$)/.test(info) ? 'variant' : 'unknown');
const stepName = (info: string) => /#\S+/.exec(info)?.[0] ?? info;

/**
 * A step opened inside a step is nested (and closed later, with its outer one) when, before the
 * next step opens, more fences close than open after it; otherwise the outer step was not closed.
 */
function closesOuterStep(lines: readonly NoteLine[], from: number): boolean {
  let depth = 1;
  for (const { text, code } of lines.slice(from + 1)) {
    if (code) continue;
    const info = opening.exec(text)?.[1]?.trim();
    if (info !== undefined && kindOf(info) === 'step') return false;
    if (info !== undefined) depth++;
    else if (closing.test(text) && --depth < 0) return true;
  }
  return false;
}
