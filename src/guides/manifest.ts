// `contributes.walkthroughs` generated from the guides: one walkthrough per guide, one walkthrough
// step per guide step, its strings in package.nls.*.json (English default, then fr, nl, de), an
// action step's button as a command link, and completion tied to the same checks and actions.
import { certificateActionIds, isActionId, isCheckId } from './allowList';
import { referenceLanguage, type Guide, type GuideLanguage } from './guide';

export interface WalkthroughStep {
  id: string;
  title: string;
  description: string;
  media: { image: string; altText: string };
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

/** The context key a check sets when it passes, for `onContext:` completion events. */
export const checkContextKey = (check: string) => `ehealth.check.${check}`;

const key = (...parts: string[]) => `${nlsPrefix}${parts.join('.')}`;
const placeholder = (...parts: string[]) => `%${key(...parts)}%`;

/** The step's first paragraph as plain text: walkthrough descriptions are short. */
function summary(html: string, limit = 280): string {
  const paragraph = /<p>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
  // Line breaks become spaces; the no-break spaces of French typography stay, and a cut never falls on one.
  const text = paragraph.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/[ \t\r\n]+/g, ' ').trim();
  return text.length > limit ? `${text.slice(0, limit - 1).replace(/ [^ ]*$/, '')}…` : text;
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
}

/**
 * VS Code replaces a `%key%` placeholder only when it is the whole string, so a step's description,
 * command links included, lives entirely in the nls files.
 */
export function walkthroughsOf(
  guides: readonly Guide[],
  labels: (language: GuideLanguage) => ManifestLabels,
): { walkthroughs: Walkthrough[]; strings: Record<GuideLanguage, Record<string, string>> } {
  const reference = guides.filter((guide) => guide.language === referenceLanguage).sort((a, b) => a.id.localeCompare(b.id));
  const strings: Record<GuideLanguage, Record<string, string>> = { en: {}, fr: {}, nl: {}, de: {} };
  const walkthroughs = reference.map((french): Walkthrough => {
    for (const language of Object.keys(strings) as GuideLanguage[]) {
      const guide = guides.find((candidate) => candidate.id === french.id && candidate.language === language) ?? french;
      const table = strings[language];
      const { openChecklist, action } = labels(language);
      const openLink = `[${openChecklist}](command:ehealth.guides.open?${encodeURIComponent(JSON.stringify([french.id]))})`;
      table[key(guide.id, 'title')] = guide.title;
      table[key(guide.id, 'description')] = summary(guide.introHtml, 200);
      for (const step of guide.steps) {
        const button = step.action && isActionId(step.action) ? `\n[${action(step.action)}](command:${linkedCommand(step.action)})` : '';
        table[key(guide.id, step.id, 'title')] = step.title;
        table[key(guide.id, step.id, 'description')] = `${summary(step.html)}${button}\n${openLink}`;
      }
    }
    return {
      id: french.id,
      title: placeholder(french.id, 'title'),
      description: placeholder(french.id, 'description'),
      steps: french.steps.map((step) => ({
        id: step.id,
        title: placeholder(french.id, step.id, 'title'),
        description: placeholder(french.id, step.id, 'description'),
        media: { image: 'media/walkthrough.svg', altText: placeholder('media') },
        completionEvents: [...step.checks.filter(isCheckId).map((check) => `onContext:${checkContextKey(check)}`), ...(step.action && isActionId(step.action) ? [`onCommand:${step.action}`] : [])],
      })),
    };
  });
  return { walkthroughs, strings };
}
