// The words the generated walkthroughs take from the catalogs, in each guide language: the
// checklist link, each button's label, a variant's name, the text alternative of an illustration.
import { translate, type Language, type MessageKey } from '../i18n';

export function walkthroughLabels(language: Language) {
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key as MessageKey, params);
  return {
    openChecklist: t('walkthrough.open-checklist'),
    action: (action: string) => t(`guide.action.${action}`),
    variant: (variant: string) => {
      const [dimension, value] = variant.split(':');
      return t('walkthrough.variant', { dimension: t(`guide.variant.${dimension}`), value: t(`guide.variant.${dimension}.${value}`) });
    },
    illustration: (number: number, total: number, title: string) => t('walkthrough.illustration', { number, total, title }),
  };
}
