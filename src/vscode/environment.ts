// Which registration authority the extension talks to: the local sandbox (default, offline),
// eHealth's acceptance platform, or production. Choosing production asks for an explicit
// confirmation, since what is requested there is real.
import * as vscode from 'vscode';
import { ENVIRONMENTS, isEnvironment, type Environment } from '../core/environment';
import { currentTranslator } from './language';
import { setting, updateSetting } from './settings';

export function currentEnvironment(): Environment {
  const chosen = setting('ehealth.environment');
  return isEnvironment(chosen) ? chosen : 'sandbox';
}

/**
 * Asks the user to confirm an action in production; true only when they pick the explicit answer.
 * A quick pick rather than a modal dialog: it cannot be dismissed by accident with Enter on a
 * default button, and it says what is at stake in its title.
 */
export async function confirmProduction(action: string): Promise<boolean> {
  const t = currentTranslator();
  const yes = { label: `$(warning) ${t('env.production.confirm-button')}`, confirmed: true };
  const no = { label: t('env.production.cancel'), confirmed: false };
  const answer = await vscode.window.showQuickPick([no, yes], { title: t('env.production.confirm', { action }), ignoreFocusOut: true });
  return answer?.confirmed === true;
}

export function registerEnvironmentCommand(): vscode.Disposable {
  return vscode.commands.registerCommand('ehealth.environment.select', async (chosen?: string) => {
    const t = currentTranslator();
    let environment = isEnvironment(chosen) ? chosen : undefined;
    if (!environment) {
      const current = currentEnvironment();
      const picked = await vscode.window.showQuickPick(
        ENVIRONMENTS.map((value) => ({ label: t(`environment.${value}`), description: value === current ? '✓' : '', detail: t(`env.${value}.detail`), value })),
        { title: t('env.pick') },
      );
      environment = picked?.value;
    }
    if (!environment) return undefined;
    if (environment === 'production' && !(await confirmProduction(t('env.switch')))) return undefined;
    await updateSetting('ehealth.environment', environment);
    return environment;
  });
}
