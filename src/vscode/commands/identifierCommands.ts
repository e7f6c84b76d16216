// Checking Belgian identifiers from a guide step or the palette: a national number (NISS/SSIN,
// BIS numbers too) or an enterprise number (CBE), validated as the user types, with what the number
// says (birth date, sex, written form) and a button to copy it in the usual written form.
import * as vscode from 'vscode';
import { formatCbe, normalizeCbe } from '../../core/cbe';
import { formatSsin, parseSsin, type Ssin } from '../../core/ssin';
import { labelled } from '../../i18n';
import { currentTranslator } from '../language';

type Translate = ReturnType<typeof currentTranslator>;

interface Checked {
  /** The usual written form. */
  written: string;
  /** What the number says, in the user's language. */
  details: string;
}

function ssinDetails(t: Translate, ssin: Ssin): string {
  const kind = t(ssin.kind === 'bis' ? 'identifier.ssin.bis' : 'identifier.ssin.national');
  const sex = ssin.sex ? t(`identifier.ssin.${ssin.sex}`) : t('identifier.ssin.sex-unknown');
  return t('identifier.ssin.details', { kind, birthDate: ssin.birthDate, sex });
}

const checkers = {
  ssin: (t: Translate, text: string): Checked | undefined => {
    const ssin = parseSsin(text);
    return ssin && { written: formatSsin(ssin.digits), details: ssinDetails(t, ssin) };
  },
  cbe: (t: Translate, text: string): Checked | undefined => {
    const digits = normalizeCbe(text);
    return digits ? { written: formatCbe(digits), details: t('identifier.cbe.details', { written: formatCbe(digits) }) } : undefined;
  },
};

type Kind = keyof typeof checkers;

/** Asks for a number (unless given), says live whether it checks out; returns the written form. */
async function check(kind: Kind, given?: string): Promise<string | undefined> {
  const t = currentTranslator();
  const validate = (text: string): vscode.InputBoxValidationMessage | string | undefined => {
    if (!text.trim()) return undefined;
    const checked = checkers[kind](t, text);
    return checked ? { message: checked.details, severity: vscode.InputBoxValidationSeverity.Info } : t(`identifier.${kind}.invalid`);
  };
  const text =
    typeof given === 'string'
      ? given
      : await vscode.window.showInputBox({ title: t(`identifier.${kind}.title`), prompt: t(`identifier.${kind}.prompt`), ignoreFocusOut: true, validateInput: validate });
  if (!text?.trim()) return undefined;
  const checked = checkers[kind](t, text);
  if (!checked) {
    void vscode.window.showWarningMessage(t(`identifier.${kind}.invalid`));
    return undefined;
  }
  const copy = t('identifier.copy');
  void vscode.window.showInformationMessage(labelled(t, checked.written, checked.details), copy).then((answer) => {
    if (answer === copy) void vscode.env.clipboard.writeText(checked.written);
  });
  return checked.written;
}

export function registerIdentifierCommands(): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('ehealth.identifier.validateSsin', (text?: string) => check('ssin', text)),
    vscode.commands.registerCommand('ehealth.identifier.validateCbe', (text?: string) => check('cbe', text)),
  ];
}
