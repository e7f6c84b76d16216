// `ehealth guides status` and `ehealth guides mark-translated`: where each translation stands against
// the French guides, and recording that translations were brought up to date (the French version
// each now translates, in the translation file, and that French text in guides/french-sources.json).
import { existsSync, promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import type { MessageKey } from '../i18n';
import { guideLanguages, guidesFolderOf, referenceLanguage, type Guide, type GuideLanguage } from '../guides/guide';
import { structureProblem } from '../guides/guideLint';
import { loadGuides, readGuideFolder } from '../guides/guideLoader';
import { parseGuide } from '../guides/guideParser';
import { languageStatuses, translationStatus, type GuidePartStatus, type PartStatus, type TranslationState } from '../guides/translation';
import { partLabel } from '../guides/translationLint';
import { recordSources } from '../guides/translationMark';
import { frenchSourcesPath, frenchSourcesText, readFrenchSources, recordedHashes, updatedFrenchSources } from '../guides/translationStore';
import { writeThroughTemporary } from '../platform/durableFile';
import { ExitCode } from '../faces/exitCodes';
import { lintText } from '../faces/lintText';
import { CliError } from './cliError';
import { verb, type CliContext } from './context';
import { suggestion } from './didYouMean';
import { defaultGuidesFolder, lintLine } from './guidesFolder';
import { sharedOptions } from './options';
import { jsonMode, printJson } from './output';

const states: readonly TranslationState[] = ['up-to-date', 'outdated', 'unmarked', 'missing'];
const relative = (file: string) => path.relative(process.cwd(), file) || '.';

/** A guides folder: it exists and holds the French guides (guides/fr). */
function guidesRoot(context: CliContext, given: string | undefined): string {
  const root = path.resolve(given ?? defaultGuidesFolder());
  if (!existsSync(path.join(root, referenceLanguage)) || !statSync(path.join(root, referenceLanguage)).isDirectory()) {
    throw new CliError(context.t('guides.translation.error.not-guides', { folder: relative(root) }), ExitCode.notFound);
  }
  return root;
}

const status = verb(
  {
    summary: 'cli.verb.guides.status',
    environment: [],
    exitCodes: [ExitCode.notFound],
    examples: [{ command: 'ehealth guides status' }, { command: 'ehealth guides status guides --strict --json' }],
    options: { json: sharedOptions.json, strict: { type: 'boolean', default: false, help: 'cli.option.strict' } },
    positional: { value: 'cli.value.folder' },
  },
  async (context, { values, positionals }) => {
    // Read as lint reads it: a folder that is no language (guides/fr-BE/...) is said, not taken for missing translations.
    const folder = (await readGuideFolder(guidesRoot(context, positionals[0])))!;
    const languages = languageStatuses(folder.inputs.map((input) => input.guide));
    if (jsonMode(context, values)) {
      const counts = (counted: Record<TranslationState, number>) => ({ upToDate: counted['up-to-date'], outdated: counted.outdated, unmarked: counted.unmarked, missing: counted.missing });
      printJson(context, {
        problems: folder.problems.map((problem) => ({ file: relative(problem.file), code: problem.code, ...(problem.detail ? { detail: problem.detail } : {}), message: lintText(problem, context.t) })),
        languages: languages.map((language) => ({
          language: language.language,
          guides: counts(language.guides),
          steps: counts(language.steps),
          toUpdate: language.toUpdate.map((part) => ({ file: relative(part.file), line: part.line, guide: part.guide, part: part.part, ...(part.step ? { step: part.step } : {}), state: part.state })),
        })),
      });
    } else {
      for (const problem of folder.problems) context.out(lintLine(context, problem));
      printStatusTable(context, languages);
      for (const language of languages) for (const line of toUpdateLines(context, language.toUpdate)) context.out(line);
    }
    const pending = languages.some((language) => language.toUpdate.length > 0);
    return values.strict && (pending || folder.problems.length > 0) ? ExitCode.failure : ExitCode.ok;
  },
);

/** One row per language and kind (guides, steps), one column per state. */
function printStatusTable(context: CliContext, languages: ReturnType<typeof languageStatuses>): void {
  const header = ['', ...states.map((state) => context.t(`guides.status.column.${state}`))];
  const rows = languages.flatMap((language) =>
    (['guides', 'steps'] as const).map((kind) => [`${language.language} ${context.t(`guides.status.row.${kind}`)}`, ...states.map((state) => String(language[kind][state]))]),
  );
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column].length)));
  for (const row of [header, ...rows]) context.out(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]))).join('  ').trimEnd());
}

