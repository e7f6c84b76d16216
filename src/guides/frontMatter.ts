// A guide file's front matter: the YAML between two `---` lines at its top (after a UTF-8 byte-order
// mark, which some editors write), read with the position of each key and of any YAML error, so
// the linter points at the file's real line. Windows line endings (a checkout with core.autocrlf)
// read as Unix ones: a guide is the same guide whatever its line endings.
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { closestWord } from '../procedures/closestWord';
import type { GuideProblem } from './guide';

export const frontMatterKeys = ['id', 'title', 'audience', 'environment', 'commands', 'source'];
const requiredKeys = ['id', 'title', 'audience', 'environment'];

const fence = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;

export interface GuideFileParts {
  /** The YAML text, undefined when the file does not start with front matter. */
  yaml?: string;
  /** What follows the front matter. */
  body: string;
  /** Lines before the body: the body's line n (0-based) is the file's line n + bodyOffset + 1. */
  bodyOffset: number;
}

/** Front matter and body, with `\n` line ends; a byte-order mark is dropped (it is no character of the text). */
export function splitGuideFile(source: string): GuideFileParts {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const match = fence.exec(text);
  if (!match) return { body: text, bodyOffset: 0 };
  return { yaml: match[1], body: text.slice(match[0].length), bodyOffset: match[0].split('\n').length - 1 };
}

export interface FrontMatter {
  fields: Record<string, unknown>;
  /** The file line of each key, for messages about its value. */
  lines: Record<string, number>;
}

/** The front matter's fields; what is wrong goes to `problems`, at the file's line (the YAML starts on line 2). */
export function readFrontMatter(parts: GuideFileParts, problems: GuideProblem[]): FrontMatter {
  const none = { fields: {}, lines: {} };
  if (parts.yaml === undefined) {
    problems.push({ code: 'front-matter-missing', line: 1 });
    return none;
  }
  const counter = new LineCounter();
  const document = parseDocument(parts.yaml, { lineCounter: counter });
  const fileLine = (offset: number) => counter.linePos(offset).line + 1;
  const [error] = document.errors;
  // Fields are looked for only in YAML that reads: a syntax error is one problem, not one per field.
  // The yaml package counts lines from the YAML's start: its "at line n, column m" would mislead.
  if (error) problems.push({ code: 'front-matter-invalid', line: fileLine(error.pos[0]), detail: error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '') });
  else if (!isMap(document.contents)) problems.push({ code: 'front-matter-invalid', line: 2 });
  if (error || !isMap(document.contents)) return none;
  const lines: Record<string, number> = {};
  for (const pair of document.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    lines[key] = isScalar(pair.key) && pair.key.range ? fileLine(pair.key.range[0]) : 1;
    if (frontMatterKeys.includes(key)) continue;
    const suggestion = closestWord(key, frontMatterKeys);
    problems.push({ code: 'front-matter-key-unknown', line: lines[key], detail: key, ...(suggestion ? { suggestion } : {}) });
  }
  const fields = document.toJS() as Record<string, unknown>;
  // `audiance:` is one slip, already reported with its "did you mean audience?": not also audience missing.
  const meant = new Set(problems.filter((problem) => problem.code === 'front-matter-key-unknown').map((problem) => problem.suggestion));
  for (const field of requiredKeys) if (fields[field] === undefined && !meant.has(field)) problems.push({ code: 'field-missing', line: 1, detail: field });
  return { fields, lines };
}
