// `contributes.walkthroughs` generated from three guides (get started, request, renew): one walkthrough
// step per guide step with the step's full text, its button as a command link, its own illustration
// (media/walkthroughs, light and dark), completion only once what the step asks has succeeded
// (a context key the extension sets after the action succeeded, or the step's checks all passing),
// and, for a step written for one variant, a `when` clause where VS Code can tell the variant.
// The other guides stay checklists (ehealth.guides.open). Strings in package.nls.*.json.
import { certificateActionIds, isActionId, isCheckId, type ActionId, type Variant } from './allowList';
import { referenceLanguage, type Guide, type GuideLanguage, type GuideStep } from './guide';
import { illustrationPositions } from './walkthroughMedia';

export interface WalkthroughStep {
  id: string;
  title: string;
  description: string;
  when?: string;
  media: { image: { light: string; dark: string; hc: string; hcLight: string }; altText: string };
  completionEvents: string[];
}

export interface Walkthrough {
  id: string;
  title: string;
  description: string;
  steps: WalkthroughStep[];
}

/** The nls file of each language; English is VS Code's default `package.nls.json`. */
export const nlsFiles: Record<GuideLanguage, string> = { en: 'package.nls.json', fr: 'package.nls.fr.json', nl: 'package.nls.nl.json', de: 'package.nls.de.json' };
export const nlsPrefix = 'walkthrough.';

/** The guides made walkthroughs, in the order VS Code lists them: get started, request, renew. */
export const walkthroughGuides = ['get-started', 'request-personal-certificate', 'renew-certificate'] as const;

/** The context key a check sets when it passes, for `onContext:` completion events. */
export const checkContextKey = (check: string) => `ehealth.check.${check}`;

/** What the extension reports as succeeded: a procedure (its name) or the eID self-test. */
export type Succeeded = 'request' | 'complete' | 'completeRenewal' | 'renew' | 'activate' | 'revoke' | 'list' | 'status' | 'eidSelfTest';

/** The context key set once `what` succeeded in this window (a walkthrough step done). */
export const succeededContextKey = (what: Succeeded) => `ehealth.succeeded.${what}`;

/**
 * The context key that says a step's action succeeded; the views a focus action shows. Completing a
 * renewal is its own key: completing a first certificate does not tick the renew walkthrough. A
 * sandbox rehearsal counts (the walkthroughs say so): the steps are the same, and a first run
 * rehearses them there.
 */
const actionSucceeded: Partial<Record<ActionId, string>> = {
  'ehealth.cert.request': succeededContextKey('request'),
  'ehealth.cert.complete': succeededContextKey('complete'),
  'ehealth.cert.completeRenewal': succeededContextKey('completeRenewal'),
  'ehealth.cert.renew': succeededContextKey('renew'),
  'ehealth.cert.activateEtk': succeededContextKey('activate'),
  'ehealth.cert.revoke': succeededContextKey('revoke'),
  'ehealth.authority.revoke': succeededContextKey('revoke'),
  'ehealth.authority.refresh': succeededContextKey('list'),
  'ehealth.eid.selfTest': succeededContextKey('eidSelfTest'),
  'ehealth.environment.select': checkContextKey('environment.chosen'),
  'ehealth.sandbox.start': checkContextKey('sandbox.running'),
  'ehealth.keystore.unlock': checkContextKey('keystore.unlocked'),
};
const actionView: Partial<Record<ActionId, string>> = {
  'ehealth.keystores.focus': 'ehealth.keystores',
  'ehealth.authority.focus': 'ehealth.authority',
  'ehealth.eid.showStatus': 'ehealth.eid',
};

/**
 * When a step is done: its action succeeded (never merely started), or the view it opens is shown;
 * without an action, all its checks pass; a step with neither is read, done once selected.
 */