/** `file:line: part: state`; a file missing, or never marked, in one line rather than one per step. */
function toUpdateLines(context: CliContext, parts: readonly GuidePartStatus[]): string[] {
  const lines: string[] = [];
  for (const file of [...new Set(parts.map((part) => part.file))]) {
    const ofFile = parts.filter((part) => part.file === file);
    const whole = ofFile.length === ofFile[0].guideParts && ofFile.every((part) => part.state === ofFile[0].state);
    if (whole) lines.push(`${relative(file)}: ${context.t(`guides.status.state.${ofFile[0].state}`)}`);
    else for (const part of ofFile) lines.push(`${relative(file)}:${part.line}: ${partLabel(part)}: ${context.t(`guides.status.state.${part.state}`)}`);
  }
  return lines;
}

/** guides/<lang>/<id>.md with a translated language: its folder, language and French original. */
function translationFile(context: CliContext, given: string): { root: string; language: GuideLanguage; french: string } {
  const file = path.resolve(given);
  if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(context.t('guides.translation.error.not-found', { file: given }), ExitCode.notFound);
  const language = path.basename(path.dirname(file)) as GuideLanguage;
  if (!file.endsWith('.md') || !guideLanguages.includes(language)) throw new CliError(context.t('guides.translation.error.layout', { file: given }), ExitCode.usage);
  if (language === referenceLanguage) throw new CliError(context.t('guides.translation.error.french', { file: given }), ExitCode.usage);
  const root = guidesFolderOf(file);
  const french = path.join(root, referenceLanguage, path.basename(file));
  if (!existsSync(french)) throw new CliError(context.t('guides.translation.error.no-french', { file: given, french: relative(french) }), ExitCode.notFound);
  return { root, language, french };
}

