// The words the generated walkthroughs take from the catalogs, in each guide language: the
// checklist link, each button's label, a variant's name, the text alternative of an illustration.
import { translate, type Language, type MessageKey } from '../i18n';

export function walkthroughLabels(language: Language) {
  // Keys built from an allow-listed action or variant: the checklist view uses the same, type-checked.
  const named = (key: string) => translate(language, key as MessageKey);
  return {
    openChecklist: translate(language, 'walkthrough.open-checklist'),
    action: (action: string) => named(`guide.action.${action}`),
    variant: (variant: string) => {
      const [dimension, value] = variant.split(':');
      return translate(language, 'walkthrough.variant', { dimension: named(`guide.variant.${dimension}`), value: named(`guide.variant.${dimension}.${value}`) });
    },
    illustration: (number: number, total: number, title: string) => translate(language, 'walkthrough.illustration', { number, total, title }),
  };
}
