// `ehealth guides ...`: tools for the writers of the guides.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { guideLanguages, guidesFolderOf, type GuideLanguage } from '../guides/guide';
import { readGuideFolder } from '../guides/guideLoader';
import { lintGuides } from '../guides/guideLint';
import { lintText } from '../faces/lintText';
import { CliError } from './cliError';
import { loadGlossaries } from '../guides/glossary';
import { walkthroughLint } from '../guides/walkthroughSync';
import { walkthroughLabels } from '../faces/walkthroughLabels';
import { verb, type CliContext, type VerbGroup } from './context';
import { defaultGuidesFolder, lintLine } from './guidesFolder';
import { guidesTranslationVerbs } from './guidesTranslationCommands';
import { sharedOptions } from './options';
import { ExitCode } from '../faces/exitCodes';
import { jsonMode, printJson } from './output';

const lint = verb({ summary: 'cli.verb.guides.lint', environment: [], exitCodes: [ExitCode.failure, ExitCode.notFound], examples: [{ command: 'ehealth guides lint guides --json' }, { command: 'ehealth guides lint guides/nl/renew-certificate.md' }], options: { json: sharedOptions.json }, positional: { value: 'cli.value.folder' } }, async (context, { values, positionals }) => {
  const { root, file } = await lintTarget(context, positionals[0] ?? defaultGuidesFolder());
  const folder = await readGuideFolder(root);
  if (!folder) throw new CliError(context.t('guides.lint.target.missing', { path: positionals[0] ?? root }), ExitCode.notFound, 'cli/not-found');
  const inputs = folder.inputs;
  const guides = file ? inputs.filter((input) => input.guide.file === file) : inputs;
  const all = [...folder.problems, ...lintGuides(inputs, await loadGlossaries(root)), ...(await walkthroughLint(root, walkthroughLabels))];
  // One file is linted among its siblings (parity needs them); only its own messages are shown.
  const messages = file ? all.filter((message) => message.file === file) : all;
  const errors = messages.filter((message) => message.severity === 'error').length;
  if (jsonMode(context, values)) {
    const relative = messages.map((message) => ({ ...message, file: path.relative(process.cwd(), message.file), message: lintText(message, context.t) }));
    printJson(context, { guides: guides.length, errors, warnings: messages.length - errors, messages: relative });
  } else {
    for (const message of messages) context.out(lintLine(context, message));
    const counted = (key: 'errors' | 'warnings' | 'files', count: number) => context.t(`guides.lint.summary.${key}`, { count });
    context.out(context.t('guides.lint.summary', { errors: counted('errors', errors), warnings: counted('warnings', messages.length - errors), files: counted('files', guides.length) }));
  }
  return errors > 0 ? ExitCode.failure : ExitCode.ok;
});

/**
 * A guides folder, or one guide file (DIR/<lang>/<id>.md) linted in the folder it belongs to; what
 * does not exist, or is neither, is a clear error rather than "0 errors in 0 files".
 */
async function lintTarget(context: CliContext, given: string): Promise<{ root: string; file?: string }> {
  const target = path.resolve(given);
  const stats = await fs.stat(target).catch(() => undefined);
  if (!stats) throw new CliError(context.t('guides.lint.target.missing', { path: given }), ExitCode.notFound, 'cli/not-found');
  if (stats.isDirectory()) return { root: target };
  const language = path.basename(path.dirname(target));
  if (!target.endsWith('.md') || !guideLanguages.includes(language as GuideLanguage)) throw new CliError(context.t('guides.lint.target.not-guides', { path: given }), ExitCode.usage, 'cli/not-guides');
  return { root: guidesFolderOf(target), file: target };
}

export const guidesGroup: VerbGroup = {
  name: 'guides',
  verbs: { lint, ...guidesTranslationVerbs },
};