export function completionEvents(step: Pick<GuideStep, 'action' | 'checks'>): string[] {
  const action = step.action && isActionId(step.action) ? step.action : undefined;
  const succeeded = action && actionSucceeded[action];
  if (succeeded) return [`onContext:${succeeded}`];
  const view = action && actionView[action];
  if (view) return [`onView:${view}`];
  const checks = step.checks.filter(isCheckId).map(checkContextKey);
  return checks.length ? [`onContext:${checks.join(' && ')}`] : ['onStepSelected'];
}

/**
 * When VS Code shows a step written for one variant: the system is VS Code's own context key, the
 * environment the extension's setting (acceptance steps also show in the sandbox, which rehearses
 * them). The holder and the organisation's validation mode are chosen in each checklist, not known
 * to VS Code: those steps always show, named by their variant (as the parts of steps are).
 */
export function variantWhen(variant: Variant | undefined): string | undefined {
  switch (variant?.dimension) {
    case 'os':
      return { windows: 'isWindows', macos: 'isMac', linux: 'isLinux' }[variant.value];
    case 'environment':
      return variant.value === 'production' ? "config.ehealth.environment == 'production'" : "config.ehealth.environment != 'production'";
    default:
      return undefined;
  }
}

/** A step's illustration, per theme kind. */
export const mediaFile = (guide: string, step: string, theme: 'light' | 'dark') => `media/walkthroughs/${guide}/${step}-${theme}.svg`;

const key = (...parts: string[]) => `${nlsPrefix}${parts.join('.')}`;
const placeholder = (...parts: string[]) => `%${key(...parts)}%`;

/**
 * A walkthrough's description: the whole sentences of the introduction's first paragraph that fit in
 * `limit` characters, at least the first (VS Code shows three lines of it). Never a cut inside a
 * sentence, where an enumeration or the list a colon announces would stop half-way.
 */
