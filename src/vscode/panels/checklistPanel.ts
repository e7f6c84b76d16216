// Guides as live checklists in a webview: the steps of a guide in the chosen language, their
// engine checks (eID, keystores) updated as things change, action buttons limited to the
// allow-list, manual ticks and choices kept per guide and per keystore holder.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { assetUri, scriptNonce } from './html';
import { languages, translator, type Language } from '../../i18n';
import { formatHolder, parseHolder } from '../../core/holder';
import { operatingSystem } from '../../core/operatingSystem';
import { printable } from '../../core/printable';
import { namedHolder } from '../../core/readableIdentifier';
import { certificateActionIds, isActionId, isCheckId, keystoreActionIds, variantDimensions, type VariantDimension } from '../../guides/allowList';
import { evaluateCheck, followedKeystore, stepStatus } from '../../guides/checks';
import { countsDone, type ChecklistState, type FromChecklist } from '../../guides/checklistProtocol';
import { guidesFolderOf, type Guide, type GuideLanguage } from '../../guides/guide';
import type { KeystoreFile } from '../../keystore/model';
import type { AuthorityCertificate } from '../../procedures';
import { loadGuides, pickGuide } from '../../guides/guideLoader';
import { parseGuide, type RenderEnvironment } from '../../guides/guideParser';
import { forHolder, gatherFacts, onFactsChanged, type FactSources } from '../checkFacts';
import { currentEnvironment } from '../environment';
import { currentLanguage, currentTranslator, onDidChangeLanguage } from '../language';
import { previewProblems } from '../guides/previewProblems';

const languageNames: Record<Language, string> = { fr: 'Français', nl: 'Nederlands', en: 'English', de: 'Deutsch' };
const anyHolder = '*';

interface Preferences {
  language?: GuideLanguage;
  variants?: Partial<Record<VariantDimension, string>>;
  holder?: string;
}

/** Where a panel's guide comes from: the shipped guides, or a guide file being edited (preview). */
type Source = { kind: 'shipped'; id: string } | { kind: 'preview'; document: vscode.TextDocument; language: GuideLanguage };

export interface GuideServices extends FactSources {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
}

export class ChecklistPanel implements vscode.Disposable {
  private static readonly open = new Map<string, ChecklistPanel>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private guide: Guide | undefined;
  private eidWatch: vscode.Disposable | undefined;

  static show(services: GuideServices, source: Source): ChecklistPanel {
    const key = source.kind === 'shipped' ? source.id : `preview:${source.document.uri.toString()}`;
    const existing = ChecklistPanel.open.get(key);
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = new ChecklistPanel(services, source, key);
    ChecklistPanel.open.set(key, panel);
    return panel;
  }

  private readonly panel: vscode.WebviewPanel;