/** The parts to mark: the whole file (its step ids must be the French ones), or one step found in both. */
function partsToMark(context: CliContext, french: Guide, translated: Guide, given: string, step: string | undefined): PartStatus[] {
  // What the parser recovered from a broken guide is no translation of anything: fix it first.
  for (const [guide, name] of [[french, relative(french.file)], [translated, given]] as const) {
    const broken = structureProblem(guide);
    if (broken) throw new CliError(context.t('guides.translation.error.broken', { file: name, line: broken.line, code: broken.code }), ExitCode.failure);
  }
  const parts = translationStatus(french, translated);
  const structure = () => new CliError(context.t('guides.translation.error.structure', { file: given }), ExitCode.failure);
  if (step === undefined) {
    const ids = (guide: Guide) => guide.steps.map((candidate) => candidate.id).join(' ');
    if (ids(french) !== ids(translated)) throw structure();
    return parts;
  }
  const id = step.replace(/^#/, '');
  const known = translated.steps.map((candidate) => candidate.id);
  if (!known.includes(id)) throw new CliError(context.t('guides.translation.error.unknown-step', { step: id, file: given }) + suggestion(context.t, id, known), ExitCode.usage);
  const part = parts.find((candidate) => candidate.step === id);
  if (!part) throw structure();
  return [part];
}

/** One translation to mark: where it is, its text as read, and the parts to record. */
interface Marking {
  file: string;
  french: string;
  text: string;
  translated: Guide;
  parts: PartStatus[];
}

const markTranslated = verb(
  {
    summary: 'cli.verb.guides.mark-translated',
    environment: [],
    exitCodes: [ExitCode.notFound],
    examples: [
      { command: 'ehealth guides mark-translated guides/nl/renew-certificate.md' },
      { command: 'ehealth guides mark-translated guides/nl/*.md' },
      { command: 'ehealth guides mark-translated guides/de/renew-certificate.md --step renew' },
    ],
    options: { step: { type: 'string', value: 'cli.value.id', help: 'cli.option.step' }, json: sharedOptions.json },
    positional: { value: 'cli.value.file', required: true, multiple: true },
  },
  async (context, { values, positionals }) => {
    if (values.step !== undefined && positionals.length > 1) throw new CliError(context.t('guides.translation.error.step-one-file', { count: positionals.length }), ExitCode.usage);
    // Every file checked before any is written: one refused, none marked. Each guides folder is read once.
    const folders = new Map<string, Guide[]>();
    const markings: Marking[] = [];
    for (const given of positionals) {
      const { root, french: frenchFile } = translationFile(context, given);
      const file = path.resolve(given);
      if (markings.some((marking) => marking.file === file)) continue;
      if (!folders.has(root)) {
        // Written over, an unreadable store would lose the French texts of every other translation.
        const store = readFrenchSources(root);
        if ('problem' in store) throw new CliError(context.t('guides.translation.error.store-invalid', { file: relative(store.problem.file), line: store.problem.line, detail: store.problem.detail }), ExitCode.failure);
        folders.set(root, await loadGuides(root));
      }
      const guides = folders.get(root)!;
      // Both are guides/<lang>/<id>.md files (translationFile): loadGuides read them.
      const french = guides.find((guide) => guide.file === frenchFile)!;
      const translated = guides.find((guide) => guide.file === file)!;
      const parts = partsToMark(context, french, translated, given, values.step);
      markings.push({ file, french: frenchFile, text: await fs.readFile(file, 'utf8'), translated, parts });
    }
    for (const marking of markings) {
      const marked = recordSources(marking.text, marking.parts, marking.translated.source);
      const { mode } = await fs.stat(marking.file);
      await replaceFile(marking.file, marked, mode & 0o777);
      // What the folder's translations now record, for the store: this one as just written.
      const guides = folders.get(guidesFolderOf(marking.file))!;
      const index = guides.findIndex((guide) => guide.file === marking.file);
      guides[index] = parseGuide(marked, marking.file, marking.translated.language);
    }
    const stores: string[] = [];
    for (const [root, guides] of folders) {
      const marked = markings.filter((marking) => guidesFolderOf(marking.file) === root).flatMap((marking) => marking.parts.map((part) => part.french));
      const store = frenchSourcesPath(root);
      const read = readFrenchSources(root);
      await replaceFile(store, frenchSourcesText(updatedFrenchSources('sources' in read ? read.sources : {}, marked, recordedHashes(guides))), 0o644);
      stores.push(relative(store));
    }
    if (jsonMode(context, values)) {
      const files = markings.map((marking) => ({
        file: relative(marking.file),
        french: relative(marking.french),
        marked: marking.parts.map((part) => ({ part: part.part, ...(part.step ? { step: part.step } : {}), source: part.french.hash, was: part.state })),
      }));
      printJson(context, { stores, files });
    } else {
      for (const marking of markings) {
        const count = context.t('guides.mark.parts', { count: marking.parts.length });
        context.out(context.t('guides.mark.done', { file: relative(marking.file), parts: count, french: relative(marking.french) }));
        for (const part of marking.parts) context.out(`  ${partLabel(part)}: ${context.t('guides.mark.was', { state: context.t(`guides.status.state.${part.state}` as MessageKey) })}`);
      }
    }
    return ExitCode.ok;
  },
);

/** Written as a new file, then renamed over the old one: never half a guide under its name. */
const replaceFile = (file: string, text: string, mode: number) => writeThroughTemporary(file, Buffer.from(text, 'utf8'), mode, (temporary) => fs.rename(temporary, file));

export const guidesTranslationVerbs = { status, 'mark-translated': markTranslated };