export function summary(html: string, limit = 200): string {
  const paragraph = inline(/<p>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '');
  const sentences = paragraph.split(/(?<=[.!?…])\s+(?=[\p{Lu}\d«"*`[])/u);
  let text = sentences[0] ?? '';
  for (const sentence of sentences.slice(1)) {
    if (text.length + 1 + sentence.length > limit) break;
    text = `${text} ${sentence}`;
  }
  return text;
}

/**
 * The command a walkthrough's link runs. A link carries no chosen holder: an action on one certificate
 * at eHealth shows the view of those certificates, where the user picks it (as the checklist does
 * with no holder chosen).
 */
const linkedCommand = (action: string) => ((certificateActionIds as readonly string[]).includes(action) ? 'ehealth.authority.focus' : action);

/** Labels the generated descriptions need in each language. */
export interface ManifestLabels {
  openChecklist: string;
  action: (action: string) => string;
  /** A variant's label (`os:windows` → System: Windows): a part of a step shows under it. */
  variant: (variant: string) => string;
  /** The text alternative of a step's illustration, which shows the step's number among `total`. */
  illustration: (number: number, total: number, title: string) => string;
}

/** Inline Markdown a walkthrough description renders: bold, italic, code and web links; one line. */
function inline(html: string): string {
  return decodeEntities(
    html
      .replace(/<img[^>]*>/g, '')
      .replace(/<strong>([\s\S]*?)<\/strong>/g, '**$1**')
      .replace(/<em>([\s\S]*?)<\/em>/g, '__$1__')
      .replace(/<code>([\s\S]*?)<\/code>/g, '`$1`')
      .replace(/<a href="(https?:[^"]+)"[^>]*>([\s\S]*?)<\/a>/g, '[$2]($1)')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}

/**
 * A step's full text as walkthrough markdown: VS Code makes each line a paragraph, so one line per
 * paragraph and per list item (numbered or bulleted), bold, italic, code and web links kept, each
 * variant part under its name.
 */
export function fullText(html: string, variant: (variant: string) => string): string {
  const lines: string[] = [];
  const lists: Array<{ ordered: boolean; count: number }> = [];
  let line = '';
  const marker = /^(\d+\. |• )$/;
  const flush = () => {
    if (marker.test(line)) return;
    const text = inline(line);
    if (text) lines.push(text);
    line = '';
  };
  for (const part of html.split(/(<\/?(?:p|li|ol|ul|h[1-6]|div|blockquote|pre)\b[^>]*>)/)) {
    const tag = /^<(\/?)(\w+)([^>]*)>$/.exec(part);
    if (!tag) {
      line += part;
      continue;
    }
    const [, closing, name, attributes] = tag;
    flush();
    if (name === 'ol' || name === 'ul') {
      if (closing) lists.pop();
      else lists.push({ ordered: name === 'ol', count: 0 });
    } else if (name === 'li' && !closing) {
      const list = lists[lists.length - 1];
      if (list) line = list.ordered ? `${++list.count}. ` : '• ';
    } else if (name === 'div' && !closing) {
      const named = /data-variant="([^"]+)"/.exec(attributes)?.[1];
      if (named) lines.push(`**${variant(decodeEntities(named))}**`);
    }
  }
  flush();
  return lines.join('\n');
}

function decodeEntities(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * VS Code replaces a `%key%` placeholder only when it is the whole string, so a step's description,
 * command links included, lives entirely in the nls files.
 */
export function walkthroughsOf(
  guides: readonly Guide[],
  labels: (language: GuideLanguage) => ManifestLabels,
  ids: readonly string[] = walkthroughGuides,
): { walkthroughs: Walkthrough[]; strings: Record<GuideLanguage, Record<string, string>> } {
  const reference = ids.flatMap((id) => guides.filter((guide) => guide.id === id && guide.language === referenceLanguage));
  const strings: Record<GuideLanguage, Record<string, string>> = { en: {}, fr: {}, nl: {}, de: {} };
  const walkthroughs = reference.map((french): Walkthrough => {
    const positions = new Map(illustrationPositions(french.steps).map((position, index) => [french.steps[index].id, position]));
    for (const language of Object.keys(strings) as GuideLanguage[]) {
      const guide = guides.find((candidate) => candidate.id === french.id && candidate.language === language) ?? french;
      const table = strings[language];
      const { openChecklist, action, variant, illustration } = labels(language);
      const openLink = `[${openChecklist}](command:ehealth.guides.open?${encodeURIComponent(JSON.stringify([french.id]))})`;
      table[key(guide.id, 'title')] = guide.title;
      table[key(guide.id, 'description')] = summary(guide.introHtml);
      for (const step of guide.steps) {
        const named = step.variant ? `**${variant(`${step.variant.dimension}:${step.variant.value}`)}**\n` : '';
        const button = step.action && isActionId(step.action) ? `\n[${action(step.action)}](command:${linkedCommand(step.action)})` : '';
        const position = positions.get(step.id) ?? { index: 0, total: 1 };
        table[key(guide.id, step.id, 'title')] = step.title;
        table[key(guide.id, step.id, 'description')] = `${named}${fullText(step.html, variant)}${button}\n${openLink}`;
        table[key(guide.id, step.id, 'media')] = illustration(position.index + 1, position.total, step.title);
      }
    }
    return {
      id: french.id,
      title: placeholder(french.id, 'title'),
      description: placeholder(french.id, 'description'),
      steps: french.steps.map((step) => {
        const when = variantWhen(step.variant);
        return {
          id: step.id,
          title: placeholder(french.id, step.id, 'title'),
          description: placeholder(french.id, step.id, 'description'),
          ...(when ? { when } : {}),
          media: {
            image: { light: mediaFile(french.id, step.id, 'light'), dark: mediaFile(french.id, step.id, 'dark'), hc: mediaFile(french.id, step.id, 'dark'), hcLight: mediaFile(french.id, step.id, 'light') },
            altText: placeholder(french.id, step.id, 'media'),
          },
          completionEvents: completionEvents(step),
        };
      }),
    };
  });
  return { walkthroughs, strings };
}
