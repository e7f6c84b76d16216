// `ehealth guides ...`: tools for the writers of the guides.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { MessageKey } from '../i18n';
import { loadGuides } from '../guides/guideLoader';
import { lintGuides, type LintMessage } from '../guides/guideLint';
import { loadGlossaries } from '../guides/glossary';
import { walkthroughLint } from '../guides/walkthroughSync';
import { walkthroughLabels } from '../faces/walkthroughLabels';
import { verb, type CliContext, type VerbGroup } from './context';
import { defaultGuidesFolder } from './guidesFolder';
import { guidesTranslationVerbs } from './guidesTranslationCommands';
import { sharedOptions } from './options';
import { ExitCode } from '../faces/exitCodes';
import { jsonMode, printJson } from './output';

const lint = verb({ summary: 'cli.verb.guides.lint', environment: [], exitCodes: [], examples: [{ command: 'ehealth guides lint guides --json' }], options: { json: sharedOptions.json }, positional: { value: 'cli.value.folder' } }, async (context, { values, positionals }) => {
  const root = path.resolve(positionals[0] ?? defaultGuidesFolder());
  const guides = await loadGuides(root);
  const inputs = await Promise.all(guides.map(async (guide) => ({ guide, source: await fs.readFile(guide.file, 'utf8') })));
  const messages = [...lintGuides(inputs, await loadGlossaries(root)), ...(await walkthroughLint(root, walkthroughLabels))];
  const errors = messages.filter((message) => message.severity === 'error').length;
  if (jsonMode(context, values)) {
    const relative = messages.map((message) => ({ ...message, file: path.relative(process.cwd(), message.file), message: describe(message, context) }));
    printJson(context, { guides: guides.length, errors, warnings: messages.length - errors, messages: relative });
  } else {
    for (const message of messages) {
      const severity = context.t(`guides.lint.${message.severity}`);
      context.out(`${path.relative(process.cwd(), message.file)}:${message.line}: ${severity} ${message.code}: ${describe(message, context)}`);
    }
    const counted = (key: 'errors' | 'warnings' | 'files', count: number) => context.t(`guides.lint.summary.${key}`, { count });
    context.out(context.t('guides.lint.summary', { errors: counted('errors', errors), warnings: counted('warnings', messages.length - errors), files: counted('files', guides.length) }));
  }
  return errors > 0 ? ExitCode.failure : ExitCode.ok;
});

function describe(message: LintMessage, context: CliContext): string {
  const text = context.t(`guides.lint.${message.code}` as MessageKey);
  return message.detail ? `${text} (${message.detail})` : text;
}

export const guidesGroup: VerbGroup = {
  name: 'guides',
  verbs: { lint, ...guidesTranslationVerbs },
};
