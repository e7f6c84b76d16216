// JUnit XML, the test report every CI server reads (Jenkins, GitLab, Azure Pipelines, GitHub
// Actions' reporters): one <testsuite> of <testcase>s, each passed, failed (<failure>), in error
// (<error>: could not be run) or skipped (<skipped>), with text for <system-out>. Written by hand:
// the format is small, and every piece of text from outside (file names, messages) is escaped here.
import { printable } from '../core/printable';

export interface JunitCase {
  name: string;
  classname: string;
  outcome: 'passed' | 'failure' | 'error' | 'skipped';
  /** The one-line reason of a failure, an error or a skip. */
  message?: string;
  /** Shown by the CI server under the test case (a warning of a test that passed). */
  output?: string;
}

export interface JunitSuite {
  name: string;
  /** When it ran (written in UTC, without zone, as Ant writes it). */
  timestamp: Date;
  /** How long it took. */
  seconds: number;
  cases: readonly JunitCase[];
}

/** The report, UTF-8 XML 1.0. */
export function junitXml(suite: JunitSuite): string {
  const count = (outcome: JunitCase['outcome']) => String(suite.cases.filter((testCase) => testCase.outcome === outcome).length);
  const attributes = {
    name: suite.name,
    tests: String(suite.cases.length),
    failures: count('failure'),
    errors: count('error'),
    skipped: count('skipped'),
    timestamp: suite.timestamp.toISOString().slice(0, 19),
    time: suite.seconds.toFixed(3),
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite ${attributeList(attributes)}>`,
    ...suite.cases.flatMap(caseLines),
    '</testsuite>',
    '',
  ].join('\n');
}

function caseLines(testCase: JunitCase): string[] {
  const open = `  <testcase ${attributeList({ name: testCase.name, classname: testCase.classname })}`;
  const outcome = testCase.outcome === 'passed' ? [] : [`    <${testCase.outcome} ${attributeList({ message: testCase.message ?? '' })}/>`];
  const output = testCase.output === undefined ? [] : [`    <system-out>${escaped(testCase.output)}</system-out>`];
  const inside = [...outcome, ...output];
  return inside.length ? [`${open}>`, ...inside, '  </testcase>'] : [`${open}/>`];
}

const attributeList = (attributes: Record<string, string>) =>
  Object.entries(attributes)
    .map(([name, value]) => `${name}="${escaped(value)}"`)
    .join(' ');

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text as XML takes it: markup characters as entities; control characters (which XML 1.0 forbids,
 * and which would let a file name forge lines) shown escaped; noncharacters and lone surrogates,
 * which no XML parser accepts, replaced.
 */
function escaped(text: string): string {
  return printable(text)
    .replace(/[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[&<>"']/g, (char) => entities[char]);
}