  private constructor(
    private readonly services: GuideServices,
    private readonly source: Source,
    private readonly key: string,
  ) {
    const root = services.context.extensionUri;
    const roots = [vscode.Uri.joinPath(root, 'dist', 'webview'), vscode.Uri.joinPath(root, 'media'), vscode.Uri.joinPath(root, 'guides')];
    if (source.kind === 'preview') roots.push(vscode.Uri.file(guidesFolderOf(source.document.uri.fsPath)));
    this.panel = vscode.window.createWebviewPanel('ehealth.guide', 'eHealth', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: roots, retainContextWhenHidden: false });
    this.panel.webview.html = this.page();
    this.subscriptions.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((message: FromChecklist) => void this.receive(message)),
      onFactsChanged(services, () => void this.update()),
      onDidChangeLanguage(() => void this.followLanguageSetting()),
    );
    if (source.kind === 'preview') {
      this.subscriptions.push(
        vscode.workspace.onDidChangeTextDocument((event) => event.document === source.document && void this.update()),
        // The linter's messages follow the text a moment later (guideDiagnostics waits for a pause).
        vscode.languages.onDidChangeDiagnostics((event) => event.uris.some((uri) => uri.toString() === source.document.uri.toString()) && void this.update()),
      );
    }
  }

  private page(): string {
    const webview = this.panel.webview;
    const nonce = scriptNonce();
    const asset = (...segments: string[]) => assetUri(webview, this.services.context.extensionUri, ...segments);
    return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${webview.cspSource}; style-src ${webview.cspSource}; font-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${asset('media', 'checklist.css')}">
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${nonce}" src="${asset('dist', 'webview', 'checklist.js')}"></script>
</body>
</html>`;
  }

  private preferencesKey(): string {
    return `ehealth.guide.preferences:${this.source.kind === 'shipped' ? this.source.id : this.guide?.id}`;
  }

  private preferences(): Preferences {
    return this.services.context.globalState.get<Preferences>(this.preferencesKey(), {});
  }

  private async savePreferences(change: Preferences): Promise<void> {
    const current = this.preferences();
    await this.services.context.globalState.update(this.preferencesKey(), { ...current, ...change, variants: { ...current.variants, ...change.variants } });
  }

  private progressKey(guide: Guide, holder: string): string {
    return `ehealth.guide.progress:${guide.id}:${holder}`;
  }

  private async loadGuide(language: GuideLanguage): Promise<Guide | undefined> {
    const env: RenderEnvironment = { resolveImage: (src) => this.imageUri(src) };
    if (this.source.kind === 'preview') return parseGuide(this.source.document.getText(), this.source.document.uri.fsPath, this.source.language, env);
    const guides = await loadGuides(vscode.Uri.joinPath(this.services.context.extensionUri, 'guides').fsPath, env);
    return pickGuide(guides, this.source.id, language);
  }

  /** Relative images of the guide's folder tree only; anything else is dropped. */
  private imageUri(src: string): string | undefined {
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) || !this.guide) return undefined;
    const file = path.resolve(path.dirname(this.guide.file), src);
    const guidesRoot = guidesFolderOf(this.guide.file);
    return file.startsWith(guidesRoot + path.sep) ? this.panel.webview.asWebviewUri(vscode.Uri.file(file)).toString() : undefined;
  }

  async update(): Promise<void> {
    const preferences = this.preferences();
    const language = this.source.kind === 'preview' ? this.source.language : (preferences.language ?? (currentLanguage() as GuideLanguage));
    // First pass gives the guide's file (for images), the second renders with it.
    this.guide = await this.loadGuide(language);
    this.guide = await this.loadGuide(language);
    const guide = this.guide;
    if (!guide) return;
    this.panel.title = guide.title;
    this.followEid(guide);
    void this.panel.webview.postMessage(await this.state(guide, language, preferences));
  }

  /** `ehealth.language` changed: the newer choice wins over a language picked on this page before. */
  private async followLanguageSetting(): Promise<void> {
    const kept: Preferences = { ...this.preferences() };
    delete kept.language;
    await this.services.context.globalState.update(this.preferencesKey(), kept);
    await this.update();
  }

  /** The eID is watched only while a guide that checks it is open. */
  private followEid(guide: Guide): void {
    const needsEid = guide.steps.some((step) => step.checks.some((check) => check.startsWith('eid.')));
    if (needsEid && !this.eidWatch) {
      this.eidWatch = this.services.eid.watch();
      if (!this.services.eid.current()) void this.services.eid.refresh();
    }
  }

  /**
   * Holders' names by notation: as eHealth lists them, or in full from a keystore's certificate (the
   * holder's latest keystore, unlocked or remembered from an earlier unlock, as the Keystores view names it).
   */
  private holderNames(keystores: readonly KeystoreFile[], authority: readonly AuthorityCertificate[] | undefined): Map<string, string> {
    const names = new Map((authority ?? []).map((certificate): [string, string] => [formatHolder(certificate.holder), certificate.name]));
    for (const file of keystores) {
      const name = file.holder && file.latest ? this.services.tree.holderName(file) : undefined;
      if (name) names.set(formatHolder(file.holder!), name);
    }
    for (const { holder } of this.services.session.all()) if (holder?.name) names.set(formatHolder(holder), holder.name);
    return names;
  }

  private async state(guide: Guide, language: GuideLanguage, preferences: Preferences): Promise<ChecklistState> {
    const t = translator(language);
    const everyone = await gatherFacts(this.services);
    // Holders of local keystores, and those eHealth listed (a lost keystore's holder too).
    const holders = [...new Set([...everyone.keystores.flatMap((file) => (file.holder && file.latest ? [file.holder] : [])), ...(everyone.authority ?? []).map((certificate) => certificate.holder)].map(formatHolder))].sort();
    const holder = preferences.holder && holders.includes(preferences.holder) ? preferences.holder : anyHolder;
    const names = this.holderNames(everyone.keystores, everyone.authority);
    const lookUpEtk = guide.steps.some((step) => step.checks.includes('etk.published'));
    const facts = forHolder(this.services, everyone, { ...heldBy(holder), lookUpEtk });
    const keystore = followedKeystore(facts);
    const ticked = this.services.context.globalState.get<Record<string, boolean>>(this.progressKey(guide, holder), {});
    const variants = usedDimensions(guide).map((dimension) => {
      const values = variantDimensions[dimension];
      const selected = preferences.variants?.[dimension] ?? defaultVariant(dimension);
      return { dimension, label: t(`guide.variant.${dimension}`), values: values.map((value) => ({ value, label: t(`guide.variant.${dimension}.${value}` as 'guide.variant.os.linux') })), selected };
    });
    const chosen = new Map(variants.map((variant) => [variant.dimension, variant.selected]));
    const actionsEnabled = this.source.kind === 'shipped' || vscode.workspace.isTrusted;
    const shown = guide.steps.filter((step) => !step.variant || chosen.get(step.variant.dimension) === step.variant.value);
    // Only a guide being written shows what the linter says; a shipped guide never does.
    const problems = this.source.kind === 'preview' ? previewProblems(this.source.document.uri, guide.steps, new Set(shown.map((step) => step.id))) : undefined;
    const steps = shown
      .map((step) => {
        const checks = step.checks.filter(isCheckId).map((id) => ({ id, label: t(`guide.checkname.${id}`), state: evaluateCheck(id, facts) }));
        const status = stepStatus(checks.map((check) => check.state), ticked[step.id] === true);
        const locked = keystore && checks.some((check) => check.state === 'locked');
        const action = step.action && isActionId(step.action) ? { label: t(`guide.action.${step.action}`), enabled: actionsEnabled } : undefined;
        return {
          id: step.id,
          title: step.title,
          html: step.html,
          ...(step.variant ? { variant: `${step.variant.dimension}:${step.variant.value}` } : {}),
          checks,
          ...(action ? { action } : {}),
          status,
          ...(locked ? { unlock: { label: t('guide.unlock'), ariaLabel: t('guide.unlock.label', { file: printable(keystore.fileName) }) } } : {}),
          ...(problems?.steps.has(step.id) ? { problems: problems.steps.get(step.id) } : {}),
        };
      });
    return {
      guideId: guide.id,
      title: guide.title,
      introHtml: guide.introHtml,
      language,
      preview: this.source.kind === 'preview',
      ...(problems?.guide.length ? { problems: problems.guide } : {}),
      steps,
      languages: languages.map((value) => ({ value, label: languageNames[value] })),
      variants,
      holders: [
        { value: anyHolder, label: t('guide.holder.any') },
        ...holders.map((value) => ({ value, label: printable(namedHolder(parseHolder(value)!, names.get(value))) })).sort((a, b) => a.label.localeCompare(b.label, language)),
      ],
      holder,
      labels: {
        language: t('guide.language'),
        holder: t('guide.holder'),
        reset: t('guide.reset'),
        done: t('guide.done'),
        checks: t('guide.checks'),
        progress: t('guide.progress', { count: steps.filter((step) => countsDone(step.status)).length, total: steps.length }),
        labelled: t('text.labelled'),
        preview: t('guide.preview'),
        // In the writer's language, as the messages themselves (and the Problems panel).
        problems: currentTranslator()('guide.preview.problems'),
        ...(actionsEnabled ? {} : { actionsDisabled: t('guide.actions-disabled') }),
        checkStates: { pass: t('guide.check.pass'), fail: t('guide.check.fail'), locked: t('guide.check.locked'), unknown: t('guide.check.unknown') },
        statuses: { verified: t('guide.step.verified'), manual: t('guide.step.manual'), failing: t('guide.step.failing'), todo: t('guide.step.todo') },
      },
    };
  }

  private async receive(message: FromChecklist): Promise<void> {
    const guide = this.guide;
    switch (message.type) {
      case 'ready':
        break;
      case 'language':
        if ((languages as readonly string[]).includes(message.language)) await this.savePreferences({ language: message.language as GuideLanguage });
        break;
      case 'variant':
        if ((variantDimensions as Record<string, readonly string[]>)[message.dimension]?.includes(message.value)) {
          await this.savePreferences({ variants: { [message.dimension]: message.value } });
        }
        break;
      case 'holder':
        await this.savePreferences({ holder: message.holder });
        break;
      case 'tick':
      case 'reset': {
        if (!guide) return;
        const holder = this.preferences().holder ?? anyHolder;
        const key = this.progressKey(guide, holder);
        const ticked = message.type === 'reset' ? {} : { ...this.services.context.globalState.get<Record<string, boolean>>(key, {}), [message.step]: message.ticked };
        await this.services.context.globalState.update(key, ticked);
        break;
      }
      case 'run':
        await this.run(message.step);
        return;
      case 'unlock':
        await this.unlock(message.step);
        return;
    }
    await this.update();
  }

  /** Runs the action of a step of this guide, if it is allow-listed; the webview never names a command. */
  private async run(stepId: string): Promise<void> {
    const step = this.guide?.steps.find((candidate) => candidate.id === stepId);
    const t = translator(currentLanguage());
    if (!step?.action) return;
    if (!isActionId(step.action)) {
      this.services.log.warn(`guide ${this.guide?.id}: refused command ${step.action}`);
      void vscode.window.showWarningMessage(t('guide.action.refused', { command: step.action }));
      return;
    }
    if (this.source.kind === 'preview' && !vscode.workspace.isTrusted) return;
    if (!(await vscode.commands.getCommands(true)).includes(step.action)) {
      void vscode.window.showInformationMessage(t('guide.action.unavailable'));
      return;
    }
    if ((certificateActionIds as readonly string[]).includes(step.action)) {
      const certificate = this.holderCertificate();
      // No holder chosen, or eHealth not asked yet: the user picks in the view of those certificates.
      if (!certificate) {
        await vscode.commands.executeCommand('ehealth.authority.focus');
        return;
      }
      this.services.log.info(`guide ${this.guide?.id}, step ${step.id}: ${step.action} on ${certificate}`);
      await vscode.commands.executeCommand(step.action, certificate);
    } else {
      // No holder chosen: the command asks which keystore.
      const holder = this.preferences().holder ?? anyHolder;
      const keystore = (keystoreActionIds as readonly string[]).includes(step.action) && holder !== anyHolder ? (await this.followed())?.path : undefined;
      this.services.log.info(`guide ${this.guide?.id}, step ${step.id}: ${step.action}${keystore ? ` on ${path.basename(keystore)}` : ''}`);
      await vscode.commands.executeCommand(step.action, ...(keystore ? [keystore] : []));
    }
    await this.update();
  }

  /** The public key identifier of the chosen holder's newest revocable certificate eHealth listed. */
  private holderCertificate(): string | undefined {
    const holder = this.preferences().holder;
    if (!holder || holder === anyHolder) return undefined;
    return this.services.authority
      .current(currentEnvironment())
      ?.certificates.filter((certificate) => certificate.revocable && formatHolder(certificate.holder) === holder)
      .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))[0]?.publicKeyIdentifier;
  }

  /** Unlocks the keystore whose checks wait for its password: the one the step's checks read. */
  private async unlock(stepId: string): Promise<void> {
    if (!this.guide?.steps.some((step) => step.id === stepId)) return;
    const file = (await this.followed())?.path;
    if (!file) return;
    this.services.log.info(`guide ${this.guide.id}, step ${stepId}: unlock ${path.basename(file)}`);
    await vscode.commands.executeCommand('ehealth.keystore.unlock', file);
    await this.update();
  }

  /** The keystore the guide follows for the holder chosen in the view: the one its checks read. */
  private async followed(): Promise<KeystoreFile | undefined> {
    return followedKeystore(forHolder(this.services, await gatherFacts(this.services), heldBy(this.preferences().holder ?? anyHolder)));
  }

  dispose(): void {
    ChecklistPanel.open.delete(this.key);
    this.eidWatch?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.panel.dispose();
  }
}

/** The facts' holder option for the holder chosen in the view. */
const heldBy = (holder: string) => (holder === anyHolder ? {} : { holder: parseHolder(holder) });

function usedDimensions(guide: Guide): VariantDimension[] {
  const used = new Set<VariantDimension>();
  for (const step of guide.steps) {
    if (step.variant) used.add(step.variant.dimension);
    for (const match of step.html.matchAll(/data-variant="(\w+):/g)) if (match[1] in variantDimensions) used.add(match[1] as VariantDimension);
  }
  return [...used];
}

function defaultVariant(dimension: VariantDimension): string {
  if (dimension === 'os') return operatingSystem(process.platform);
  return variantDimensions[dimension][0] === 'production' ? 'acceptance' : variantDimensions[dimension][0];
}
