// A guide lint message in words, the same for the CLI (`ehealth guides lint`) and VS Code's
// diagnostics: the code's `guides.lint.<code>` message, then the detail the linter gave and the word
// it suggests ("did you mean ...?").
import type { MessageKey, Translator } from '../i18n';

export function lintText(message: { code: string; detail?: string; suggestion?: string }, t: Translator): string {
  const text = t(`guides.lint.${message.code}` as MessageKey);
  const detailed = message.detail ? `${text} (${message.detail})` : text;
  return message.suggestion ? `${detailed} ${t('guides.lint.did-you-mean', { suggestion: message.suggestion })}` : detailed;
}
